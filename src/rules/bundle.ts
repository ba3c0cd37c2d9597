import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Problems, UserError } from "../errors.js";
import { internedPhrases, internPhrases, type Lists, type Phrase, type PhraseNode } from "../match/patterns/phrase/parse.js";
import { keySetOf, type KeySet } from "../match/patterns/phrase/prefilter.js";
import { nativeRegex } from "../match/patterns/regex.js";
import type { Language } from "../match/polarity.js";
import { compileRulebook, mergeLists, type LoadedFile } from "./compile.js";
import type { Rulebook } from "./load.js";
import type { Grading, ModelDefinition, RuleFile } from "./schema.js";
import type { WeightTable } from "../match/model/model.js";
import { languageCode, type Category } from "../types.js";

/*
 * The bundled rule pack as the build leaves it (scripts/bundle-rules.mjs): the rule files
 * already validated, their language and grading merged, and every phrase already parsed
 * with its prefilter, in dist/bundled-rules.json. Start-up reads that one file and neither
 * parses YAML, runs zod, nor parses a phrase. A rule file newer than the bundle (an edit
 * without a rebuild) sends the loader back to the YAML (load.ts).
 */

/** The rule pack that ships with consent-lens. */
export const bundledRules = fileURLToPath(new URL("../../rules/", import.meta.url));

/** Whether a rule file is one of the bundled pack's. */
export const isBundled = (file: string) => file.startsWith(bundledRules);

export const bundleFile = fileURLToPath(new URL("../bundled-rules.json", import.meta.url));

/** A bundled rule file's key in the bundle: its path in the rules folder ("redisclosure.yaml", "es/redisclosure.yaml"). */
const bundleKey = (file: string) => relative(bundledRules, file).split("\\").join("/");

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

// Phrase trees share nodes (a list's node is shared by every phrase naming it), so they are
// written as a table, children before parents, each child by its index in the table.
type NodeRow =
  | Extract<PhraseNode, { kind: "word" | "prefix" | "any" | "gap" }>
  | { kind: "seq"; items: number[] }
  | { kind: "alt"; options: number[] }
  | { kind: "opt"; node: number };

interface CompiledPhrases {
  nodes: NodeRow[];
  /** Prefilter key sets: keys, then prefixes. */
  keySets: [string[], string[]][];
  /** source, node, anchors (a key set, or -1 for none), required key sets */
  phrases: [string, number, number, number[]][];
}

// The model's weight table as numbers in base64 (a row per feature, a column per category):
// parsing tens of thousands of weights from JSON would cost more than all the rest of start-up.
interface PackedWeights {
  categories: Category[];
  bias: number[];
  features: string[];
  rows: string;
}

interface Bundle {
  /** By path in the rules folder. */
  files: Record<string, RuleFile>;
  /** The polarity words of each language. */
  languages: Record<string, Language>;
  grading: Grading;
  /** The phrases parsed with each language's lists. */
  phrases: Record<string, CompiledPhrases>;
  weights?: PackedWeights;
}

/** The bundle's JSON, for the build: the validated files, what they say together, their phrases as `lists` parsed them, the model's weights. */
export function bundleJson(
  files: LoadedFile[],
  pack: { lists: Map<string, Lists>; languages: Record<string, Language>; grading: Grading; weights: WeightTable | undefined },
): string {
  const bundle: Bundle = {
    files: Object.fromEntries(files.map((f) => [bundleKey(f.file), f.data])),
    languages: pack.languages,
    grading: pack.grading,
    phrases: Object.fromEntries([...pack.lists].map(([lang, lists]) => [lang, writePhrases(internedPhrases(lists))])),
    ...(pack.weights ? { weights: packWeights(pack.weights) } : {}),
  };
  return JSON.stringify(bundle);
}

function packWeights(table: WeightTable): PackedWeights {
  const k = table.categories.length;
  const rows = new Float64Array(table.rows.size * k);
  [...table.rows.values()].forEach((row, i) => rows.set(row, i * k));
  return {
    categories: table.categories,
    bias: [...table.bias],
    features: [...table.rows.keys()],
    rows: Buffer.from(rows.buffer).toString("base64"),
  };
}

function unpackWeights(packed: PackedWeights): WeightTable {
  const k = packed.categories.length;
  const bytes = Buffer.from(packed.rows, "base64");
  // A copy, so the rows start at an offset a Float64Array can view.
  const values = new Float64Array(new Uint8Array(bytes).buffer);
  const rows = new Map(packed.features.map((feature, i) => [feature, values.subarray(i * k, (i + 1) * k)]));
  return { categories: packed.categories, bias: Float64Array.from(packed.bias), rows };
}

let read: { mtime: number; bundle: Bundle } | null | undefined;

function readBundle() {
  if (read === undefined) {
    try {
      read = { mtime: statSync(bundleFile).mtimeMs, bundle: JSON.parse(readFileSync(bundleFile, "utf8")) as Bundle };
    } catch {
      read = null;
    }
  }
  return read;
}

/** A bundled rule file's validated data, if the bundle has it and the file has not changed since the build. */
export function bundledData(file: string): RuleFile | undefined {
  const current = readBundle();
  const data = current?.bundle.files[bundleKey(file)];
  return data && statSync(file).mtimeMs <= current.mtime ? data : undefined;
}

// A rulebook is never changed once compiled (a config makes a new one), so one process compiles the bundle once.
let compiled: Rulebook | undefined;

/** The bundled pack, compiled from the bundle; undefined when there is no bundle or a rule file changed after it. */
export function bundledRulebook(): Rulebook | undefined {
  const current = readBundle();
  if (!current) return undefined;
  const paths = packFiles(bundledRules);
  const { bundle } = current;
  if (paths.length !== Object.keys(bundle.files).length || !paths.every((p) => bundledData(p))) return undefined;
  return (compiled ??= compileBundled(current, paths));
}

function compileBundled(current: { mtime: number; bundle: Bundle }, paths: string[]): Rulebook | undefined {
  const { bundle } = current;
  const files = paths.map((file): LoadedFile => {
    // The build validated every file: nothing here can fail, so there is no line to report.
    const fail = (path: (string | number)[], problem: string): never => {
      throw new Error(`${file}: ${path.join(".")}: ${problem}`);
    };
    return { file, data: bundle.files[bundleKey(file)]!, fail, at: (_path, step) => step() };
  });
  // The build checked the model's weights: unchanged since, they are read as they are.
  const weightsOf = (file: LoadedFile, definition: ModelDefinition) => resolve(dirname(file.file), definition.weights);
  if (files.some((f) => f.data.model && statSync(weightsOf(f, f.data.model)).mtimeMs > current.mtime)) return undefined;
  const weightsFor = (): WeightTable => unpackWeights(bundle.weights!);
  const lists = mergeLists(files);
  for (const [lang, phrases] of Object.entries(bundle.phrases)) {
    const own = lists.get(lang);
    if (own) internPhrases(own, readPhrases(phrases));
  }
  const pack = { lists, languages: () => bundle.languages, grading: () => bundle.grading };
  const options = { tested: new Set(files), regexFor: () => nativeRegex, packOf: new Map(), problems: new Problems(), weightsFor };
  return compileRulebook(files, pack, options);
}

// Rows are written once each: equal subtrees (the same words in many phrases) become one node,
// which matching treats as it would the copies.
function writePhrases(phrases: Phrase[]): CompiledPhrases {
  const table = <Row>() => {
    const rows: Row[] = [];
    const indexOf = new Map<string, number>();
    const add = (row: Row) => {
      const key = JSON.stringify(row);
      let index = indexOf.get(key);
      if (index === undefined) indexOf.set(key, (index = rows.push(row) - 1));
      return index;
    };
    return { rows, add };
  };
  const nodes = table<NodeRow>();
  const written = new Map<PhraseNode, number>();
  const node = (n: PhraseNode): number => {
    let index = written.get(n);
    if (index === undefined) written.set(n, (index = nodes.add(nodeRow(n, node))));
    return index;
  };
  const keySets = table<[string[], string[]]>();
  const keySet = (set: KeySet) => keySets.add([[...set.keys], set.prefixes]);
  return {
    phrases: phrases.map((p) => [p.source, node(p.node), p.prefilter.anchors ? keySet(p.prefilter.anchors) : -1, p.prefilter.required.map(keySet)]),
    nodes: nodes.rows,
    keySets: keySets.rows,
  };
}

const nodeRow = (node: PhraseNode, child: (n: PhraseNode) => number): NodeRow =>
  node.kind === "seq"
    ? { kind: "seq", items: node.items.map(child) }
    : node.kind === "alt"
      ? { kind: "alt", options: node.options.map(child) }
      : node.kind === "opt"
        ? { kind: "opt", node: child(node.node) }
        : node;

function readPhrases({ nodes: rows, keySets: sets, phrases }: CompiledPhrases): Phrase[] {
  const nodes: PhraseNode[] = [];
  for (const row of rows)
    nodes.push(
      row.kind === "seq"
        ? { kind: "seq", items: row.items.map((i) => nodes[i]!) }
        : row.kind === "alt"
          ? { kind: "alt", options: row.options.map((i) => nodes[i]!) }
          : row.kind === "opt"
            ? { kind: "opt", node: nodes[row.node]! }
            : row,
    );
  const keySets = sets.map(([keys, prefixes]) => keySetOf(keys, prefixes));
  return phrases.map(([source, node, anchors, required]) => ({
    source,
    node: nodes[node]!,
    prefilter: { anchors: anchors < 0 ? undefined : keySets[anchors], required: required.map((i) => keySets[i]!) },
  }));
}
