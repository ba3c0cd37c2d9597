import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { didYouMean, Problems, UserError } from "../errors.js";
import { compilePattern } from "../match/patterns/index.js";
import { parsePhrase, type Lists } from "../match/patterns/phrase/parse.js";
import { compileLanguage, type CompiledLanguage } from "../match/polarity.js";
import type { Matcher } from "../match/sentence.js";
import type { CompiledRule, CompiledSpec } from "../match/spec.js";
import {
  GradingSchema,
  LanguageSchema,
  type Element,
  type FormKindDefinition,
  type Grading,
  type KeyPoints,
  type Rule,
  type RuleFile,
} from "./schema.js";
import type { FailOn } from "./config.js";
import type { Category, Severity } from "../types.js";
import type { CompiledModel } from "../match/model/model.js";
import { compileModel, modelRule } from "./model.js";
import { display, type YamlFile } from "./yaml-file.js";
import { readRuleFile } from "./bundle.js";

/** The rule pack that ships with consent-lens. */
export const bundledRules = fileURLToPath(new URL("../../rules/", import.meta.url));

export interface CompiledFormKind {
  definition: FormKindDefinition;
  /** The file it came from. */
  file: string;
  signals: Matcher[];
  requires: Matcher[];
}

export interface CompiledElement extends CompiledSpec {
  element: Element;
}

/** What a risk of a category allows, in plain words, and how unusual it is. */
export type CategoryPoint = NonNullable<KeyPoints["categories"][Category]>;

/** How the report's key points are found: category points, and the wording of the choices a form offers. */
export interface CompiledKeyPoints {
  categories: Map<Category, CategoryPoint>;
  choices: (CompiledSpec & { examples: NonNullable<KeyPoints["choices"]>["examples"] }) | undefined;
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

/** The bundled pack as it ships: no config, no added pack. */
export const noChanges: RuleChanges = { packs: [], disabled: [], severities: [] };

/** Everything a run matches and assesses with: the bundled pack, added packs and the config's changes, compiled. */
export interface Rulebook {
  rules: CompiledRule<Rule>[];
  kinds: CompiledFormKind[];
  elements: CompiledElement[];
  grading: Grading;
  keyPoints: CompiledKeyPoints;
  language: CompiledLanguage;
  /** The model for sentences the rules are silent on (rules/model.yaml), if a pack has one. */
  model?: CompiledModel;
  /** The rules and the model's findings, by id. */
  rulesById: Map<string, Rule>;
  /** The languages its rules read: sections of a form in any other language are not checked. */
  languages: Set<string>;
  /** The named phrase lists of every pack, merged. */
  lists: Lists;
  /** Which file each rule and element came from. */
  files: Map<string, string>;
  changes: RuleChanges;
}

type LoadedFile = YamlFile<RuleFile>;

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

/** Whether a rule file is one of the bundled pack's. */
export const isBundled = (file: string) => file.startsWith(bundledRules);

/**
 * Loads, validates and compiles rule packs. Every problem of every file is reported at
 * once, in one UserError of lines `file:line:col: field: problem`. `only`: the rules and
 * elements of these packs alone, with the lists, language and kinds of every pack (for
 * `rules test` of a custom pack).
 */
export function loadRules(paths: string[] = [bundledRules], options: { only?: string[] } = {}): Rulebook {
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
  const onlyFiles = options.only && new Set(options.only.flatMap(packFiles));
  const tested = new Set(onlyFiles ? files.filter((f) => onlyFiles.has(f.file)) : files);

  const lists = mergeLists(files);
  const compiler = new Compiler(lists, problems, packOf);
  const kinds = files.flatMap((f) => compiler.kinds(f));
  const elements = [...tested].flatMap((f) => compiler.elements(f));
  for (const f of files) compiler.checkLists(f);
  // Every file's rule ids are claimed in order, so a tested pack may replace a rule it does not test.
  const rules = files.flatMap((f) => compiler.rules(f, tested.has(f))).filter((r) => !compiler.replaced.has(r));
  const keyPoints = compiler.keyPoints([...tested]);
  const grading = problems.attempt(() => mergeGrading(files));
  const language = problems.attempt(() => mergeLanguage(files, lists));
  problems.throwIfAny();
  const modelFile = [...tested].findLast((f) => f.data.model);
  const model = modelFile && compiler.model(modelFile, language!);
  return {
    rules,
    kinds,
    elements,
    grading: grading!,
    keyPoints,
    language: language!,
    ...(model ? { model } : {}),
    rulesById: new Map([...rules.map((c) => c.rule), ...(modelFile?.data.model?.findings.map(modelRule) ?? [])].map((r) => [r.id, r])),
    languages: new Set(rules.map((c) => c.lang)),
    lists,
    files: compiler.fileOf,
    changes: { ...noChanges, packs: addedPacks([...tested], packOf) },
  };
}

// The added packs in the order given, each with the rules and elements of its files.
function addedPacks(files: LoadedFile[], packOf: Map<string, string>): AddedPack[] {
  const packs = new Map<string, AddedPack>();
  for (const { file, data } of files) {
    const path = packOf.get(file);
    if (path === undefined) continue;
    const pack = packs.get(path) ?? { path, languages: [], rules: [], elements: [] };
    packs.set(path, pack);
    if ((data.rules.length || data.elements.length) && !pack.languages.includes(data.lang)) pack.languages.push(data.lang);
    for (const r of data.rules) pack.rules.push(r.id);
    for (const e of data.elements) pack.elements.push(e.id);
  }
  return [...packs.values()];
}

// A list named in several files holds the phrases of all of them.
function mergeLists(files: LoadedFile[]): Lists {
  const lists: Lists = new Map();
  for (const { data } of files)
    for (const [name, phrases] of Object.entries(data.lists)) lists.set(name, [...(lists.get(name) ?? []), ...phrases]);
  return lists;
}

function mergeLanguage(files: LoadedFile[], lists: Lists): CompiledLanguage {
  const language: Record<string, unknown> = {};
  for (const { data } of files)
    for (const [key, value] of Object.entries(data.language ?? {}))
      language[key] = Array.isArray(value) ? [...((language[key] as unknown[]) ?? []), ...value] : value;
  const merged = LanguageSchema.safeParse(language);
  if (!merged.success) throw new UserError(`rules: language: ${merged.error.issues[0]!.path.join(".")}: ${merged.error.issues[0]!.message}`);
  const owner = files.find((f) => f.data.language) ?? files[0]!;
  return owner.at(["language"], () => compileLanguage(merged.data, lists));
}

// Later files override earlier ones, field by field.
function mergeGrading(files: LoadedFile[]): Grading {
  const grading = GradingSchema.safeParse(files.reduce<Record<string, unknown>>((all, { data }) => ({ ...all, ...data.grading }), {}));
  if (!grading.success) throw new UserError(`rules: grading: ${grading.error.issues[0]!.path.join(".")}: ${grading.error.issues[0]!.message}`);
  return grading.data;
}

type Path = (string | number)[];

/**
 * Compiles the parts of rule files, each problem kept at its line (every problem of a
 * unit, not only the first); ids must be unique across files unless a rule says which
 * one it replaces (`overrides`).
 */
class Compiler {
  /** Rule and element ids (they share one namespace) -> file. */
  readonly fileOf = new Map<string, string>();
  /** Rules replaced by a rule of a later pack. */
  readonly replaced = new Set<CompiledRule<Rule>>();
  private readonly kindFiles = new Map<string, string>();
  /** Rules by id, compiled or (for a pack not tested) only claimed. */
  private readonly ruleById = new Map<string, CompiledRule<Rule> | undefined>();

  constructor(
    private readonly lists: Lists,
    private readonly problems: Problems,
    /** The added pack of each file that is not bundled. */
    private readonly packOf: Map<string, string>,
  ) {}

  kinds(file: LoadedFile): CompiledFormKind[] {
    return this.each(["kinds"], file.data.kinds, (definition, path) => {
      this.claim(file, path, "kind", definition.id, this.kindFiles);
      const signals = this.all(file, [...path, "signals"], definition.signals, (p) => compilePattern(p, this.lists));
      const requires = this.all(file, [...path, "requires"], definition.requires, (p) => compilePattern(p, this.lists));
      return signals && requires && { definition, file: file.file, signals, requires };
    });
  }

  elements(file: LoadedFile): CompiledElement[] {
    return this.each(["elements"], file.data.elements, (element, path) => {
      this.claim(file, path, "element", element.id, this.fileOf);
      element.appliesTo.forEach((kind, i) => {
        if (kind !== "any" && !this.kindFiles.has(kind))
          this.problems.attempt(() =>
            file.fail([...path, "appliesTo", i], `unknown kind "${kind}"${didYouMean(kind, this.kindFiles.keys())}`),
          );
      });
      const spec = this.spec(file, path, element);
      return spec && { element, ...spec };
    });
  }

  /** The rules of a file, compiled when `compile` (else their ids only claimed, for `overrides` of later packs). */
  rules(file: LoadedFile, compile: boolean): CompiledRule<Rule>[] {
    return this.each(["rules"], file.data.rules, (rule, path) => {
      if (rule.overrides) this.replace(file, path, rule.overrides);
      this.claim(file, path, "rule", rule.id, this.fileOf);
      const spec = compile ? this.spec(file, path, rule) : undefined;
      const pack = this.packOf.get(file.file);
      const compiled = spec && { rule, lang: file.data.lang, ...(pack === undefined ? {} : { pack }), ...spec };
      this.ruleById.set(rule.id, compiled);
      return compiled;
    });
  }

  /** Category points merge, a later file's winning; the last file that words choices gives them. */
  keyPoints(files: LoadedFile[]): CompiledKeyPoints {
    const categories = new Map<Category, CategoryPoint>();
    let choices: CompiledKeyPoints["choices"];
    for (const file of files) {
      const keyPoints = file.data.keyPoints;
      if (!keyPoints) continue;
      for (const [category, point] of Object.entries(keyPoints.categories)) if (point) categories.set(category as Category, point);
      const spec = keyPoints.choices && this.spec(file, ["keyPoints", "choices"], { ...keyPoints.choices, leadIn: [] });
      if (keyPoints.choices && spec) choices = { ...spec, examples: keyPoints.choices.examples };
    }
    return { categories, choices };
  }

  /** The last pack's model: its findings' ids claimed like rule ids, its weights read and checked. */
  model(file: LoadedFile, language: CompiledLanguage): CompiledModel {
    const definition = file.data.model!;
    definition.findings.forEach((f, i) => this.claim(file, ["model", "findings", i], "rule", f.id, this.fileOf));
    return compileModel(file, definition, this.lists, language);
  }

  /** Lists are checked where they are written, so a typo in a list names its own line. */
  checkLists(file: LoadedFile) {
    for (const [name, phrases] of Object.entries(file.data.lists)) this.all(file, ["lists", name], phrases, (p) => parsePhrase(p, this.lists));
  }

  private spec(file: LoadedFile, path: Path, s: Pick<Rule, "patterns" | "requires" | "excludes" | "leadIn">): CompiledSpec | undefined {
    const patterns = this.all(file, [...path, "patterns"], s.patterns, (p) => compilePattern(p, this.lists));
    const [requires, excludes, leadIn] = (["requires", "excludes", "leadIn"] as const).map((field) =>
      this.all(file, [...path, field], s[field], (p) => parsePhrase(p, this.lists)),
    );
    return patterns && requires && excludes && leadIn && { patterns, requires, excludes, leadIn };
  }

  /** Each item compiled on its own, so that one broken item does not hide the problems of the next. */
  private each<T, R>(path: Path, items: T[], compile: (item: T, path: Path) => R | undefined): R[] {
    return items.flatMap((item, i) => this.problems.attempt(() => compile(item, [...path, i])) ?? []);
  }

  /** Every item compiled, or undefined when one of them could not be (its problem kept). */
  private all<T, R>(file: LoadedFile, path: Path, items: T[], compile: (item: T) => R): R[] | undefined {
    const compiled = items.map((item, i) => this.problems.attempt(() => file.at([...path, i], () => compile(item))));
    return compiled.every((c) => c !== undefined) ? (compiled as R[]) : undefined;
  }

  private claim(file: LoadedFile, path: Path, what: string, id: string, seen: Map<string, string>) {
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      const hint = what === "rule" ? `; to replace that rule, say "overrides: ${id}"` : "";
      file.fail([...path, "id"], `${what} id "${id}" is already used in ${display(earlier)}${hint}`);
    }
    seen.set(id, file.file);
  }

  // `overrides: <id>`: the rule of that id, from an earlier file, gives way to this one.
  private replace(file: LoadedFile, path: Path, id: string) {
    const owner = this.fileOf.get(id);
    if (owner === undefined || !this.ruleById.has(id))
      file.fail([...path, "overrides"], `no rule "${id}" in the packs loaded before this one${didYouMean(id, this.ruleById.keys())}`);
    if (owner === file.file) file.fail([...path, "overrides"], `rule "${id}" is in this same file; edit it instead`);
    const earlier = this.ruleById.get(id);
    if (earlier) this.replaced.add(earlier);
    this.ruleById.delete(id);
    this.fileOf.delete(id);
  }
}
