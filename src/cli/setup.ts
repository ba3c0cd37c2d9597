import { resolve } from "node:path";
import { bundledRules, loadRules, type Rulebook } from "../rules/load.js";
import { applyConfig, configPacks, findConfig, type Config } from "../rules/config.js";

/** Where the rules of a run come from: --rules packs and --config, as the user gave them. */
export interface RuleSource {
  rules?: string[];
  /** A config file, or false for none (--no-config). */
  config?: string | false;
}

/** The bundled rules, the config's packs and --rules packs, then the config's changes. */
export function loadRulebook(source: RuleSource, cwd: string): { rulebook: Rulebook; config: Config | undefined } {
  const config = findConfig(cwd, source.config);
  const rulebook = loadRules([bundledRules, ...configPacks(config), ...(source.rules ?? []).map((p) => resolve(cwd, p))]);
  return { rulebook: applyConfig(rulebook, config), config };
}
