import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";
import type { RuleSet } from "./load.js";
import { readYamlFile, type YamlFile } from "./yaml-file.js";

const severity = z.enum(["high", "medium", "low", "info"]);

/** `.consent-lens.yaml`: what a team changes about the bundled rules. */
export const ConfigSchema = z.strictObject({
  rules: z.array(z.string().min(1)).default([]).describe("Rule packs to add: YAML files or folders, relative to this file"),
  disable: z.array(z.string().min(1)).default([]).describe("Rule or checklist element ids to turn off"),
  severity: z.record(z.string(), severity).default({}).describe("New severities, by rule or element id"),
  "fail-on": severity.optional().describe("Exit 1 when a risk at or above this severity is found (the --fail-on flag wins)"),
});

export type Config = YamlFile<z.output<typeof ConfigSchema>>;

export const configNames = [".consent-lens.yaml", ".consent-lens.yml"];

/** The config file: the one named, or the first found from `cwd` upward. */
export function findConfig(cwd: string, named?: string): Config | undefined {
  if (named) return readYamlFile(resolve(cwd, named), ConfigSchema, "config file");
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const found = configNames.map((n) => join(dir, n)).find((f) => existsSync(f));
    if (found) return readYamlFile(found, ConfigSchema, "config file");
    if (dirname(dir) === dir) return undefined;
  }
}

/** Rule pack paths of a config, resolved against the config file's folder. */
export const configPacks = (config: Config | undefined) => (config ? config.data.rules.map((p) => resolve(dirname(config.file), p)) : []);

/** The rule set with the config's rules turned off and severities changed. Unknown ids are errors at their line. */
export function applyConfig(rules: RuleSet, config: Config | undefined): RuleSet {
  if (!config) return rules;
  const { disable, severity: severities } = config.data;
  const known = (id: string) => rules.byId.has(id) || rules.elements.some((e) => e.element.id === id);
  disable.forEach((id, i) => known(id) || config.fail(["disable", i], `no rule or element "${id}"`));
  for (const id of Object.keys(severities)) if (!known(id)) config.fail(["severity", id], `no rule or element "${id}"`, true);

  const off = new Set(disable);
  const ruleList = rules.rules
    .filter((c) => !off.has(c.rule.id))
    .map((c) => (severities[c.rule.id] ? { ...c, rule: { ...c.rule, severity: severities[c.rule.id]! } } : c));
  return {
    ...rules,
    rules: ruleList,
    byId: new Map(ruleList.map((c) => [c.rule.id, c.rule])),
    elements: rules.elements
      .filter((c) => !off.has(c.element.id))
      .map((c) => (severities[c.element.id] ? { ...c, element: { ...c.element, severity: severities[c.element.id]! } } : c)),
  };
}
