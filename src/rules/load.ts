import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { didYouMean, Problems, UserError } from "../errors.js";
import { compilePattern } from "../match/patterns/index.js";
import { listsOf, parsePhrase, type Lists } from "../match/patterns/phrase/parse.js";
import { compileLanguage, noPolarityWords, type CompiledLanguage } from "../match/polarity.js";
import type { Matcher } from "../match/sentence.js";
import type { CompiledRule, CompiledSpec } from "../match/spec.js";
import {
  GradingSchema,
  LanguageSchema,
  languageCode,
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

/** The bundled pack as it ships: no config, no added pack. */
export const noChanges: RuleChanges = { packs: [], disabled: [], severities: [] };

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

type LoadedFile = YamlFile<RuleFile>;

/**
 * YAML files of a pack: a file, or every .yaml/.yml file in a folder (sorted), then those of
 * its language folders (`es/`: a folder named by a language code), so a language's files
 * come after the files whose rules, elements and kinds they word.
 */
export function packFiles(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new UserError(`${path}: no such rule file or folder`);
  }
  if (!stat.isDirectory()) return [path];
  const entries = readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const yaml = (folder: string, names: string[]) => names.filter((f) => /\.ya?ml$/.test(f)).map((f) => join(folder, f));
  const languageFolders = entries.filter((e) => e.isDirectory() && languageCode.test(e.name)).map((e) => join(path, e.name));
  return [
    ...yaml(
      path,
      entries.filter((e) => !e.isDirectory()).map((e) => e.name),
    ),
    ...languageFolders.flatMap((folder) => yaml(folder, readdirSync(folder).sort())),
  ];
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
  // Every file's element ids are claimed in order, so a tested pack may word an element it does not test.
  const elements = files.flatMap((f) => compiler.elements(f, tested.has(f)));
  for (const f of files) compiler.checkLists(f);
  // Every file's rule ids are claimed in order, so a tested pack may replace a rule it does not test.
  const rules = files.flatMap((f) => compiler.rules(f, tested.has(f))).filter((r) => !compiler.replaced.has(r));
  const keyPoints = compiler.keyPoints([...tested]);
  const grading = problems.attempt(() => mergeGrading(files));
  const language = problems.attempt(() => mergeLanguages(files, lists));
  problems.throwIfAny();
  const modelFile = [...tested].findLast((f) => f.data.model);
  const model = modelFile && compiler.model(modelFile, language!);
  const definitions = rules.map((c) => compiler.definitionOf(c.rule.id));
  return {
    rules,
    kinds,
    elements,
    grading: grading!,
    keyPoints,
    language: language!,
    ...(model ? { model } : {}),
    rulesById: new Map([...definitions, ...(modelFile?.data.model?.findings.map(modelRule) ?? [])].map((r) => [r.id, r])),
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
    const wordings = data.wordings ?? { rules: [], elements: [], kinds: [] };
    const reads = data.rules.length || data.elements.length || wordings.rules.length || wordings.elements.length;
    if (reads && !pack.languages.includes(data.lang)) pack.languages.push(data.lang);
    for (const id of [...data.rules.map((r) => r.id), ...wordings.rules.map((w) => w.of)]) if (!pack.rules.includes(id)) pack.rules.push(id);
    for (const id of [...data.elements.map((e) => e.id), ...wordings.elements.map((w) => w.of)])
      if (!pack.elements.includes(id)) pack.elements.push(id);
  }
  return [...packs.values()];
}

// A list named in several files of one language holds the phrases of all of them; each language has its own lists.
function mergeLists(files: LoadedFile[]): Map<string, Lists> {
  const byLanguage = new Map<string, Lists>();
  for (const { data } of files) {
    let lists = byLanguage.get(data.lang);
    if (!lists) byLanguage.set(data.lang, (lists = listsOf(data.lang)));
    for (const [name, phrases] of Object.entries(data.lists)) lists.set(name, [...(lists.get(name) ?? []), ...phrases]);
  }
  return byLanguage;
}

// The polarity words of each language, merged from the files of that language; a language whose files give none has none.
function mergeLanguages(files: LoadedFile[], lists: Map<string, Lists>): Map<string, CompiledLanguage> {
  const byLanguage = new Map<string, CompiledLanguage>();
  for (const lang of new Set(files.map((f) => f.data.lang))) {
    const own = files.filter((f) => f.data.lang === lang);
    const owner = own.find((f) => f.data.language);
    byLanguage.set(lang, owner ? mergeLanguage(own, owner, lists.get(lang)!) : noPolarityWords);
  }
  return byLanguage;
}

function mergeLanguage(files: LoadedFile[], owner: LoadedFile, lists: Lists): CompiledLanguage {
  const language: Record<string, unknown> = {};
  for (const { data } of files)
    for (const [key, value] of Object.entries(data.language ?? {}))
      language[key] = Array.isArray(value) ? [...((language[key] as unknown[]) ?? []), ...value] : value;
  const merged = LanguageSchema.safeParse(language);
  const which = owner.data.lang === "en" ? "language" : `language (${owner.data.lang})`;
  if (!merged.success) throw new UserError(`rules: ${which}: ${merged.error.issues[0]!.path.join(".")}: ${merged.error.issues[0]!.message}`);
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
  /** Rule and element ids (they share one namespace) -> file of their definition. */
  readonly fileOf = new Map<string, string>();
  /** Rules replaced by a rule of a later pack. */
  readonly replaced = new Set<CompiledRule<Rule>>();
  private readonly kindDefinitions = new Map<string, FormKindDefinition>();
  private readonly kindFiles = new Map<string, string>();
  private readonly elementDefinitions = new Map<string, Element>();
  /** Rules by id: the definition, and its compiled wordings in every language (none for a pack not tested). */
  private readonly ruleById = new Map<string, { rule: Rule; compiled: CompiledRule<Rule>[] }>();

  constructor(
    private readonly lists: Map<string, Lists>,
    private readonly problems: Problems,
    /** The added pack of each file that is not bundled. */
    private readonly packOf: Map<string, string>,
  ) {}

  /** The definition of a rule the compiler has read. */
  definitionOf(id: string): Rule {
    return this.ruleById.get(id)!.rule;
  }

  kinds(file: LoadedFile): CompiledFormKind[] {
    const lang = file.data.lang;
    const defined = this.each(["kinds"], file.data.kinds, (definition, path) => {
      this.claim(file, path, "kind", definition.id, this.kindFiles);
      this.kindDefinitions.set(definition.id, definition);
      return this.kind(file, path, definition, definition);
    });
    const worded = this.each(["wordings", "kinds"], file.data.wordings?.kinds ?? [], (wording, path) => {
      const definition = this.kindDefinitions.get(wording.of);
      if (!definition) file.fail([...path, "of"], `no kind "${wording.of}" in the files loaded before this one${didYouMean(wording.of, this.kindDefinitions.keys())}`);
      return this.kind(file, path, definition, wording);
    });
    return [...defined, ...worded].map((k) => ({ ...k, lang }));
  }

  private kind(file: LoadedFile, path: Path, definition: FormKindDefinition, wording: Pick<FormKindDefinition, "signals" | "minSignals" | "requires">) {
    const signals = this.all(file, [...path, "signals"], wording.signals, (p) => compilePattern(p, this.listsOf(file)));
    const requires = this.all(file, [...path, "requires"], wording.requires, (p) => compilePattern(p, this.listsOf(file)));
    return signals && requires && { definition, file: file.file, signals, minSignals: wording.minSignals, requires };
  }

  /** The elements of a file and its wordings of elements, compiled when `compile` (else their ids only claimed). */
  elements(file: LoadedFile, compile: boolean): CompiledElement[] {
    const lang = file.data.lang;
    const defined = this.each(["elements"], file.data.elements, (element, path) => {
      this.claim(file, path, "element", element.id, this.fileOf);
      this.elementDefinitions.set(element.id, element);
      element.appliesTo.forEach((kind, i) => {
        if (kind !== "any" && !this.kindFiles.has(kind))
          this.problems.attempt(() =>
            file.fail([...path, "appliesTo", i], `unknown kind "${kind}"${didYouMean(kind, this.kindFiles.keys())}`),
          );
      });
      const spec = compile ? this.spec(file, path, element) : undefined;
      return spec && { element, lang, ...spec };
    });
    const worded = this.each(["wordings", "elements"], file.data.wordings?.elements ?? [], (wording, path) => {
      const definition = this.elementDefinitions.get(wording.of);
      if (!definition)
        file.fail([...path, "of"], `no element "${wording.of}" in the files loaded before this one${didYouMean(wording.of, this.elementDefinitions.keys())}`);
      const { of: _of, ...words } = wording;
      const element = { ...definition, ...words };
      const spec = compile ? this.spec(file, path, element) : undefined;
      return spec && { element, lang, ...spec };
    });
    return [...defined, ...worded];
  }

  /** The rules of a file and its wordings of rules, compiled when `compile` (else their ids only claimed, for `overrides` of later packs). */
  rules(file: LoadedFile, compile: boolean): CompiledRule<Rule>[] {
    const defined = this.each(["rules"], file.data.rules, (rule, path) => {
      if (rule.overrides) this.replace(file, path, rule.overrides);
      this.claim(file, path, "rule", rule.id, this.fileOf);
      const compiled = compile ? this.rule(file, path, rule) : undefined;
      this.ruleById.set(rule.id, { rule, compiled: compiled ? [compiled] : [] });
      return compiled;
    });
    const worded = this.each(["wordings", "rules"], file.data.wordings?.rules ?? [], (wording, path) => {
      const entry = this.ruleById.get(wording.of);
      if (!entry) file.fail([...path, "of"], `no rule "${wording.of}" in the files loaded before this one${didYouMean(wording.of, this.ruleById.keys())}`);
      const { of: _of, negatable, ...words } = wording;
      const compiled = compile ? this.rule(file, path, { ...entry.rule, ...words, negatable: negatable ?? entry.rule.negatable }) : undefined;
      if (compiled) entry.compiled.push(compiled);
      return compiled;
    });
    return [...defined, ...worded];
  }

  private rule(file: LoadedFile, path: Path, rule: Rule): CompiledRule<Rule> | undefined {
    const spec = this.spec(file, path, rule);
    const pack = this.packOf.get(file.file);
    return spec && { rule, lang: file.data.lang, ...(pack === undefined ? {} : { pack }), ...spec };
  }

  /** Category points merge, a later file's winning; for each language, the last file that words choices gives them. */
  keyPoints(files: LoadedFile[]): CompiledKeyPoints {
    const categories = new Map<Category, CategoryPoint>();
    const choices = new Map<string, CompiledChoices>();
    for (const file of files) {
      const keyPoints = file.data.keyPoints;
      if (!keyPoints) continue;
      for (const [category, point] of Object.entries(keyPoints.categories)) if (point) categories.set(category as Category, point);
      const spec = keyPoints.choices && this.spec(file, ["keyPoints", "choices"], { ...keyPoints.choices, leadIn: [] });
      if (keyPoints.choices && spec) choices.set(file.data.lang, { ...spec, examples: keyPoints.choices.examples, lang: file.data.lang });
    }
    return { categories, choices: [...choices.values()] };
  }

  /** The last pack's model: its findings' ids claimed like rule ids, its weights read and checked; it reads its file's language. */
  model(file: LoadedFile, languages: Map<string, CompiledLanguage>): CompiledModel {
    const definition = file.data.model!;
    definition.findings.forEach((f, i) => this.claim(file, ["model", "findings", i], "rule", f.id, this.fileOf));
    return compileModel(file, definition, this.listsOf(file), languages.get(file.data.lang) ?? noPolarityWords);
  }

  /** Lists are checked where they are written, so a typo in a list names its own line. */
  checkLists(file: LoadedFile) {
    for (const [name, phrases] of Object.entries(file.data.lists))
      this.all(file, ["lists", name], phrases, (p) => parsePhrase(p, this.listsOf(file)));
  }

  /** A file's phrases are parsed with its language's lists, and stemmed in its language. */
  private listsOf(file: LoadedFile): Lists {
    return this.lists.get(file.data.lang) ?? listsOf(file.data.lang);
  }

  private spec(file: LoadedFile, path: Path, s: Pick<Rule, "patterns" | "requires" | "excludes" | "leadIn">): CompiledSpec | undefined {
    const patterns = this.all(file, [...path, "patterns"], s.patterns, (p) => compilePattern(p, this.listsOf(file)));
    const [requires, excludes, leadIn] = (["requires", "excludes", "leadIn"] as const).map((field) =>
      this.all(file, [...path, field], s[field], (p) => parsePhrase(p, this.listsOf(file))),
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

  // `overrides: <id>`: the rule of that id, from an earlier file, gives way to this one, in every language it is worded in.
  private replace(file: LoadedFile, path: Path, id: string) {
    const owner = this.fileOf.get(id);
    if (owner === undefined || !this.ruleById.has(id))
      file.fail([...path, "overrides"], `no rule "${id}" in the packs loaded before this one${didYouMean(id, this.ruleById.keys())}`);
    if (owner === file.file) file.fail([...path, "overrides"], `rule "${id}" is in this same file; edit it instead`);
    for (const earlier of this.ruleById.get(id)?.compiled ?? []) this.replaced.add(earlier);
    this.ruleById.delete(id);
    this.fileOf.delete(id);
  }
}
