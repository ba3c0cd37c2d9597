#!/usr/bin/env node
// Cross-validation of the model on the OPEN labelled forms, grouped by institution (forms
// of one institution or project share wording): each group is held out in turn, the model
// trained on the others, and its findings on the held-out forms scored as
// ../shared/eval/score.mjs scores them. Prints precision and recall, overall and per
// category, of (a) the rules alone, (b) the model alone, (c) the rules plus the model
// where the rules are silent on that (sentence, category).
//
// Mind that (a) is flattered here: the rules were written from these very forms.
//
// usage: node scripts/model-cv.mjs [--folds k] [--threshold 0.7,0.8,0.9] [--table 0.9]
//          [--options '{"epochs":12}'] [--algo nb] [--residual] [--drop REGEX] [--show 0.9]
//   --folds k      k folds of whole groups instead of one group per fold
//   --options      training options (src/match/model/train.ts) to try
//   --algo nb      Bernoulli naive Bayes instead of logistic regression, for comparison
//   --residual     train only on the (sentence, category) pairs the rules are silent on
//   --drop REGEX   leave out the features it matches (ablation)
//   --min-groups k keep only features that forms of k institutions or more use
//   --show T       list the model's additions at threshold T with their verdicts
// MODEL_DATA=file caches the scanned forms; MODEL_OOF=file the held-out probabilities.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { categories } from "../dist/types.js";
import { train, probability, defaultTrainOptions } from "../dist/match/model/train.js";
import { trainingForms, sharedPresent, words, bestLabel, examplesOf } from "./model-data.mjs";

if (!sharedPresent()) {
  console.log("model-cv: ../shared (the labelled corpus) is not here; nothing to measure.");
  process.exit(0);
}
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const thresholds = opt("--threshold", "0.5,0.6,0.7,0.8,0.9").split(",").map(Number);
const trainOptions = { ...defaultTrainOptions, ...JSON.parse(opt("--options", "{}")) };

// A cache file (MODEL_DATA, MODEL_OOF) is read if it is there, else written; Sets are left out.
const read = (file) => file && existsSync(file) && JSON.parse(readFileSync(file, "utf8"));
const keep = (file, value) =>
  file &&
  !existsSync(file) &&
  writeFileSync(
    file,
    JSON.stringify(value, (_k, v) => (v instanceof Set ? undefined : v)),
  );
const data = read(process.env.MODEL_DATA) || (await trainingForms());
keep(process.env.MODEL_DATA, data);
for (const f of data) for (const l of f.labels) l.words = new Set(words(l.quote));
if (args.includes("--drop")) {
  const drop = new RegExp(opt("--drop"));
  for (const f of data) for (const s of [...f.sentences, ...f.unreached]) s.features = s.features.filter((x) => !drop.test(x));
}

const ruleRisk = (s, category) => s.rules.some((r) => r.category === category && r.polarity === "risk");
const ruleSilent = (s, category) => !s.rules.some((r) => r.category === category);

// Folds: every group its own (leave one group out), or --folds k: groups dealt, largest
// first, to the fold with the fewest sentences so far.
function assignFolds(k) {
  const groups = [...new Set(data.map((f) => f.group))];
  const size = (g) => data.filter((f) => f.group === g).reduce((n, f) => n + f.sentences.length, 0);
  const foldOf = new Map();
  if (k > 0) {
    const load = Array(k).fill(0);
    for (const g of [...groups].sort((a, b) => size(b) - size(a) || (a < b ? -1 : 1))) {
      const fold = load.indexOf(Math.min(...load));
      foldOf.set(g, fold);
      load[fold] += size(g);
    }
  } else groups.forEach((g, i) => foldOf.set(g, i));
  for (const f of data) f.fold = foldOf.get(f.group);
  return { groups: groups.length, folds: new Set(foldOf.values()).size };
}

// For comparison: Bernoulli naive Bayes over the same features, as a classifier
// (each feature's log-odds present against absent, Laplace-smoothed).
function naiveBayes(examples) {
  const n = [0, 0];
  const counts = new Map();
  for (const e of examples) {
    const y = e.positive ? 1 : 0;
    n[y]++;
    for (const f of e.features) (counts.get(f) ?? counts.set(f, [0, 0]).get(f))[y]++;
  }
  /** @type {Record<string, number>} */
  const weights = {};
  const logit = (c, m) => Math.log((c + 1) / (m - c + 1));
  let bias = Math.log(n[1] / n[0]);
  for (const [f, [c0, c1]] of counts) {
    weights[f] = logit(c1, n[1]) - logit(c0, n[0]);
    bias += Math.log((n[1] - c1 + 1) / (n[1] + 2)) - Math.log((n[0] - c0 + 1) / (n[0] + 2));
  }
  return { bias, weights };
}

// Words of one institution's forms (its name, its project's) say nothing of another's forms.
function sharedFeatures(forms, minGroups) {
  const groupsOf = new Map();
  for (const form of forms)
    for (const s of [...form.sentences, ...form.unreached])
      for (const f of s.features) (groupsOf.get(f) ?? groupsOf.set(f, new Set()).get(f)).add(form.group);
  return new Set([...groupsOf].filter(([, g]) => g.size >= minGroups).map(([f]) => f));
}

/** Held-out probabilities: [form][sentence][category]. */
function heldOut() {
  const { groups, folds } = assignFolds(Number(opt("--folds", "0")));
  const started = Date.now();
  const probabilities = data.map((f) => f.sentences.map(() => ({})));
  for (let fold = 0; fold < folds; fold++) {
    const trainForms = data.filter((f) => f.fold !== fold);
    const shared = sharedFeatures(trainForms, Number(opt("--min-groups", "1")));
    for (const category of categories) {
      const keep = args.includes("--residual") ? (s) => ruleSilent(s, category) : undefined;
      const examples = examplesOf(trainForms, category, keep).map((e) => ({ ...e, features: e.features.filter((f) => shared.has(f)) }));
      const classifier = opt("--algo", "lr") === "nb" ? naiveBayes(examples) : train(examples, trainOptions);
      data.forEach((f, i) => {
        if (f.fold === fold) f.sentences.forEach((s, j) => (probabilities[i][j][category] = probability(classifier, s.features)));
      });
    }
  }
  console.log(`${folds} folds of ${groups} groups, ${data.length} forms, trained in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return probabilities;
}
const probabilities = read(process.env.MODEL_OOF) || heldOut();
keep(process.env.MODEL_OOF, probabilities);

const newTotals = () => ({ tp: 0, fp: 0, gold: 0, found: 0, flipped: 0, protections: 0, perCat: {} });
const add = (totals, category, key) => {
  totals[key]++;
  (totals.perCat[category] ??= { tp: 0, fp: 0, gold: 0, found: 0 })[key]++;
};

// Scores one form's risk predictions [{category, sentence}] as the scorer does.
function scoreForm(form, predicted, totals) {
  const seen = new Set();
  const found = new Set();
  for (const p of predicted) {
    const key = `${p.category}|${words(p.sentence).join(" ")}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const g = bestLabel(new Set(words(p.sentence)), form.labels, p.category);
    if (g?.optional) continue;
    if (g?.polarity === "risk") found.add(g);
    add(totals, p.category, g?.polarity === "risk" ? "tp" : "fp");
    if (g && g.polarity !== "risk") totals.flipped++;
  }
  for (const g of form.labels.filter((g) => !g.optional)) {
    if (g.polarity === "protection") totals.protections++;
    else {
      add(totals, g.category, "gold");
      if (found.has(g)) add(totals, g.category, "found");
    }
  }
}

function evaluate(predict) {
  const totals = newTotals();
  data.forEach((form, i) => {
    const predicted = [];
    form.sentences.forEach((s, j) => {
      for (const category of categories)
        if (predict(s, probabilities[i][j][category], category)) predicted.push({ category, sentence: s.text });
    });
    scoreForm(form, predicted, totals);
  });
  return totals;
}

const rules = evaluate((s, _p, c) => ruleRisk(s, c));
function line(name, t) {
  const p = t.tp / (t.tp + t.fp);
  const r = t.found / t.gold;
  const added = name.startsWith("(c)") ? `  added right ${t.tp - rules.tp} wrong ${t.fp - rules.fp}` : "";
  return `${name.padEnd(24)} precision ${p.toFixed(3)}  recall ${r.toFixed(3)}  F1 ${((2 * p * r) / (p + r)).toFixed(3)}  protections-as-risk ${t.flipped}/${t.protections}${added}`;
}
console.log(line("(a) rules", rules));
const runs = {};
for (const threshold of thresholds) {
  runs[`(b) model >= ${threshold}`] = evaluate((_s, p) => p >= threshold);
  runs[`(c) rules+model >= ${threshold}`] = evaluate((s, p, c) => ruleRisk(s, c) || (ruleSilent(s, c) && p >= threshold));
}
for (const [name, t] of Object.entries(runs)) console.log(line(name, t));

const ratio = (a, b) => (b === 0 ? "-" : (a / b).toFixed(3));
const pick = opt("--table", String(thresholds[thresholds.length - 1]));
console.log(`\nper category (model threshold ${pick}): precision/recall`);
console.log(`${"category".padEnd(22)} ${"gold".padStart(5)}  ${"(a) rules".padEnd(13)}  ${"(b) model".padEnd(13)}  (c) rules+model`);
for (const category of categories) {
  const cell = (t) => {
    const v = t.perCat[category] ?? { tp: 0, fp: 0, gold: 0, found: 0 };
    return `${ratio(v.tp, v.tp + v.fp)}/${ratio(v.found, v.gold)}`.padEnd(13);
  };
  const [b, c] = [runs[`(b) model >= ${pick}`], runs[`(c) rules+model >= ${pick}`]];
  console.log(`${category.padEnd(22)} ${String(rules.perCat[category]?.gold ?? 0).padStart(5)}  ${cell(rules)}  ${cell(b)}  ${cell(c)}`);
}

if (args.includes("--show")) {
  const t = Number(opt("--show"));
  data.forEach((form, i) =>
    form.sentences.forEach((s, j) => {
      for (const category of categories) {
        const p = probabilities[i][j][category];
        if (!ruleSilent(s, category) || p < t) continue;
        const g = bestLabel(new Set(words(s.text)), form.labels, category);
        const verdict = g?.optional ? "OPTIONAL" : g?.polarity === "risk" ? "RIGHT" : g ? "FLIP" : "FALSE";
        console.log(
          `${verdict} ${category} ${p.toFixed(2)} ${form.id}: ${s.leadIn ? `[${s.leadIn.slice(0, 60)}] ` : ""}${s.text.slice(0, 200)}`,
        );
      }
    }),
  );
}
