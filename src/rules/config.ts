import { dirname, resolve } from "node:path";
import { z } from "zod";
import type { Rulebook } from "./load.js";
import { failOnLevels, severities } from "../types.js";
import { readYamlFile, type YamlFile } from "./yaml-file.js";
import { didYouMean, Problems } from "../errors.js";
import { display } from "../display.js";

const severity = z.enum(severities);

export type FailOn = (typeof failOnLevels)[number];

/** `.consent-lens.yaml`: what a team changes about the bundled rules. */
export const ConfigSchema = z.strictObject({
  rules: z.array(z.string().min(1)).default([]).describe("Rule packs to add: YAML files or folders, relative to this file"),
  disable: z.array(z.string().min(1)).default([]).describe("Rule or checklist element ids to turn off"),
  severity: z.record(z.string(), severity).default({}).describe("New severities, by rule or element id"),
  "fail-on": z
    .enum(failOnLevels)
    .optional()
    .describe("Exit 1 when a risk at or above this severity is found; none never (the --fail-on flag wins)"),
  "fail-on-missing": z
    .boolean()
    .optional()
    .describe("Exit 1 also when the form leaves out a required element (at or above fail-on, if set)"),
});

export type Config = YamlFile<z.output<typeof ConfigSchema>>;

/** Reads a config file (cli/setup.ts finds it); its problems are kept in `problems`, and the rest of it read. */
export const readConfig = (file: string, problems: Problems): Config => readYamlFile(file, ConfigSchema, "config file", problems);

/** Rule pack paths of a config, resolved against the config file's folder. */
export const configPacks = (config: Config | undefined) => (config ? config.data.rules.map((p) => resolve(dirname(config.file), p)) : []);

/** The rulebook with the config's rules turned off and severities changed. Unknown ids are errors at their line, all of them. */
export function applyConfig(rulebook: Rulebook, config: Config | undefined): Rulebook {
  if (!config) return rulebook;
  const { disable, severity: newSeverity } = config.data;
  const ids = [...rulebook.rulesById.keys(), ...rulebook.elements.map((e) => e.element.id)];
  const known = new Set(ids);
  const problems = new Problems();
  const unknown = (id: string) => `no rule or element "${id}"${didYouMean(id, ids)}`;
  disable.forEach((id, i) => known.has(id) || problems.attempt(() => config.fail(["disable", i], unknown(id))));
  for (const id of Object.keys(newSeverity)) if (!known.has(id)) problems.attempt(() => config.fail(["severity", id], unknown(id), true));
  problems.throwIfAny();

  const off = new Set(disable);
  const ruleList = rulebook.rules
    .filter((c) => !off.has(c.rule.id))
    .map((c) => (newSeverity[c.rule.id] ? { ...c, rule: { ...c.rule, severity: newSeverity[c.rule.id]! } } : c));
  const severities = Object.entries(newSeverity).flatMap(([id, to]) => {
    const from = rulebook.rulesById.get(id)?.severity ?? rulebook.elements.find((e) => e.element.id === id)?.element.severity;
    return from && !off.has(id) ? [{ id, from, to }] : [];
  });
  // The model's findings are rules too: the config turns them off and changes their severity alike.
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
    changes: {
      ...rulebook.changes,
      config: display(config.file),
      disabled: [...off],
      severities,
      ...(config.data["fail-on"] ? { failOn: config.data["fail-on"] } : {}),
    },
    rules: ruleList,
    ...(model ? { model } : {}),
    rulesById: new Map(rules.map((r) => [r.id, r])),
    elements: rulebook.elements
      .filter((c) => !off.has(c.element.id))
      .map((c) => (newSeverity[c.element.id] ? { ...c, element: { ...c.element, severity: newSeverity[c.element.id]! } } : c)),
  };
}
