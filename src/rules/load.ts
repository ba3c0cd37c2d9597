import { statSync } from "node:fs";
import { Problems, UserError } from "../errors.js";
import { nativeRegex } from "../match/patterns/regex.js";
import { re2Regex } from "../match/patterns/re2.js";
import type { CompiledLanguage, Language } from "../match/polarity.js";
import { internedPhrases, internPhrases, type Lists } from "../match/patterns/phrase/parse.js";
import type { Matcher } from "../match/sentence.js";
import type { CompiledRule, CompiledSpec } from "../match/spec.js";
import {
  GradingSchema,
  LanguageSchema,
  RuleFileSchema,
  type Element,
  type FormKindDefinition,
  type Grading,
  type KeyPoints,
  type Rule,
} from "./schema.js";
import type { FailOn } from "./config.js";
import type { Category, Severity } from "../types.js";
import { display } from "../display.js";
import type { CompiledModel } from "../match/model/model.js";
import { readWeights } from "./weights.js";
import { readYamlFile } from "./yaml-file.js";
import { bundledData, bundledRulebook, bundledRules, bundleJson, isBundled, packFiles, weightsFile } from "./bundle.js";
import { compileRulebook, mergeLists, noChanges, type LoadedFile, type MergedPack } from "./compile.js";

export { bundledRules, isBundled, noChanges, packFiles };

/** A kind of form worded in one language: the kind's definition, and the signals by which a form in that language shows it. */
export interface CompiledFormKind {
  definition: FormKindDefinition;
  /** The file it came from (its definition's or its wording's). */
  file: string;
  /** The language its signals read. */
  lang: string;
  signals: Matcher[];
  minSignals: number;
  requires: Matcher[];
}

/** A checklist element worded in one language: its definition with that language's patterns and examples. */
export interface CompiledElement extends CompiledSpec {
  element: Element;
  /** The language its patterns read. */
  lang: string;
}

/** What a risk of a category allows, in plain words, and how unusual it is. */
export type CategoryPoint = NonNullable<KeyPoints["categories"][Category]>;

/** The wording, in one language, by which a form offers the patient a choice. */
export type CompiledChoices = CompiledSpec & { examples: NonNullable<KeyPoints["choices"]>["examples"]; lang: string };

/** How the report's key points are found: category points, and the wording of the choices a form offers, by language. */
export interface CompiledKeyPoints {
  categories: Map<Category, CategoryPoint>;
  choices: CompiledChoices[];
}

/** A rule pack added to the bundled one (by --rules or a config file), and what it brings. */
export interface AddedPack {
  /** The pack as the user named it: a file or a folder, relative to the working folder when inside it. */
  path: string;
  /** The languages its files read. */
  languages: string[];
  rules: string[];
  elements: string[];
}

/** What a run changed about the bundled rules: every report names these, so nothing hidden changes a verdict. */
export interface RuleChanges {
  /** The config file applied, if any. */
  config?: string;
  packs: AddedPack[];
  /** Rule and element ids the config turned off. */
  disabled: string[];
  /** Severities the config changed. */
  severities: { id: string; from: Severity; to: Severity }[];
  /** The config's fail-on, which sets the exit code when --fail-on is not given. */
  failOn?: FailOn;
}


/** Everything a run matches and assesses with: the bundled pack, added packs and the config's changes, compiled. */
export interface Rulebook {
  rules: CompiledRule<Rule>[];
  kinds: CompiledFormKind[];
  elements: CompiledElement[];
  grading: Grading;
  keyPoints: CompiledKeyPoints;
  /** The words that decide polarity, by language (a language no pack gives words for has none). */
  language: Map<string, CompiledLanguage>;
  /** The model for sentences the rules are silent on (rules/model.yaml), if a pack has one. */
  model?: CompiledModel;
  /** The rules (their definitions, whatever the language of their wordings) and the model's findings, by id. */
  rulesById: Map<string, Rule>;
  /** The languages its rules read: sections of a form in any other language are not checked. */
  languages: Set<string>;
  /** The named phrase lists of every pack, merged, by language: a file's phrases use its language's lists. */
  lists: Map<string, Lists>;
  /** Which file each rule and element came from. */
  files: Map<string, string>;
  changes: RuleChanges;
}

/**
 * Loads, validates and compiles rule packs. Every problem of every file is reported at
 * once, in one UserError of lines `file:line:col: field: problem`. `only`: the rules and
 * elements of these packs alone, with the lists, language and kinds of every pack (for
 * `rules test` of a custom pack). The bundled pack alone comes compiled from the build's
 * bundle while it is current.
 */
export function loadRules(paths: string[] = [bundledRules], options: { only?: string[] } = {}): Rulebook {
  const bundledOnly = !options.only && paths.length === 1 && paths[0] === bundledRules;
  const compiled = bundledOnly ? bundledRulebook() : undefined;
  if (compiled) return compiled;
  const problems = new Problems();
  const bundled = new Set(packFiles(bundledRules));
  const packOf = new Map<string, string>();
  for (const path of paths)
    for (const file of problems.attempt(() => packFiles(path)) ?? []) if (!bundled.has(file)) packOf.set(file, display(path));
  const files = paths
    .flatMap((path) => problems.attempt(() => packFiles(path)) ?? [])
    .flatMap((file) => problems.attempt(() => readRuleFile(file, bundled.has(file))) ?? []);
  // A file that cannot be read leaves lists and ids undefined: compiling the rest would only add false problems.
  problems.throwIfAny();
  const signature = filesSignature(paths, options.only, files);
  const before = compiledBefore.get(signature);
  if (before) return before;
  const onlyFiles = options.only && new Set(options.only.flatMap(packFiles));
  const pack = merged(files);
  // Packs added to the bundled one: the bundled files' phrases and weights come as the bundled pack alone has them.
  const alone = takeBundledPhrases(
    pack.lists,
    files.filter((f) => !bundled.has(f.file)),
  );
  const rulebook = compileRulebook(files, pack, {
    tested: new Set(onlyFiles ? files.filter((f) => onlyFiles.has(f.file)) : files),
    // The bundled pack's regexes are vetted and run natively; a user's run on RE2.
    regexFor: (f) => (bundled.has(f.file) ? nativeRegex : re2Regex),
    packOf,
    problems,
    weightsFor: (f, definition) => (alone?.model && bundled.has(f.file) ? alone.model.weights : readWeights(f, definition)),
  });
  compiledBefore.set(signature, rulebook);
  return rulebook;
}

// A rulebook is never changed once compiled, so a long-lived process (a test run, a server)
// that loads the same unchanged files again gets the one it compiled before.
const compiledBefore = new Map<string, Rulebook>();

/**
 * Takes the phrases the bundled pack alone parsed (once per process, from the build's bundle or
 * its YAML) as those of the merged lists of packs added to it, so that compiling parses only the
 * added files' phrases; but a phrase that names a list an added file gives phrases to (or a list
 * that names one, however deep) is parsed again. Returns the bundled pack alone, if anything is
 * added and it compiles: a problem in it is reported beside the added packs' own when all compile.
 */
function takeBundledPhrases(lists: Map<string, Lists>, added: LoadedFile[]): Rulebook | undefined {
  if (!added.length) return undefined;
  let alone: Rulebook;
  try {
    alone = loadRules();
  } catch {
    return undefined;
  }
  for (const [lang, merged] of lists) {
    const own = alone.lists.get(lang);
    if (!own) continue;
    const extended = new Set(added.filter((f) => f.data.lang === lang).flatMap((f) => Object.keys(f.data.lists)));
    for (let size = 0; size < extended.size; ) {
      size = extended.size;
      for (const [name, phrases] of merged) if (phrases.some((p) => namesAny(p, extended))) extended.add(name);
    }
    internPhrases(
      merged,
      internedPhrases(own).filter((p) => !namesAny(p.source, extended)),
    );
  }
  return alone;
}

// `@name` names a list (the phrase language, match/patterns/phrase/parse.ts); a word with an @ inside counts too, at the cost of a parse.
const namesAny = (source: string, lists: Set<string>) => lists.size > 0 && [...source.matchAll(/@([\w-]+)/g)].some((m) => lists.has(m[1]!));

function filesSignature(paths: string[], only: string[] | undefined, files: LoadedFile[]): string {
  const weights = files.flatMap((f) => (f.data.model ? [weightsFile(f.file, f.data.model)] : []));
  // A missing weights file is the compiler's to report.
  const stamps = [...files.map((f) => f.file), ...weights].map((file) => [file, statSync(file, { throwIfNoEntry: false })?.mtimeMs]);
  return JSON.stringify([paths, only ?? null, stamps]);
}

/** For the build: the bundled pack read from its YAML, validated and compiled, as the bundle's JSON. */
export function compileBundle(): string {
  const files = packFiles(bundledRules).map(readYaml);
  const pack = merged(files);
  const rulebook = compileRulebook(files, pack, {
    tested: new Set(files),
    regexFor: () => nativeRegex,
    packOf: new Map(),
    problems: new Problems(),
    weightsFor: readWeights,
  });
  return bundleJson(files, { lists: pack.lists, languages: pack.languages(), grading: pack.grading(), weights: rulebook.model?.weights });
}

// The files' grading and language are merged (and validated) when the compiler asks, so their problems come in order.
function merged(files: LoadedFile[]): MergedPack {
  return { lists: mergeLists(files), languages: () => mergeLanguages(files), grading: () => mergeGrading(files) };
}

// The polarity words of each language, merged from the files of that language that give some.
function mergeLanguages(files: LoadedFile[]): Record<string, Language> {
  const languages: Record<string, Language> = {};
  for (const lang of new Set(files.filter((f) => f.data.language).map((f) => f.data.lang)))
    languages[lang] = mergeLanguage(
      files.filter((f) => f.data.lang === lang),
      lang,
    );
  return languages;
}

function mergeLanguage(files: LoadedFile[], lang: string): Language {
  const language: Record<string, unknown> = {};
  for (const { data } of files)
    for (const [key, value] of Object.entries(data.language ?? {}))
      language[key] = Array.isArray(value) ? [...((language[key] as unknown[]) ?? []), ...value] : value;
  const merged = LanguageSchema.safeParse(language);
  const which = lang === "en" ? "language" : `language (${lang})`;
  if (!merged.success) throw new UserError(`rules: ${which}: ${merged.error.issues[0]!.path.join(".")}: ${merged.error.issues[0]!.message}`);
  return merged.data;
}

// Later files override earlier ones, field by field.
function mergeGrading(files: LoadedFile[]): Grading {
  const grading = GradingSchema.safeParse(files.reduce<Record<string, unknown>>((all, { data }) => ({ ...all, ...data.grading }), {}));
  if (!grading.success) throw new UserError(`rules: grading: ${grading.error.issues[0]!.path.join(".")}: ${grading.error.issues[0]!.message}`);
  return grading.data;
}

// Rule files read from YAML in this process, by path, while unchanged: a long-lived
// process (a test run, a server) that loads the rules again does not parse them again.
const readBefore = new Map<string, { mtime: number; read: LoadedFile }>();

function readYaml(file: string): LoadedFile {
  const mtime = statSync(file).mtimeMs;
  const before = readBefore.get(file);
  if (before?.mtime === mtime) return before.read;
  const read = readYamlFile(file, RuleFileSchema, "rule file");
  readBefore.set(file, { mtime, read });
  return read;
}

/** A rule file from the bundle when it is there and current, else from its YAML. */
function readRuleFile(file: string, bundled: boolean): LoadedFile {
  const data = bundled ? bundledData(file) : undefined;
  // Line numbers are only needed for an error, and then the YAML is read for them.
  const yaml = () => readYaml(file);
  if (data === undefined) return yaml();
  return {
    file,
    data,
    fail: (path, problem, keyNode) => yaml().fail(path, problem, keyNode),
    at: (path, step) => {
      try {
        return step();
      } catch (error) {
        return yaml().at(path, () => {
          throw error;
        });
      }
    },
  };
}
