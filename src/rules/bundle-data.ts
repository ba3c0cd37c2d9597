import { Problems } from "../errors.js";
import { internPhrases, type Phrase, type PhraseNode } from "../match/patterns/phrase/parse.js";
import { keySetOf, type KeySet } from "../match/patterns/phrase/prefilter.js";
import { nativeRegex } from "../match/patterns/regex.js";
import type { Language } from "../match/polarity.js";
import type { WeightTable } from "../match/model/model.js";
import { compileRulebook, mergeLists, type LoadedFile } from "./compile.js";
import type { Rulebook } from "./load.js";
import type { Grading, RuleFile } from "./schema.js";
import type { Category } from "../types.js";

/*
 * The bundled rule pack as the build writes it (dist/bundled-rules.json), and the rulebook it
 * compiles to. This module takes the bundle as data and reads no file: the command line reads
 * it from dist/ (./bundle.ts), the web page has it in its script.
 */

// Phrase trees share nodes (a list's node is shared by every phrase naming it), so they are
// written as a table, children before parents, each child by its index in the table.
type NodeRow =
  | Extract<PhraseNode, { kind: "word" | "prefix" | "any" | "gap" }>
  | { kind: "seq"; items: number[] }
  | { kind: "alt"; options: number[] }
  | { kind: "opt"; node: number };

export interface CompiledPhrases {
  nodes: NodeRow[];
  /** Prefilter key sets: keys, then prefixes. */
  keySets: [string[], string[]][];
  /** source, node, anchors (a key set, or -1 for none), required key sets */
  phrases: [string, number, number, number[]][];
}

// The model's weight table with its numbers in base64 (a row per feature, its weights that are not
// zero, each with its category's column): parsing tens of thousands of weights from JSON would cost
// more than all the rest of start-up.
export interface PackedWeights {
  categories: Category[];
  bias: number[];
  features: string[];
  /** Where each row starts, then the end of the last (Uint32), its columns (Uint8) and its values (Float64). */
  starts: string;
  columns: string;
  values: string;
}

export interface Bundle {
  /** By path in the rules folder. */
  files: Record<string, RuleFile>;
  /** The polarity words of each language. */
  languages: Record<string, Language>;
  grading: Grading;
  /** The phrases parsed with each language's lists. */
  phrases: Record<string, CompiledPhrases>;
  weights?: PackedWeights;
}

/** A bundled rule file: where it is (its path, or its key in the bundle where there are no files) and its validated data. */
export interface BundledFile {
  file: string;
  data: RuleFile;
}

/**
 * The bundled pack compiled from the bundle, the files in the order the pack reads them.
 * `base64` decodes the packed weights (Node's Buffer where there is one: it is the fastest).
 */
export function rulebookOfBundle(bundle: Bundle, bundled: BundledFile[], base64: (text: string) => Uint8Array): Rulebook {
  const files = bundled.map(({ file, data }): LoadedFile => {
    // The build validated every file: nothing here can fail, so there is no line to report.
    const fail = (path: (string | number)[], problem: string): never => {
      throw new Error(`${file}: ${path.join(".")}: ${problem}`);
    };
    return { file, data, fail, at: (_path, step) => step() };
  });
  // The build checked the model's weights.
  const weightsFor = (): WeightTable => unpackWeights(bundle.weights!, base64);
  const lists = mergeLists(files);
  for (const [lang, phrases] of Object.entries(bundle.phrases)) {
    const own = lists.get(lang);
    if (own) internPhrases(own, readPhrases(phrases));
  }
  const pack = { lists, languages: () => bundle.languages, grading: () => bundle.grading };
  const options = { tested: new Set(files), regexFor: () => nativeRegex, packOf: new Map(), problems: new Problems(), weightsFor };
  return compileRulebook(files, pack, options);
}

/** The weight table packed for the bundle; `base64` encodes bytes (the build's Buffer). */
export function packWeights(table: WeightTable, base64: (bytes: Uint8Array) => string): PackedWeights {
  const bytes = (array: Uint32Array | Uint8Array | Float64Array) => base64(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  return {
    categories: table.categories,
    bias: [...table.bias],
    features: [...table.rows.keys()],
    starts: bytes(table.starts),
    columns: bytes(table.columns),
    values: bytes(table.values),
  };
}

function unpackWeights(packed: PackedWeights, base64: (text: string) => Uint8Array): WeightTable {
  // Copies, so that each array starts at an offset its type can view.
  const buffer = (text: string) => new Uint8Array(base64(text)).buffer;
  return {
    categories: packed.categories,
    bias: Float64Array.from(packed.bias),
    rows: new Map(packed.features.map((feature, i) => [feature, i])),
    starts: new Uint32Array(buffer(packed.starts)),
    columns: new Uint8Array(buffer(packed.columns)),
    values: new Float64Array(buffer(packed.values)),
  };
}

// Rows are written once each: equal subtrees (the same words in many phrases) become one node,
// which matching treats as it would the copies.
export function writePhrases(phrases: Phrase[]): CompiledPhrases {
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
