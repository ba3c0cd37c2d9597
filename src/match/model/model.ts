import type { Category, Severity, Span } from "../../types.js";
import type { TokenMatch } from "../sentence.js";
import type { Phrase } from "../patterns/phrase/parse.js";
import { findAll } from "../patterns/phrase/search.js";
import { featuresWithVocabulary, type FeatureContext, type SentenceContext, type SentenceVocabulary } from "./features.js";
import { sigmoid, type Classifier } from "./train.js";

/** What matching needs to know of a model finding's entry; the rest (title, explanation...) is for reports. */
export interface ModelHead {
  id: string;
  category: Category;
  severity: Severity;
}

/**
 * Every category's classifier in one table: a row per feature, holding only its weights that
 * are not zero (most are: a feature weighs in a few categories), so a sentence looks each of
 * its features up once and adds a few numbers. Row `i` is `columns` (category numbers) and
 * `values` from `starts[i]` to `starts[i + 1]`. The build writes it packed into the bundle.
 */
export interface WeightTable {
  categories: Category[];
  bias: Float64Array;
  /** Each feature's row number. */
  rows: Map<string, number>;
  starts: Uint32Array;
  columns: Uint8Array;
  values: Float64Array;
}

/** The table of classifiers by category (as `npm run train` writes them). */
export function weightTable(classifiers: Partial<Record<Category, Classifier>>): WeightTable {
  const entries = Object.entries(classifiers) as [Category, Classifier][];
  const cells = new Map<string, [number, number][]>();
  entries.forEach(([, classifier], k) => {
    for (const [feature, w] of Object.entries(classifier.weights)) {
      if (w === 0) continue;
      const row = cells.get(feature);
      if (row) row.push([k, w]);
      else cells.set(feature, [[k, w]]);
    }
  });
  const all = [...cells.values()].flat();
  const starts = new Uint32Array(cells.size + 1);
  [...cells.values()].forEach((row, i) => (starts[i + 1] = starts[i]! + row.length));
  return {
    categories: entries.map(([c]) => c),
    bias: Float64Array.from(entries, ([, c]) => c.bias),
    rows: new Map([...cells.keys()].map((feature, i) => [feature, i])),
    starts,
    columns: Uint8Array.from(all, ([k]) => k),
    values: Float64Array.from(all, ([, w]) => w),
  };
}

/** A feature's weight in category column `k` (0 for a feature the table does not have). */
export function weightOf(table: WeightTable, feature: string, k: number): number {
  const row = table.rows.get(feature);
  if (row === undefined) return 0;
  for (let j = table.starts[row]!; j < table.starts[row + 1]!; j++) if (table.columns[j] === k) return table.values[j]!;
  return 0;
}

/** One category's classifier, out of the table (for `rules show`). */
export function classifierOf(table: WeightTable, category: Category): Classifier | undefined {
  const k = table.categories.indexOf(category);
  if (k < 0) return undefined;
  const weights: Record<string, number> = {};
  for (const feature of table.rows.keys()) {
    const w = weightOf(table, feature, k);
    if (w !== 0) weights[feature] = w;
  }
  return { bias: table.bias[k]!, weights };
}

/** The model, ready to score sentences: its findings, each one category of the weight table. */
export interface CompiledModel {
  threshold: number;
  features: FeatureContext;
  weights: WeightTable;
  /** Each finding's category, and the phrases a sentence must hold before the model may report it there. */
  findings: { head: ModelHead; requires: Phrase[] }[];
}

/** A sentence the model reports in one category, with the words that weighed most for it. */
export interface ModelHit {
  head: ModelHead;
  probability: number;
  span: Span;
}

/** Scores the sentences of one text; it remembers the features of each list's lead-in for the list's items. */
export interface ModelScorer {
  hits(context: SentenceContext, silent: (category: Category) => boolean): ModelHit[];
}

/**
 * The model's findings in a sentence, in the categories `silent` allows (those the
 * rules said nothing about, either way): each where the probability reaches the threshold.
 */
export function modelScorer(model: CompiledModel): ModelScorer {
  const { findings, threshold, weights } = model;
  const columns = findings.map((f) => weights.categories.indexOf(f.head.category));
  const leadIns = new Map<number, string[]>();
  return {
    hits(context, silent) {
      const wanted = findings.map((f) => silent(f.head.category) && f.requires.every((p) => findAll(p, context.sentence).length > 0));
      if (!wanted.includes(true)) return [];
      const { features, vocabulary } = featuresWithVocabulary(context, model.features, leadIns);
      const z = Float64Array.from(weights.bias);
      const { rows, starts, columns: columnOf, values } = weights;
      for (const feature of features) {
        const row = rows.get(feature);
        if (row !== undefined) for (let j = starts[row]!; j < starts[row + 1]!; j++) z[columnOf[j]!]! += values[j]!;
      }
      const hits: ModelHit[] = [];
      findings.forEach(({ head }, i) => {
        const p = sigmoid(z[columns[i]!]!);
        if (wanted[i] && p >= threshold)
          hits.push({ head, probability: p, span: strongestWords(weights, columns[i]!, features, vocabulary) });
      });
      return hits;
    },
  };
}

/**
 * The words of the sentence behind its strongest feature, so a report can show why the
 * model spoke: a stem's word, a bigram's two words, a vocabulary's phrase (two phrases
 * for a pair). Lead-in features have no words in the sentence; the whole sentence stands in.
 * `vocabulary` holds the sentence's vocabulary matches, found when its features were made.
 */
function strongestWords(weights: WeightTable, column: number, features: string[], vocabulary: SentenceVocabulary): Span {
  const { sentence } = vocabulary;
  const ranked = features
    .map((feature) => ({ feature, weight: weightOf(weights, feature, column) }))
    .filter((f) => f.weight > 0)
    .sort((a, b) => b.weight - a.weight);
  const stems = sentence.tokens.map((t) => (/^\d/.test(t.stem) ? "#" : t.stem));
  for (const { feature } of ranked) {
    const tokens = tokensOf(feature, stems, vocabulary);
    if (tokens) return { start: sentence.tokens[tokens.start]!.start, end: sentence.tokens[tokens.end - 1]!.end };
  }
  return sentence.span;
}

function tokensOf(feature: string, stems: string[], vocabulary: SentenceVocabulary): { start: number; end: number } | undefined {
  if (feature.startsWith("s:")) {
    const i = stems.indexOf(feature.slice(2));
    return i < 0 ? undefined : { start: i, end: i + 1 };
  }
  if (feature.startsWith("b:")) {
    const [a, b] = feature.slice(2).split(" ");
    const i = stems.findIndex((s, k) => s === a && stems[k + 1] === b);
    return i < 0 ? undefined : { start: i, end: i + 2 };
  }
  if (!feature.startsWith("@")) return undefined;
  const matches = feature.split("&").map((part) => firstMatch(vocabulary.matches(part.slice(1).replace(/!not$/, ""))));
  if (matches.some((m) => !m)) return undefined;
  return { start: Math.min(...matches.map((m) => m!.start)), end: Math.max(...matches.map((m) => m!.end)) };
}

const firstMatch = (matches: TokenMatch[]) =>
  matches.reduce<TokenMatch | undefined>((first, m) => (!first || m.start < first.start ? m : first), undefined);
