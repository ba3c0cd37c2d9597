import { didYouMean, display, type Problems } from "../errors.js";
import { compilePattern } from "../match/patterns/index.js";
import type { CompileContext } from "../match/patterns/kind.js";
import { parsePhrase, type Lists } from "../match/patterns/phrase/parse.js";
import type { RegexEngine } from "../match/patterns/regex.js";
import { compileLanguage, type CompiledLanguage, type Language } from "../match/polarity.js";
import type { CompiledModel, WeightTable } from "../match/model/model.js";
import { compileModel, modelRule } from "./model.js";
import type { CompiledRule, CompiledSpec } from "../match/spec.js";
import type { Category } from "../types.js";
import type { AddedPack, CategoryPoint, CompiledElement, CompiledFormKind, CompiledKeyPoints, Rulebook, RuleChanges } from "./load.js";
import type { Grading, ModelDefinition, Rule, RuleFile } from "./schema.js";
import type { YamlFile } from "./yaml-file.js";

/*
 * Validated rule files -> Rulebook. This module loads neither YAML nor zod: the bundled pack,
 * validated by the build, is compiled here at start-up (src/rules/bundle.ts), and user packs
 * after load.ts has read and validated them.
 */

export type LoadedFile = YamlFile<RuleFile>;

/** The bundled pack as it ships: no config, no added pack. */
export const noChanges: RuleChanges = { packs: [], disabled: [], severities: [] };

/** What the files say together: their lists, and their language and grading merged (validated when asked for). */
export interface MergedPack {
  lists: Lists;
  language: () => Language;
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
  const elements = [...tested].flatMap((f) => compiler.elements(f));
  for (const f of files) compiler.checkLists(f);
  // Every file's rule ids are claimed in order, so a tested pack may replace a rule it does not test.
  const rules = files.flatMap((f) => compiler.rules(f, tested.has(f))).filter((r) => !compiler.replaced.has(r));
  const keyPoints = compiler.keyPoints([...tested]);
  const grading = problems.attempt(() => pack.grading());
  const languageFile = files.find((f) => f.data.language) ?? files[0]!;
  const language = problems.attempt(() => languageFile.at(["language"], () => compileLanguage(pack.language(), lists)));
  problems.throwIfAny();
  const modelFile = [...tested].findLast((f) => f.data.model);
  const model = modelFile && compiler.model(modelFile, language!, options.weightsFor);
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

/** A list named in several files holds the phrases of all of them. */
export function mergeLists(files: LoadedFile[]): Lists {
  const lists: Lists = new Map();
  for (const { data } of files)
    for (const [name, phrases] of Object.entries(data.lists)) lists.set(name, [...(lists.get(name) ?? []), ...phrases]);
  return lists;
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
    private readonly regexFor: (file: LoadedFile) => RegexEngine,
  ) {}

  kinds(file: LoadedFile): CompiledFormKind[] {
    return this.each(["kinds"], file.data.kinds, (definition, path) => {
      this.claim(file, path, "kind", definition.id, this.kindFiles);
      const context = this.context(file);
      const signals = this.all(file, [...path, "signals"], definition.signals, (p) => compilePattern(p, context));
      const requires = this.all(file, [...path, "requires"], definition.requires, (p) => compilePattern(p, context));
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

  /** The last pack's model: its findings' ids claimed like rule ids, compiled with its weights. */
  model(file: LoadedFile, language: CompiledLanguage, weightsFor: CompileOptions["weightsFor"]): CompiledModel {
    const definition = file.data.model!;
    definition.findings.forEach((f, i) => this.claim(file, ["model", "findings", i], "rule", f.id, this.fileOf));
    return compileModel(file, definition, weightsFor(file, definition), this.lists, language);
  }

  /** Lists are checked where they are written, so a typo in a list names its own line. */
  checkLists(file: LoadedFile) {
    for (const [name, phrases] of Object.entries(file.data.lists)) this.all(file, ["lists", name], phrases, (p) => parsePhrase(p, this.lists));
  }

  private context(file: LoadedFile): CompileContext {
    return { lists: this.lists, regex: this.regexFor(file) };
  }

  private spec(file: LoadedFile, path: Path, s: Pick<Rule, "patterns" | "requires" | "excludes" | "leadIn">): CompiledSpec | undefined {
    const context = this.context(file);
    const patterns = this.all(file, [...path, "patterns"], s.patterns, (p) => compilePattern(p, context));
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
