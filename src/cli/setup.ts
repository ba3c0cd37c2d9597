import { resolve } from "node:path";
import { bundledRules, loadRules, type Rulebook } from "../rules/load.js";
import { Problems } from "../errors.js";
import { applyConfig, configPacks, findConfig, type Config } from "../rules/config.js";

/** Where the rules of a run come from: --rules packs and --config, as the user gave them. */
export interface RuleSource {
  rules?: string[];
  /** A config file, or false for none (--no-config). */
  config?: string | false;
}

/** The bundled rules, the config's packs and --rules packs, then the config's changes. Every problem of them in one error. */
export function loadRulebook(source: RuleSource, cwd: string): { rulebook: Rulebook; config: Config | undefined } {
  const problems = new Problems();
  const config = findConfig(cwd, source.config, problems);
  const loaded = problems.attempt(() =>
    loadRules([bundledRules, ...configPacks(config), ...(source.rules ?? []).map((p) => resolve(cwd, p))]),
  );
  const rulebook = loaded && problems.attempt(() => applyConfig(loaded, config));
  problems.throwIfAny();
  return { rulebook: rulebook!, config };
}
