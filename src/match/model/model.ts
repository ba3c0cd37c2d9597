import type { Category, Severity, Span } from "../../types.js";
import type { MatchSentence, TokenMatch } from "../sentence.js";
import { SentenceVocabulary, sentenceFeatures, type FeatureContext, type SentenceContext } from "./features.js";
import { sigmoid, type Classifier } from "./train.js";

/** What matching needs to know of a model finding's entry; the rest (title, explanation...) is for reports. */
export interface ModelHead {
  id: string;
  category: Category;
  severity: Severity;
}

/**
 * Every category's classifier in one table: a row per feature, a column per category, so a
 * sentence looks each of its features up once. The build writes it packed into the bundle.
 */
export interface WeightTable {
  categories: Category[];
  bias: Float64Array;
  rows: Map<string, Float64Array>;
}

/** The table of classifiers by category (as `npm run train` writes them). */
export function weightTable(classifiers: Partial<Record<Category, Classifier>>): WeightTable {
  const entries = Object.entries(classifiers) as [Category, Classifier][];
  const rows = new Map<string, Float64Array>();
  entries.forEach(([, classifier], k) => {
    for (const [feature, w] of Object.entries(classifier.weights)) {
      let row = rows.get(feature);
      if (!row) rows.set(feature, (row = new Float64Array(entries.length)));
      row[k] = w;
    }
  });
  return { categories: entries.map(([c]) => c), bias: Float64Array.from(entries, ([, c]) => c.bias), rows };
}

/** One category's classifier, out of the table (for `rules show`). */
export function classifierOf(table: WeightTable, category: Category): Classifier | undefined {
  const k = table.categories.indexOf(category);
  if (k < 0) return undefined;
  const weights: Record<string, number> = {};
  for (const [feature, row] of table.rows) if (row[k] !== 0) weights[feature] = row[k]!;
  return { bias: table.bias[k]!, weights };
}

/** The model, ready to score sentences: its findings, each one category of the weight table. */
export interface CompiledModel {
  threshold: number;
  features: FeatureContext;
  weights: WeightTable;
  findings: { head: ModelHead }[];
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
      const wanted = findings.map((f) => silent(f.head.category));
      if (!wanted.includes(true)) return [];
      const features = sentenceFeatures(context, model.features, leadIns);
      const z = Float64Array.from(weights.bias);
      for (const feature of features) {
        const row = weights.rows.get(feature);
        if (row) for (let k = 0; k < z.length; k++) z[k]! += row[k]!;
      }
      const hits: ModelHit[] = [];
      findings.forEach(({ head }, i) => {
        const p = sigmoid(z[columns[i]!]!);
        if (wanted[i] && p >= threshold)
          hits.push({ head, probability: p, span: strongestWords(weights, columns[i]!, features, context.sentence, model.features) });
      });
      return hits;
    },
  };
}

/**
 * The words of the sentence behind its strongest feature, so a report can show why the
 * model spoke: a stem's word, a bigram's two words, a vocabulary's phrase (two phrases
 * for a pair). Lead-in features have no words in the sentence; the whole sentence stands in.
 */
function strongestWords(weights: WeightTable, column: number, features: string[], sentence: MatchSentence, context: FeatureContext): Span {
  const weight = (feature: string) => weights.rows.get(feature)?.[column] ?? 0;
  const ranked = features.filter((f) => weight(f) > 0).sort((a, b) => weight(b) - weight(a));
  for (const feature of ranked) {
    const tokens = tokensOf(feature, sentence, context);
    if (tokens) return { start: sentence.tokens[tokens.start]!.start, end: sentence.tokens[tokens.end - 1]!.end };
  }
  return sentence.span;
}

function tokensOf(feature: string, sentence: MatchSentence, context: FeatureContext): { start: number; end: number } | undefined {
  const stems = sentence.tokens.map((t) => (/^\d/.test(t.stem) ? "#" : t.stem));
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
  const matches = feature.split("&").map((part) => firstMatch(part.slice(1).replace(/!not$/, ""), sentence, context));
  if (matches.some((m) => !m)) return undefined;
  return { start: Math.min(...matches.map((m) => m!.start)), end: Math.max(...matches.map((m) => m!.end)) };
}

function firstMatch(name: string, sentence: MatchSentence, context: FeatureContext): TokenMatch | undefined {
  return new SentenceVocabulary(sentence, context)
    .matches(name)
    .reduce<TokenMatch | undefined>((first, m) => (!first || m.start < first.start ? m : first), undefined);
}
