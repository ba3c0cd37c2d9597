// The model's training data, built from the OPEN labelled forms of ../shared only:
// each form is scanned with consent-lens itself, and each of its sentences gets, per
// category, the label the scorer (../shared/eval/score.mjs) would tie it to. Sealed
// label files are recognized by their "sealed" flag and skipped whole.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, basename, extname } from "node:path";
import { scan } from "../dist/scan.js";
import { loadRules } from "../dist/rules/load.js";
import { matchSentences, matchSentence } from "../dist/match/sentence.js";
import { sentenceFeatures, featureContext } from "../dist/match/model/features.js";
import { documentFromPages } from "../dist/extract/document.js";
import { normalize } from "../dist/text/normalize.js";
import { categories } from "../dist/types.js";

export const shared = new URL("../../shared/", import.meta.url).pathname;
export const sharedPresent = () => existsSync(join(shared, "eval", "labels")) && existsSync(join(shared, "corpus", "files"));

// The scorer's words and similarity, copied so that training ties sentences to labels as scoring does.
export const words = (s) =>
  (s ?? "")
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/-\s*\n\s*/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
export function similarity(wa, wb) {
  if (wa.size === 0 || wb.size === 0) return 0;
  let common = 0;
  for (const w of wb) if (wa.has(w)) common++;
  if (common / wb.size < 0.6 || common / wa.size < 0.3) return 0;
  return common / (wa.size + wb.size - common);
}
const functionWords = {
  en: new Set("the of and to a in is that for it with as be by this or your you we will may are not".split(" ")),
  es: new Set("el la de que y en los las del se por un una para con su sus no es al lo como mas o le".split(" ")),
};
export function isEnglish(sentence) {
  let en = 0;
  let es = 0;
  for (const w of words(sentence)) {
    if (functionWords.en.has(w)) en++;
    if (functionWords.es.has(w)) es++;
  }
  return es <= en;
}

/** The best label of a category for a sentence's words, as the scorer picks it. */
export function bestLabel(sentenceWords, labels, category) {
  let best = null;
  let bestSim = 0;
  for (const l of labels) {
    if (l.category !== category) continue;
    const sim = similarity(sentenceWords, l.words);
    if (sim > bestSim) [best, bestSim] = [l, sim];
  }
  return best;
}

// Forms of one institution (or one project) share wording; cross-validation keeps them together.
export function groupOf(id) {
  if (/(^|-)pgp(-|$)/.test(id)) return "pgp";
  if (id.startsWith("partners-mgh")) return "mgh";
  return id.split("-")[0];
}

/** The open label files with English labels: id, group, labels (with their distinct words). */
export function openLabelFiles() {
  const dir = join(shared, "eval", "labels");
  const files = [];
  for (const f of readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const label = JSON.parse(readFileSync(join(dir, f), "utf8"));
    if (label.sealed === true) continue;
    const id = label.doc ?? basename(f, ".json");
    const labels = (label.findings ?? [])
      .filter((g) => (g.lang ?? "en") === "en")
      .map((g) => ({ ...g, polarity: g.polarity ?? "risk", words: new Set(words(g.quote)) }));
    files.push({ id, group: groupOf(id), labels });
  }
  return files;
}

const corpusFile = (id) => {
  const dir = join(shared, "corpus", "files");
  const file = readdirSync(dir).find((f) => /\.(pdf|docx)$/i.test(f) && basename(f, extname(f)) === id);
  return file && join(dir, file);
};

/** A sentence with, per category, "risk", "protection", "optional" or absent (no label). */
function labelled(text, leadIn, features, labels, rules) {
  const sentenceWords = new Set(words(text));
  const target = {};
  for (const category of categories) {
    const l = bestLabel(sentenceWords, labels, category);
    if (l) target[category] = l.optional ? "optional" : l.polarity;
  }
  return { text, leadIn, features, target, rules };
}

/**
 * Scans one open form and returns its English statements (headings are skipped, as
 * the matcher skips them) with their features, the label per category and the rules'
 * findings, plus the label quotes no sentence of the scan stands for.
 */
export async function formData(form, rulebook, vocabulary) {
  const path = corpusFile(form.id);
  if (!path) return undefined;
  const report = await scan({ path, bytes: readFileSync(path) }, rulebook);
  const byStart = new Map();
  for (const f of report.findings) {
    const list = byStart.get(f.sentence.start) ?? [];
    list.push({ category: f.category, polarity: f.polarity });
    byStart.set(f.sentence.start, list);
  }
  const sentences = [];
  for (const { sentence, leadIn, heading } of matchSentences(report.text)) {
    if (heading || sentence.tokens.length === 0 || !isEnglish(sentence.text)) continue;
    const features = sentenceFeatures({ sentence, leadIn }, vocabulary);
    sentences.push(labelled(sentence.text, leadIn?.text, features, form.labels, byStart.get(sentence.span.start) ?? []));
  }
  return { ...form, sentences, unreached: unreachedQuotes(form.labels, sentences, vocabulary) };
}

// A risk label whose quote no scanned sentence stands for (a segmentation the scan
// does not make) still teaches how such sentences are worded: its quote, as a sentence.
function unreachedQuotes(labels, sentences, vocabulary) {
  const reached = new Set();
  for (const s of sentences) {
    const sentenceWords = new Set(words(s.text));
    for (const category of Object.keys(s.target)) reached.add(bestLabel(sentenceWords, labels, category));
  }
  return labels
    .filter((l) => !reached.has(l) && !l.optional && l.polarity === "risk")
    .map((l) => ({ category: l.category, features: quoteFeatures(l.quote, vocabulary) }));
}

function quoteFeatures(quote, vocabulary) {
  const text = normalize(documentFromPages("quote", "text", [[quote]], { linesAreParagraphs: true }));
  const s = text.sentences.reduce((a, b) => (b.tokens.length > a.tokens.length ? b : a));
  return sentenceFeatures({ sentence: matchSentence(text.value, s) }, vocabulary);
}

/**
 * A category's training examples from some forms: each sentence (those with an optional
 * label left out, and those `keep` refuses), positive when its label is a risk; and the
 * risk quotes no sentence stands for, positive.
 */
export function examplesOf(forms, category, keep = (_sentence) => true) {
  const examples = [];
  for (const form of forms) {
    for (const s of form.sentences)
      if (s.target[category] !== "optional" && keep(s)) examples.push({ features: s.features, positive: s.target[category] === "risk" });
    for (const q of form.unreached) if (q.category === category) examples.push({ features: q.features, positive: true });
  }
  return examples;
}

/** Every open form's data, in id order. The rules' findings are the rules' alone: the model is left out of the scan. */
export async function trainingForms() {
  const { model: _model, ...rulebook } = loadRules();
  // The model reads English: its vocabularies are the English lists.
  const vocabulary = featureContext(rulebook.lists.get("en"), rulebook.language.get("en"));
  const forms = [];
  for (const form of openLabelFiles()) {
    const data = await formData(form, rulebook, vocabulary);
    if (data) forms.push(data);
  }
  return forms;
}
