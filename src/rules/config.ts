import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";
import type { Rulebook } from "./load.js";
import { severities } from "../types.js";
import { readYamlFile, type YamlFile } from "./yaml-file.js";

const severity = z.enum(severities);

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

/** The rulebook with the config's rules turned off and severities changed. Unknown ids are errors at their line. */
export function applyConfig(rulebook: Rulebook, config: Config | undefined): Rulebook {
  if (!config) return rulebook;
  const { disable, severity: newSeverity } = config.data;
  const known = (id: string) => rulebook.rulesById.has(id) || rulebook.elements.some((e) => e.element.id === id);
  disable.forEach((id, i) => known(id) || config.fail(["disable", i], `no rule or element "${id}"`));
  for (const id of Object.keys(newSeverity)) if (!known(id)) config.fail(["severity", id], `no rule or element "${id}"`, true);

  const off = new Set(disable);
  const ruleList = rulebook.rules
    .filter((c) => !off.has(c.rule.id))
    .map((c) => (newSeverity[c.rule.id] ? { ...c, rule: { ...c.rule, severity: newSeverity[c.rule.id]! } } : c));
  const model = rulebook.model && {
    ...rulebook.model,
    findings: rulebook.model.findings
      .filter((f) => !off.has(f.head.id))
      .map((f) => (newSeverity[f.head.id] ? { ...f, head: { ...f.head, severity: newSeverity[f.head.id]! } } : f)),
  };
  const rules = [...rulebook.rulesById.values()]
    .filter((r) => !off.has(r.id))
    .map((r) => (newSeverity[r.id] ? { ...r, severity: newSeverity[r.id]! } : r));
  return {
    ...rulebook,
    rules: ruleList,
    ...(model ? { model } : {}),
    rulesById: new Map(rules.map((r) => [r.id, r])),
    elements: rulebook.elements
      .filter((c) => !off.has(c.element.id))
      .map((c) => (newSeverity[c.element.id] ? { ...c, element: { ...c.element, severity: newSeverity[c.element.id]! } } : c)),
  };
}
