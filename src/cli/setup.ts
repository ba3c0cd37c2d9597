import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Problems } from "../errors.js";
import type { Rulebook } from "../rules/load.js";
import type { Config } from "../rules/config.js";
import { bundledRulebook } from "../rules/bundle.js";

/** Where the rules of a run come from: --rules packs and --config, as the user gave them. */
export interface RuleSource {
  rules?: string[];
  /** A config file, or false for none (--no-config). */
  config?: string | false;
}

const configNames = [".consent-lens.yaml", ".consent-lens.yml"];

/** The config file: the one named, or the first found from `cwd` upward; none at all with `false` (--no-config). */
export function findConfig(cwd: string, named: string | false | undefined): string | undefined {
  if (named === false) return undefined;
  if (named) return resolve(cwd, named);
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const found = configNames.map((n) => join(dir, n)).find((f) => existsSync(f));
    if (found) return found;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The bundled rules, the config's packs and --rules packs, then the config's changes; every
 * problem of them in one error. Without a config or a pack, the build's compiled bundle is all
 * there is to read: YAML, zod and RE2 load only for a user's files.
 */
export async function loadRulebook(source: RuleSource, cwd: string): Promise<{ rulebook: Rulebook; config: Config | undefined }> {
  const configFile = findConfig(cwd, source.config);
  const bundled = configFile || source.rules?.length ? undefined : bundledRulebook();
  if (bundled) return { rulebook: bundled, config: undefined };
  const [{ bundledRules, loadRules }, { applyConfig, configPacks, readConfig }] = await Promise.all([
    import("../rules/load.js"),
    import("../rules/config.js"),
  ]);
  const problems = new Problems();
  const config = configFile === undefined ? undefined : readConfig(configFile, problems);
  const loaded = problems.attempt(() =>
    loadRules([bundledRules, ...configPacks(config), ...(source.rules ?? []).map((p) => resolve(cwd, p))]),
  );
  const rulebook = loaded && problems.attempt(() => applyConfig(loaded, config));
  problems.throwIfAny();
  return { rulebook: rulebook!, config };
}
