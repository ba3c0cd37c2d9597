import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { isMap, isScalar, LineCounter, parseDocument, type Document as YamlDocument } from "yaml";
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
import { GradingSchema, LanguageSchema, PackSchema, type Grading, type Language, type Pack, type Rule } from "./schema.js";

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

interface LoadedPack {
  file: string;
  yaml: YamlDocument;
  lines: LineCounter;
  pack: Pack & { language?: Partial<Language> };
}

const FileSchema = PackSchema.extend({ language: LanguageSchema.partial().optional() });

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
  const packs = paths.flatMap(packFiles).map(readPack);
  // `only`: keep the lists and language of every pack, but the rules of these packs alone.
  const onlyFiles = options.only && new Set(options.only.flatMap(packFiles));
  const lists: Lists = new Map();
  const language: Record<string, unknown> = {};
  for (const { pack } of packs) {
    for (const [name, phrases] of Object.entries(pack.lists)) lists.set(name, [...(lists.get(name) ?? []), ...phrases]);
    for (const [key, value] of Object.entries(pack.language ?? {}))
      language[key] = Array.isArray(value) ? [...((language[key] as unknown[]) ?? []), ...value] : value;
  }
  const merged = LanguageSchema.safeParse(language);
  if (!merged.success) throw new UserError(`rules: language: ${merged.error.issues[0]!.path.join(".")}: ${merged.error.issues[0]!.message}`);
  const grading = GradingSchema.safeParse(
    packs.reduce<Record<string, unknown>>((all, { pack }) => ({ ...all, ...pack.grading }), {}),
  );
  if (!grading.success) throw new UserError(`rules: grading: ${grading.error.issues[0]!.path.join(".")}: ${grading.error.issues[0]!.message}`);

  const rules: CompiledRule[] = [];
  const kinds: CompiledKind[] = [];
  const elements: CompiledElement[] = [];
  const byId = new Map<string, Rule>();
  const files = new Map<string, string>();
  const spec = (loaded: LoadedPack, path: (string | number)[], s: Pick<Rule, "patterns" | "requires" | "excludes">): CompiledSpec => ({
    patterns: s.patterns.map((p, i) => at(loaded, [...path, "patterns", i], () => compilePattern(p, lists))),
    requires: s.requires.map((p, i) => at(loaded, [...path, "requires", i], () => parsePhrase(p, lists))),
    excludes: s.excludes.map((p, i) => at(loaded, [...path, "excludes", i], () => parsePhrase(p, lists))),
  });
  const unique = (loaded: LoadedPack, path: (string | number)[], what: string, id: string, seen: Map<string, string>) => {
    if (seen.has(id)) fail(loaded, [...path, "id"], `${what} id "${id}" is already used in ${display(seen.get(id)!)}`);
    seen.set(id, loaded.file);
  };
  const kindFiles = new Map<string, string>();
  const elementFiles = files; // element ids (hipaa-*, cr-*, q-*) share the namespace of rule ids
  for (const loaded of packs) {
    loaded.pack.kinds.forEach((kind, k) => {
      unique(loaded, ["kinds", k], "kind", kind.id, kindFiles);
      const compile = (field: "signals" | "requires") =>
        kind[field].map((p, i) => at(loaded, ["kinds", k, field, i], () => compilePattern(p, lists)));
      kinds.push({ kind, signals: compile("signals"), requires: compile("requires") });
    });
  }
  for (const loaded of packs) {
    loaded.pack.elements.forEach((element, e) => {
      const path = ["elements", e];
      unique(loaded, path, "element", element.id, elementFiles);
      element.appliesTo.forEach((kind, i) => {
        if (kind !== "any" && !kindFiles.has(kind)) fail(loaded, [...path, "appliesTo", i], `unknown kind "${kind}"`);
      });
      elements.push({ element, ...spec(loaded, path, { ...element }) });
    });
  }
  for (const loaded of packs) {
    // Lists are checked where they are written, so a typo in a list names its own line.
    for (const [name, phrases] of Object.entries(loaded.pack.lists))
      phrases.forEach((p, i) => at(loaded, ["lists", name, i], () => parsePhrase(p, lists)));
    if (onlyFiles && !onlyFiles.has(loaded.file)) continue;
    loaded.pack.rules.forEach((rule, r) => {
      const path = ["rules", r];
      unique(loaded, path, "rule", rule.id, files);
      byId.set(rule.id, rule);
      rules.push({ rule, ...spec(loaded, path, rule) });
    });
  }
  const compiledLanguage = at(packs.find((p) => p.pack.language) ?? packs[0]!, ["language"], () => compileLanguage(merged.data, lists));
  return { rules, kinds, elements, grading: grading.data, language: compiledLanguage, byId, files };
}

function readPack(file: string): LoadedPack {
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch (error) {
    throw new UserError(`${file}: cannot read rule file (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  const lines = new LineCounter();
  const yaml = parseDocument(source, { lineCounter: lines, prettyErrors: false });
  const syntax = yaml.errors[0];
  if (syntax) {
    const line = syntax.linePos?.[0].line ?? lines.linePos(syntax.pos[0]).line;
    throw new UserError(`${display(file)}:${line}: ${syntax.message.split("\n")[0]}`);
  }
  const parsed = FileSchema.safeParse(yaml.toJS() ?? {});
  const loaded = { file, yaml, lines } as LoadedPack;
  if (!parsed.success) failOn(loaded, parsed.error.issues[0]!);
  loaded.pack = parsed.data!;
  return loaded;
}

// Runs a compile step; a failure is reported at the YAML node of `path`.
function at<T>(loaded: LoadedPack, path: (string | number)[], step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof UserError) throw error;
    fail(loaded, path, (error as Error).message.split("\n")[0]!);
  }
}

function failOn(loaded: LoadedPack, issue: z.core.$ZodIssue): never {
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0]!;
    return fail(loaded, [...(issue.path as (string | number)[]), key], `unknown field "${key}"`, true);
  }
  const message =
    issue.code === "invalid_union"
      ? "expected a phrase, or one of {phrase}, {near, within, ordered}, {regex}"
      : issue.message;
  return fail(loaded, issue.path as (string | number)[], message);
}

function fail(loaded: LoadedPack, path: (string | number)[], problem: string, keyNode = false): never {
  const line = lineOf(loaded, path, keyNode);
  throw new UserError(`${display(loaded.file)}:${line}: ${fieldName(path)}: ${problem}`);
}

// The line of the YAML node at `path`, or of its nearest existing parent.
function lineOf({ yaml, lines }: LoadedPack, path: (string | number)[], keyNode: boolean): number {
  for (let n = path.length; n >= 0; n--) {
    const parentPath = path.slice(0, n);
    if (keyNode && n === path.length) {
      const parent = yaml.getIn(path.slice(0, -1), true);
      const pair = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && p.key.value === path.at(-1)) : undefined;
      const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
      if (range) return lines.linePos(range[0]).line;
      continue;
    }
    const node = parentPath.length ? yaml.getIn(parentPath, true) : yaml.contents;
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (range) return lines.linePos(range[0]).line;
  }
  return 1;
}

const fieldName = (path: (string | number)[]) =>
  path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("") || "(top)";

const display = (file: string) => {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") ? rel : file;
};
