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

/** The model, ready to score sentences: one classifier per category it reports. */
export interface CompiledModel {
  threshold: number;
  features: FeatureContext;
  findings: { head: ModelHead; classifier: Classifier }[];
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
  const { findings, threshold } = model;
  const table = weightTable(model);
  const leadIns = new Map<number, string[]>();
  return {
    hits(context, silent) {
      const wanted = findings.map((f) => silent(f.head.category));
      if (!wanted.includes(true)) return [];
      const features = sentenceFeatures(context, model.features, leadIns);
      const z = Float64Array.from(findings, (f) => f.classifier.bias);
      for (const feature of features) {
        const weights = table.get(feature);
        if (weights) for (let k = 0; k < z.length; k++) z[k]! += weights[k]!;
      }
      const hits: ModelHit[] = [];
      findings.forEach(({ head, classifier }, k) => {
        const p = sigmoid(z[k]!);
        if (wanted[k] && p >= threshold)
          hits.push({ head, probability: p, span: strongestWords(classifier, features, context.sentence, model.features) });
      });
      return hits;
    },
  };
}

// Each feature's weights in every category at once, so a sentence looks each feature up once, not once per category.
// A config's copy of the model shares its feature context: tables are kept by that and the findings' ids.
const tables = new WeakMap<FeatureContext, Map<string, Map<string, Float64Array>>>();
function weightTable(model: CompiledModel): Map<string, Float64Array> {
  let byFindings = tables.get(model.features);
  if (!byFindings) tables.set(model.features, (byFindings = new Map()));
  const key = model.findings.map((f) => f.head.id).join(" ");
  let table = byFindings.get(key);
  if (!table) {
    table = new Map();
    const n = model.findings.length;
    model.findings.forEach(({ classifier }, k) => {
      for (const [feature, w] of Object.entries(classifier.weights)) {
        let row = table!.get(feature);
        if (!row) table!.set(feature, (row = new Float64Array(n)));
        row[k] = w;
      }
    });
    byFindings.set(key, table);
  }
  return table;
}

/**
 * The words of the sentence behind its strongest feature, so a report can show why the
 * model spoke: a stem's word, a bigram's two words, a vocabulary's phrase (two phrases
 * for a pair). Lead-in features have no words in the sentence; the whole sentence stands in.
 */
export function strongestWords(classifier: Classifier, features: string[], sentence: MatchSentence, context: FeatureContext): Span {
  const ranked = features.filter((f) => (classifier.weights[f] ?? 0) > 0).sort((a, b) => classifier.weights[b]! - classifier.weights[a]!);
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
