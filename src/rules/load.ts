import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { UserError } from "../errors.js";
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
import type { Category } from "../types.js";
import type { CompiledModel } from "../match/model/model.js";
import { compileModel, modelRule } from "./model.js";
import { display, type YamlFile } from "./yaml-file.js";
import { readRuleFile } from "./bundle.js";

/** The rule pack that ships with consent-lens. */
export const bundledRules = fileURLToPath(new URL("../../rules/", import.meta.url));

export interface CompiledFormKind {
  definition: FormKindDefinition;
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
  /** The named phrase lists of every pack, merged. */
  lists: Lists;
  /** Which file each rule and element came from. */
  files: Map<string, string>;
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

/**
 * Loads, validates and compiles rule packs. Every problem is a UserError of the form
 * `file:line: field: problem`. `only`: the rules and elements of these packs alone, with
 * the lists, language and kinds of every pack (for `rules test` of a custom pack).
 */
export function loadRules(paths: string[] = [bundledRules], options: { only?: string[] } = {}): Rulebook {
  const bundled = new Set(packFiles(bundledRules));
  const files = paths.flatMap(packFiles).map((file) => readRuleFile(file, bundled.has(file)));
  const onlyFiles = options.only && new Set(options.only.flatMap(packFiles));
  const tested = onlyFiles ? files.filter((f) => onlyFiles.has(f.file)) : files;

  const lists = mergeLists(files);
  const compiler = new Compiler(lists);
  const kinds = files.flatMap((f) => compiler.kinds(f));
  const elements = tested.flatMap((f) => compiler.elements(f));
  for (const f of files) compiler.checkLists(f);
  const rules = tested.flatMap((f) => compiler.rules(f));
  const language = mergeLanguage(files, lists);
  const modelFile = tested.findLast((f) => f.data.model);
  const model = modelFile && compiler.model(modelFile, language);
  return {
    rules,
    kinds,
    elements,
    grading: mergeGrading(files),
    keyPoints: compiler.keyPoints(tested),
    language,
    ...(model ? { model } : {}),
    rulesById: new Map([...rules.map((c) => c.rule), ...(modelFile?.data.model?.findings.map(modelRule) ?? [])].map((r) => [r.id, r])),
    lists,
    files: compiler.fileOf,
  };
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

/** Compiles the parts of rule files, each problem reported at its line; ids must be unique across files. */
class Compiler {
  /** Rule and element ids (they share one namespace) -> file. */
  readonly fileOf = new Map<string, string>();
  private readonly kindFiles = new Map<string, string>();

  constructor(private readonly lists: Lists) {}

  kinds(file: LoadedFile): CompiledFormKind[] {
    return file.data.kinds.map((definition, k) => {
      this.claim(file, ["kinds", k], "kind", definition.id, this.kindFiles);
      const compile = (field: "signals" | "requires") =>
        definition[field].map((p, i) => file.at(["kinds", k, field, i], () => compilePattern(p, this.lists)));
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

  /** The last pack's model: its findings' ids claimed like rule ids, its weights read and checked. */
  model(file: LoadedFile, language: CompiledLanguage): CompiledModel {
    const definition = file.data.model!;
    definition.findings.forEach((f, i) => this.claim(file, ["model", "findings", i], "rule", f.id, this.fileOf));
    return compileModel(file, definition, this.lists, language);
  }

  /** Lists are checked where they are written, so a typo in a list names its own line. */
  checkLists(file: LoadedFile) {
    for (const [name, phrases] of Object.entries(file.data.lists))
      phrases.forEach((p, i) => file.at(["lists", name, i], () => parsePhrase(p, this.lists)));
  }

  private spec(file: LoadedFile, path: Path, s: Pick<Rule, "patterns" | "requires" | "excludes" | "leadIn">): CompiledSpec {
    return {
      patterns: s.patterns.map((p, i) => file.at([...path, "patterns", i], () => compilePattern(p, this.lists))),
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
