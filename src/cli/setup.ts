import { bundledRules, loadRules, type RuleSet } from "../rules/load.js";
import { applyConfig, configPacks, findConfig, type Config } from "../rules/config.js";

/** Where the rules of a run come from: --rules packs and --config, as the user gave them. */
export interface RuleSource {
  rules?: string[];
  config?: string;
}

/** The bundled rules, the config's packs and --rules packs, then the config's changes. */
export function loadRuleSource(source: RuleSource, cwd = process.cwd()): { rules: RuleSet; config: Config | undefined } {
  const config = findConfig(cwd, source.config);
  const rules = loadRules([bundledRules, ...configPacks(config), ...(source.rules ?? [])]);
  return { rules: applyConfig(rules, config), config };
}
