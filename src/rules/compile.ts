import { display } from "../errors.js";
import { compilePattern } from "../match/patterns/index.js";
import type { CompileContext } from "../match/patterns/kind.js";
import { parsePhrase, type Lists } from "../match/patterns/phrase/parse.js";
import type { RegexEngine } from "../match/patterns/regex.js";
import { compileLanguage, type Language } from "../match/polarity.js";
import type { CompiledSpec, CompiledRule } from "../match/spec.js";
import type { Category } from "../types.js";
import type { CategoryPoint, CompiledElement, CompiledFormKind, CompiledKeyPoints, Rulebook } from "./load.js";
import type { Grading, Rule, RuleFile } from "./schema.js";
import type { YamlFile } from "./yaml-file.js";

/*
 * Validated rule files -> Rulebook. This module loads neither YAML nor zod: the bundled pack,
 * validated by the build, is compiled here at start-up (src/rules/bundle.ts), and user packs
 * after load.ts has read and validated them.
 */

export type LoadedFile = YamlFile<RuleFile>;

/** What the files say together: their lists, and their language and grading merged (and validated). */
export interface MergedPack {
  lists: Lists;
  language: Language;
  grading: Grading;
}

export interface CompileOptions {
  /** The files whose rules and elements are wanted (all by default); lists, language and kinds come from every file. */
  tested?: LoadedFile[];
  /** The engine each file's regexes run on. */
  regexFor: (file: LoadedFile) => RegexEngine;
}

export function compileRulebook(files: LoadedFile[], pack: MergedPack, options: CompileOptions): Rulebook {
  const tested = options.tested ?? files;
  const compiler = new Compiler(pack.lists, options.regexFor);
  const kinds = files.flatMap((f) => compiler.kinds(f));
  const elements = tested.flatMap((f) => compiler.elements(f));
  for (const f of files) compiler.checkLists(f);
  const rules = tested.flatMap((f) => compiler.rules(f));
  const languageFile = files.find((f) => f.data.language) ?? files[0]!;
  return {
    rules,
    kinds,
    elements,
    grading: pack.grading,
    keyPoints: compiler.keyPoints(tested),
    language: languageFile.at(["language"], () => compileLanguage(pack.language, pack.lists)),
    rulesById: new Map(rules.map((c) => [c.rule.id, c.rule])),
    files: compiler.fileOf,
  };
}

/** A list named in several files holds the phrases of all of them. */
export function mergeLists(files: LoadedFile[]): Lists {
  const lists: Lists = new Map();
  for (const { data } of files)
    for (const [name, phrases] of Object.entries(data.lists)) lists.set(name, [...(lists.get(name) ?? []), ...phrases]);
  return lists;
}

type Path = (string | number)[];

/** Compiles the parts of rule files, each problem reported at its line; ids must be unique across files. */
class Compiler {
  /** Rule and element ids (they share one namespace) -> file. */
  readonly fileOf = new Map<string, string>();
  private readonly kindFiles = new Map<string, string>();

  constructor(
    private readonly lists: Lists,
    private readonly regexFor: (file: LoadedFile) => RegexEngine,
  ) {}

  kinds(file: LoadedFile): CompiledFormKind[] {
    const context = this.context(file);
    return file.data.kinds.map((definition, k) => {
      this.claim(file, ["kinds", k], "kind", definition.id, this.kindFiles);
      const compile = (field: "signals" | "requires") =>
        definition[field].map((p, i) => file.at(["kinds", k, field, i], () => compilePattern(p, context)));
      return { definition, signals: compile("signals"), requires: compile("requires") };
    });
  }

  elements(file: LoadedFile): CompiledElement[] {
    return file.data.elements.map((element, e) => {
      const path = ["elements", e];
      this.claim(file, path, "element", element.id, this.fileOf);
      element.appliesTo.forEach((kind, i) => {
        if (kind !== "any" && !this.kindFiles.has(kind)) file.fail([...path, "appliesTo", i], `unknown kind "${kind}"`);
      });
      return { element, ...this.spec(file, path, element) };
    });
  }

  rules(file: LoadedFile): CompiledRule<Rule>[] {
    return file.data.rules.map((rule, r) => {
      const path = ["rules", r];
      this.claim(file, path, "rule", rule.id, this.fileOf);
      return { rule, ...this.spec(file, path, rule) };
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
      if (keyPoints.choices)
        choices = { ...this.spec(file, ["keyPoints", "choices"], { ...keyPoints.choices, leadIn: [] }), examples: keyPoints.choices.examples };
    }
    return { categories, choices };
  }

  /** Lists are checked where they are written, so a typo in a list names its own line. */
  checkLists(file: LoadedFile) {
    for (const [name, phrases] of Object.entries(file.data.lists))
      phrases.forEach((p, i) => file.at(["lists", name, i], () => parsePhrase(p, this.lists)));
  }

  private context(file: LoadedFile): CompileContext {
    return { lists: this.lists, regex: this.regexFor(file) };
  }

  private spec(file: LoadedFile, path: Path, s: Pick<Rule, "patterns" | "requires" | "excludes" | "leadIn">): CompiledSpec {
    const context = this.context(file);
    return {
      patterns: s.patterns.map((p, i) => file.at([...path, "patterns", i], () => compilePattern(p, context))),
      requires: s.requires.map((p, i) => file.at([...path, "requires", i], () => parsePhrase(p, this.lists))),
      excludes: s.excludes.map((p, i) => file.at([...path, "excludes", i], () => parsePhrase(p, this.lists))),
      leadIn: s.leadIn.map((p, i) => file.at([...path, "leadIn", i], () => parsePhrase(p, this.lists))),
    };
  }

  private claim(file: LoadedFile, path: Path, what: string, id: string, seen: Map<string, string>) {
    const earlier = seen.get(id);
    if (earlier !== undefined) file.fail([...path, "id"], `${what} id "${id}" is already used in ${display(earlier)}`);
    seen.set(id, file.file);
  }
}
