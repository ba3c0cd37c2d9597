import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { scan } from "../src/scan.js";
import { rulebook } from "./helpers.js";

// Forms of many kinds (app and community privacy policies, privacy notices of hospitals,
// pharmacies, dentists, behavioral health centers, a veterans' system and a student clinic, a patient
// portal's terms, biobank, broad, cohort, trial, sleep-study, wearable-sensor and genome sequencing
// consents, research authorizations, registries, a prescription-monitoring notice, a data-use
// agreement; in Spanish, authorizations, notices, study, biobank and registry consents and policies
// as US hospitals and research sites, and institutions of Latin America and Spain, word them),
// written by us in the ways different institutions phrase things: no rule was written from a corpus
// sentence like them. Their labels (labels.json) follow ../shared/eval/LABELING.md, and they are
// scored as ../shared/eval/score.mjs scores the real forms: a risk finding is right when its
// sentence holds most words of a labelled risk sentence of its category; an optional label is
// neither found nor missed. The floors keep the rules from losing ground on unseen wording.
const sets = [
  { language: "English", folder: fileURLToPath(new URL("./paraphrases/", import.meta.url)), minForms: 49, recall: 0.81, precision: 0.84 },
  {
    language: "Spanish",
    folder: fileURLToPath(new URL("./paraphrases/es/", import.meta.url)),
    minForms: 61,
    recall: 0.95,
    precision: 0.92,
  },
];

interface Label {
  category: string;
  polarity: "risk" | "protection";
  quote: string;
  /** a sentence careful readers could label either way: a finding on it is neither right nor wrong, missing it costs nothing */
  optional?: boolean;
}
// Accents are dropped, as the scorer compares words.
const words = (s: string) =>
  new Set(
    s
      .toLowerCase()
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  );

/** The scorer's test: the sentence holds 60% of the quote's words, and 30% of its own come from the quote. */
function similarity(sentence: Set<string>, quote: Set<string>): number {
  const shared = [...quote].filter((w) => sentence.has(w)).length;
  if (shared / quote.size < 0.6 || shared / sentence.size < 0.3) return 0;
  return shared / (sentence.size + quote.size - shared);
}

async function score(folder: string, form: string, labels: Record<string, Label[]>) {
  const report = await scan({ path: form, bytes: readFileSync(folder + form) }, rulebook());
  const gold = (labels[form] ?? []).map((l) => ({ ...l, words: words(l.quote) }));
  const found = new Set<(typeof gold)[number]>();
  const seen = new Set<string>();
  let right = 0;
  let wrong = 0;
  for (const f of report.findings.filter((f) => f.polarity === "risk")) {
    const sentence = report.text.value.slice(f.sentence.start, f.sentence.end);
    if (seen.has(`${f.category}|${sentence}`)) continue;
    seen.add(`${f.category}|${sentence}`);
    let best: (typeof gold)[number] | undefined;
    let bestSimilarity = 0;
    for (const g of gold.filter((g) => g.category === f.category)) {
      const s = similarity(words(sentence), g.words);
      if (s > bestSimilarity) [best, bestSimilarity] = [g, s];
    }
    if (best?.optional) continue;
    if (best?.polarity === "risk") {
      right++;
      found.add(best);
    } else wrong++;
  }
  return { right, wrong, risks: gold.filter((g) => g.polarity === "risk" && !g.optional).length, found: found.size };
}

describe.each(sets)("paraphrased forms of many kinds: $language", ({ folder, minForms, recall, precision }) => {
  const forms = readdirSync(folder).filter((f) => f.endsWith(".txt"));
  const labels: Record<string, Label[]> = JSON.parse(readFileSync(`${folder}labels.json`, "utf8"));

  it("has a label list for every form", () => {
    expect(forms.length).toBeGreaterThanOrEqual(minForms);
    for (const form of forms) expect(labels[form]?.length, form).toBeGreaterThan(0);
  });

  it("finds most risky sentences with few false alarms", async () => {
    const totals = { right: 0, wrong: 0, risks: 0, found: 0 };
    for (const form of forms) {
      const s = await score(folder, form, labels);
      for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += s[k];
    }
    if (process.env.PARAPHRASE_SCORES)
      console.log(folder, totals, totals.right / (totals.right + totals.wrong), totals.found / totals.risks);
    expect(totals.found / totals.risks).toBeGreaterThanOrEqual(recall);
    expect(totals.right / (totals.right + totals.wrong)).toBeGreaterThanOrEqual(precision);
  });
});
