#!/usr/bin/env node
// npm run train: retrains the model that backs the rules up where they are silent, from
// the OPEN labelled forms of ../shared (sealed label files are skipped whole), and writes
// its weights to model/weights.json. The same corpus gives the same file, byte for byte:
// training visits examples in a seeded order and features are sorted.
// Run `npm run build` first (it uses the compiled feature extraction).
import { mkdirSync, writeFileSync } from "node:fs";
import { categories } from "../dist/types.js";
import { train, defaultTrainOptions } from "../dist/match/model/train.js";
import { examplesOf, trainingForms, sharedPresent } from "./model-data.mjs";

const out = new URL("../model/weights.json", import.meta.url);
if (!sharedPresent()) {
  console.error("train-model: ../shared (the labelled corpus) is not here; the committed weights stay as they are.");
  process.exit(1);
}

// Four decimals are more than the threshold can tell apart, and keep the file small.
const round = (x) => Math.round(x * 1e4) / 1e4;

const forms = await trainingForms();
const model = {
  forms: forms.length,
  sentences: forms.reduce((n, f) => n + f.sentences.length, 0),
  options: defaultTrainOptions,
  categories: {},
};
for (const category of categories) {
  const { bias, weights } = train(examplesOf(forms, category));
  const kept = Object.entries(weights)
    .map(([f, w]) => [f, round(w)])
    .filter(([, w]) => w !== 0);
  model.categories[category] = { bias: round(bias), weights: Object.fromEntries(kept) };
}
mkdirSync(new URL("../model/", import.meta.url), { recursive: true });
writeFileSync(out, JSON.stringify(model, null, 0) + "\n");
const size = Object.values(model.categories).reduce((n, c) => n + Object.keys(c.weights).length, 0);
console.log(`train-model: ${model.forms} forms, ${model.sentences} sentences, ${size} weights -> model/weights.json`);
