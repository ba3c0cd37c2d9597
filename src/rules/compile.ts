import { didYouMean, type Problems } from "../errors.js";
import { display } from "../display.js";
import { compilePattern } from "../match/patterns/index.js";
import type { CompileContext } from "../match/patterns/kind.js";
import { listsOf, parsePhrase, type Lists } from "../match/patterns/phrase/parse.js";
import type { RegexEngine } from "../match/patterns/regex.js";
import { compileLanguage, noPolarityWords, type CompiledLanguage, type Language } from "../match/polarity.js";
import type { CompiledModel, WeightTable } from "../match/model/model.js";
import { compileModel, modelRule } from "./model.js";
import type { CompiledRule, CompiledSpec } from "../match/spec.js";
import type { Category } from "../types.js";
import type {
  AddedPack,
  CategoryPoint,
  CompiledChoices,
  CompiledElement,
  CompiledFormKind,
  CompiledKeyPoints,
  Rulebook,
  RuleChanges,
} from "./load.js";
import type { Element, FormKindDefinition, Grading, ModelDefinition, Rule, RuleFile } from "./schema.js";
import type { YamlFile } from "./yaml-file.js";

/*
 * Validated rule files -> Rulebook. This module loads neither YAML nor zod: the bundled pack,
 * validated by the build, is compiled here at start-up (src/rules/bundle.ts), and user packs
 * after load.ts has read and validated them.
 */

export type LoadedFile = YamlFile<RuleFile>;

/** The bundled pack as it ships: no config, no added pack. */
export const noChanges: RuleChanges = { packs: [], disabled: [], severities: [] };

/** What the files say together: their lists by language, and their polarity words (by language) and grading merged (validated when asked for). */
export interface MergedPack {
  lists: Map<string, Lists>;
  languages: () => Record<string, Language>;
  grading: () => Grading;
}

export interface CompileOptions {
  /** The files whose rules and elements are wanted; lists, language and kinds come from every file. */
  tested: Set<LoadedFile>;
  /** The engine each file's regexes run on. */
  regexFor: (file: LoadedFile) => RegexEngine;
  /** The added pack of each file that is not bundled. */
  packOf: Map<string, string>;
  /** Where every problem is kept, to be thrown together. */
  problems: Problems;
  /** The weights a file's model names. */
  weightsFor: (file: LoadedFile, definition: ModelDefinition) => WeightTable;
}

export function compileRulebook(files: LoadedFile[], pack: MergedPack, options: CompileOptions): Rulebook {
  const { tested, regexFor, packOf, problems } = options;
  const { lists } = pack;
  const compiler = new Compiler(lists, problems, packOf, regexFor);
  const kinds = files.flatMap((f) => compiler.kinds(f));
  // Every file's element ids are claimed in order, so a tested pack may word an element it does not test.
  const elements = files.flatMap((f) => compiler.elements(f, tested.has(f)));
  for (const f of files) compiler.checkLists(f);
  // Every file's rule ids are claimed in order, so a tested pack may replace a rule it does not test.
  const rules = files.flatMap((f) => compiler.rules(f, tested.has(f))).filter((r) => !compiler.replaced.has(r));
  const keyPoints = compiler.keyPoints([...tested]);
  const grading = problems.attempt(() => pack.grading());
  const language = problems.attempt(() => compileLanguages(files, pack));
  problems.throwIfAny();
  const modelFile = [...tested].findLast((f) => f.data.model);
  const model = modelFile && compiler.model(modelFile, language!, options.weightsFor);
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

/** A list named in several files of one language holds the phrases of all of them; each language has its own lists. */
export function mergeLists(files: LoadedFile[]): Map<string, Lists> {
  const byLanguage = new Map<string, Lists>();
  for (const { data } of files) {
    let lists = byLanguage.get(data.lang);
    if (!lists) byLanguage.set(data.lang, (lists = listsOf(data.lang)));
    for (const [name, phrases] of Object.entries(data.lists)) lists.set(name, [...(lists.get(name) ?? []), ...phrases]);
  }
  return byLanguage;
}

// The polarity words of each language, compiled with that language's lists; a language whose files give none has none.
function compileLanguages(files: LoadedFile[], pack: MergedPack): Map<string, CompiledLanguage> {
  const words = pack.languages();
  const compiled = new Map<string, CompiledLanguage>();
  for (const lang of new Set(files.map((f) => f.data.lang))) {
    const owner = files.find((f) => f.data.lang === lang && f.data.language);
    const lists = pack.lists.get(lang) ?? listsOf(lang);
    compiled.set(lang, owner && words[lang] ? owner.at(["language"], () => compileLanguage(words[lang]!, lists)) : noPolarityWords);
  }
  return compiled;
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
    private readonly regexFor: (file: LoadedFile) => RegexEngine,
  ) {}

  /** The definition of a rule the compiler has read. */
  definitionOf(id: string): Rule {
    return this.ruleById.get(id)!.rule;
  }

  /** The kinds a file defines and those it words, each read in the file's language. */
  kinds(file: LoadedFile): CompiledFormKind[] {
    const defined = this.each(["kinds"], file.data.kinds, (definition, path) => {
      this.claim(file, path, "kind", definition.id, this.kindFiles);
      this.kindDefinitions.set(definition.id, definition);
      return this.kind(file, path, definition, definition);
    });
    const worded = this.each(["wordings", "kinds"], file.data.wordings?.kinds ?? [], (wording, path) => {
      const definition = this.kindDefinitions.get(wording.of);
      if (!definition)
        file.fail([...path, "of"], `no kind "${wording.of}" in the files loaded before this one${didYouMean(wording.of, this.kindDefinitions.keys())}`);
      return this.kind(file, path, definition, wording);
    });
    return [...defined, ...worded];
  }

  private kind(
    file: LoadedFile,
    path: Path,
    definition: FormKindDefinition,
    wording: Pick<FormKindDefinition, "signals" | "minSignals" | "requires">,
  ): CompiledFormKind | undefined {
    const context = this.context(file);
    const signals = this.all(file, [...path, "signals"], wording.signals, (p) => compilePattern(p, context));
    const requires = this.all(file, [...path, "requires"], wording.requires, (p) => compilePattern(p, context));
    return signals && requires && { definition, file: file.file, lang: file.data.lang, signals, minSignals: wording.minSignals, requires };
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
        file.fail(
          [...path, "of"],
          `no element "${wording.of}" in the files loaded before this one${didYouMean(wording.of, this.elementDefinitions.keys())}`,
        );
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
      if (!entry)
        file.fail([...path, "of"], `no rule "${wording.of}" in the files loaded before this one${didYouMean(wording.of, this.ruleById.keys())}`);
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

  /** The last pack's model: its findings' ids claimed like rule ids, compiled with its weights; it reads its file's language. */
  model(file: LoadedFile, languages: Map<string, CompiledLanguage>, weightsFor: CompileOptions["weightsFor"]): CompiledModel {
    const definition = file.data.model!;
    definition.findings.forEach((f, i) => this.claim(file, ["model", "findings", i], "rule", f.id, this.fileOf));
    return compileModel(file, definition, weightsFor(file, definition), this.listsOf(file), languages.get(file.data.lang) ?? noPolarityWords);
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

  private context(file: LoadedFile): CompileContext {
    return { lists: this.listsOf(file), regex: this.regexFor(file) };
  }

  private spec(file: LoadedFile, path: Path, s: Pick<Rule, "patterns" | "requires" | "excludes" | "leadIn">): CompiledSpec | undefined {
    const context = this.context(file);
    const patterns = this.all(file, [...path, "patterns"], s.patterns, (p) => compilePattern(p, context));
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
