import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { z } from "zod";
import { UserError } from "../errors.js";
import {
  compileLanguage,
  compilePattern,
  type CompiledElement,
  type CompiledKind,
  type CompiledLanguage,
  type CompiledRule,
  type CompiledSpec,
} from "./compile.js";
import { parsePhrase, type Lists } from "./phrase.js";
import { GradingSchema, LanguageSchema, PackSchema, type Grading, type Rule } from "./schema.js";
import { display, type YamlFile } from "./yaml-file.js";
import { readRuleFile } from "./bundle.js";

/** The rule pack that ships with consent-lens. */
export const bundledRules = fileURLToPath(new URL("../../rules/", import.meta.url));

export interface RuleSet {
  rules: CompiledRule[];
  kinds: CompiledKind[];
  elements: CompiledElement[];
  grading: Grading;
  language: CompiledLanguage;
  byId: Map<string, Rule>;
  /** Which file each rule came from. */
  files: Map<string, string>;
}

/** A rule file: a pack, and optionally words of the polarity language. */
export const FileSchema = PackSchema.extend({ language: LanguageSchema.partial().optional() });
type LoadedPack = YamlFile<z.output<typeof FileSchema>>;

/** YAML files of a pack: a file, or every .yaml/.yml file in a folder (sorted, not recursive). */
export function packFiles(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new UserError(`${path}: no such rule file or folder`);
  }
  if (!stat.isDirectory()) return [path];
  return readdirSync(path)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(path, f));
}

/** Loads, validates and compiles rule packs. Every problem is a UserError of the form `file:line: field: problem`. */
export function loadRules(paths: string[] = [bundledRules], options: { only?: string[] } = {}): RuleSet {
  const bundled = new Set(packFiles(bundledRules));
  const packs = paths.flatMap(packFiles).map((file) => readRuleFile(file, FileSchema, bundled.has(file)));
  // `only`: keep the lists, language and kinds of every pack, but the rules and elements of these packs alone.
  const onlyFiles = options.only && new Set(options.only.flatMap(packFiles));
  const lists: Lists = new Map();
  const language: Record<string, unknown> = {};
  for (const { data: pack } of packs) {
    for (const [name, phrases] of Object.entries(pack.lists)) lists.set(name, [...(lists.get(name) ?? []), ...phrases]);
    for (const [key, value] of Object.entries(pack.language ?? {}))
      language[key] = Array.isArray(value) ? [...((language[key] as unknown[]) ?? []), ...value] : value;
  }
  const merged = LanguageSchema.safeParse(language);
  if (!merged.success) throw new UserError(`rules: language: ${merged.error.issues[0]!.path.join(".")}: ${merged.error.issues[0]!.message}`);
  const grading = GradingSchema.safeParse(
    packs.reduce<Record<string, unknown>>((all, { data }) => ({ ...all, ...data.grading }), {}),
  );
  if (!grading.success) throw new UserError(`rules: grading: ${grading.error.issues[0]!.path.join(".")}: ${grading.error.issues[0]!.message}`);

  const rules: CompiledRule[] = [];
  const kinds: CompiledKind[] = [];
  const elements: CompiledElement[] = [];
  const byId = new Map<string, Rule>();
  const files = new Map<string, string>();
  const spec = (loaded: LoadedPack, path: (string | number)[], s: Pick<Rule, "patterns" | "requires" | "excludes">): CompiledSpec => ({
    patterns: s.patterns.map((p, i) => loaded.at([...path, "patterns", i], () => compilePattern(p, lists))),
    requires: s.requires.map((p, i) => loaded.at([...path, "requires", i], () => parsePhrase(p, lists))),
    excludes: s.excludes.map((p, i) => loaded.at([...path, "excludes", i], () => parsePhrase(p, lists))),
  });
  const unique = (loaded: LoadedPack, path: (string | number)[], what: string, id: string, seen: Map<string, string>) => {
    if (seen.has(id)) loaded.fail([...path, "id"], `${what} id "${id}" is already used in ${display(seen.get(id)!)}`);
    seen.set(id, loaded.file);
  };
  const kindFiles = new Map<string, string>();
  const elementFiles = files; // element ids (hipaa-*, cr-*, q-*) share the namespace of rule ids
  for (const loaded of packs) {
    loaded.data.kinds.forEach((kind, k) => {
      unique(loaded, ["kinds", k], "kind", kind.id, kindFiles);
      const compile = (field: "signals" | "requires") =>
        kind[field].map((p, i) => loaded.at(["kinds", k, field, i], () => compilePattern(p, lists)));
      kinds.push({ kind, signals: compile("signals"), requires: compile("requires") });
    });
  }
  for (const loaded of packs) {
    if (onlyFiles && !onlyFiles.has(loaded.file)) continue;
    loaded.data.elements.forEach((element, e) => {
      const path = ["elements", e];
      unique(loaded, path, "element", element.id, elementFiles);
      element.appliesTo.forEach((kind, i) => {
        if (kind !== "any" && !kindFiles.has(kind)) loaded.fail([...path, "appliesTo", i], `unknown kind "${kind}"`);
      });
      elements.push({ element, ...spec(loaded, path, { ...element }) });
    });
  }
  for (const loaded of packs) {
    // Lists are checked where they are written, so a typo in a list names its own line.
    for (const [name, phrases] of Object.entries(loaded.data.lists))
      phrases.forEach((p, i) => loaded.at(["lists", name, i], () => parsePhrase(p, lists)));
    if (onlyFiles && !onlyFiles.has(loaded.file)) continue;
    loaded.data.rules.forEach((rule, r) => {
      const path = ["rules", r];
      unique(loaded, path, "rule", rule.id, files);
      byId.set(rule.id, rule);
      rules.push({ rule, ...spec(loaded, path, rule) });
    });
  }
  const compiledLanguage = (packs.find((p) => p.data.language) ?? packs[0]!).at(["language"], () => compileLanguage(merged.data, lists));
  return { rules, kinds, elements, grading: grading.data, language: compiledLanguage, byId, files };
}

