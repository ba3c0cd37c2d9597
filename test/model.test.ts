import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { documentFromPages } from "../src/extract/document.js";
import { normalize } from "../src/text/normalize.js";
import { match } from "../src/match/match.js";
import { matchSentences, type SentenceInContext } from "../src/match/sentence.js";
import { featureContext, sentenceFeatures } from "../src/match/model/features.js";
import { modelScorer, weightTable, type CompiledModel } from "../src/match/model/model.js";
import { probability, sigmoid, train, type Example } from "../src/match/model/train.js";
import { bundledRules, loadRules } from "../src/rules/load.js";
import { parsePhrase, type Lists } from "../src/match/patterns/phrase/parse.js";
import { cli, rulebook } from "./helpers.js";

/** The last statement of a text whose lines are paragraphs ("Who may see it:\n• the sponsor" is an item with its lead-in). */
function statement(text: string): { value: string; context: SentenceInContext } {
  const normalized = normalize(documentFromPages("t", "text", [text.split("\n")], { linesAreParagraphs: true }));
  const statements = [...matchSentences(normalized)].filter((s) => !s.heading);
  return { value: normalized.value, context: statements[statements.length - 1]! };
}

const lists: Lists = new Map([
  ["hand-over", ["share", "disclos*", "=give"]],
  ["data", ["record*", "sample*"]],
  ["people", ["partners", "@kin"]],
  ["kin", ["family", "relatives"]],
]);
const features = (text: string) => sentenceFeatures(statement(text).context, featureContext(lists, rulebook().language.get("en")!));

describe("model features", () => {
  it("are word stems and pairs of stems in a row, numbers as #", () => {
    const f = features("Records are shared within 30 days.");
    expect(f).toEqual(expect.arrayContaining(["s:record", "s:share", "b:share within", "s:#", "b:within #"]));
    expect(f).not.toContain("s:30");
  });

  it("name the vocabularies a sentence holds, through lists named inside lists, and pairs of them", () => {
    const f = features("Your samples may be shared with your relatives.");
    expect(f).toEqual(expect.arrayContaining(["@data", "@hand-over", "@kin", "@people", "@data&@hand-over", "@hand-over&@people"]));
  });

  it("mark a vocabulary a negation covers, as the matcher's NegEx logic decides, and pair only the plain ones", () => {
    const f = features("We will never share your samples with partners.");
    expect(f).toContain("@hand-over!not");
    expect(f).not.toContain("@hand-over");
    expect(f.filter((x) => x.includes("&") && x.includes("hand-over"))).toEqual([]);
    expect(features("We will not share your name, but samples may be disclosed to partners.")).toContain("@hand-over");
  });

  it("mark a list item and add the words and vocabularies of its lead-in", () => {
    const f = features("Who may see your records:\n• your relatives");
    expect(f).toEqual(expect.arrayContaining(["item", "in:s:see", "in:@data", "@kin"]));
    expect(features("Your relatives may visit.")).not.toContain("item");
  });
});

describe("training", () => {
  const examples: Example[] = [
    ...["s:share s:partner", "s:share s:compani", "s:disclos s:partner", "s:share s:sponsor"].map((f) => ({
      features: f.split(" "),
      positive: true,
    })),
    ...["s:park s:garag", "s:fast s:hour", "s:scan s:minut", "s:park s:minut", "s:bring s:list"].map((f) => ({
      features: f.split(" "),
      positive: false,
    })),
  ];
  const options = { epochs: 200, rate: 0.5, l2: 0, minCount: 1, prune: 0 };

  it("learns which features make a positive", () => {
    const classifier = train(examples, options);
    expect(probability(classifier, ["s:share", "s:partner"])).toBeGreaterThan(0.9);
    expect(probability(classifier, ["s:park", "s:garag"])).toBeLessThan(0.1);
    expect(classifier.weights["s:share"]).toBeGreaterThan(0);
  });

  it("gives the same weights every time: a seeded order, no randomness", () => {
    expect(train(examples, options)).toEqual(train(examples, options));
    expect(train(examples)).toEqual(train(examples));
  });

  it("gives no weight to features seen in fewer examples than minCount, and drops weights under prune", () => {
    expect(train(examples, { ...options, minCount: 2 }).weights).not.toHaveProperty("s:compani");
    const pruned = train(examples, { ...options, prune: 0.5 });
    expect(Object.values(pruned.weights).every((w) => Math.abs(w) >= 0.5)).toBe(true);
  });
});

describe("model findings", () => {
  const model: CompiledModel = {
    threshold: 0.9,
    features: featureContext(lists, rulebook().language.get("en")!),
    weights: weightTable({ "third-party-sharing": { bias: -2, weights: { "@data&@hand-over": 4, "@hand-over!not": -4, "s:partner": 1 } } }),
    findings: [{ head: { id: "model-third-party-sharing", category: "third-party-sharing", severity: "medium" }, requires: [] }],
  };
  const hits = (text: string, silent = true, scored = model) => {
    const { value, context } = statement(text);
    return modelScorer(scored)
      .hits(context, () => silent)
      .map((h) => ({ ...h, words: value.slice(h.span.start, h.span.end) }));
  };

  it("report a sentence whose features reach the threshold, showing the words behind the strongest feature", () => {
    const [hit] = hits("Records may be disclosed to partners.");
    expect(hit?.probability).toBeCloseTo(sigmoid(3), 6);
    expect(hit?.head.id).toBe("model-third-party-sharing");
    expect(hit?.words).toBe("Records may be disclosed");
  });

  it("stay silent below the threshold, on a negated hand-over, and where the rules already spoke", () => {
    expect(hits("Records are kept in a locked room.")).toEqual([]);
    expect(hits("Records will never be disclosed to partners.")).toEqual([]);
    expect(hits("Records may be disclosed to partners.", false)).toEqual([]);
  });

  it("report a category only in sentences that hold every phrase its entry requires", () => {
    const requiring = (phrase: string) => ({
      ...model,
      findings: model.findings.map((f) => ({ ...f, requires: [parsePhrase(phrase, lists)] })),
    });
    const sentence = "Records may be disclosed to partners.";
    expect(hits(sentence, true, requiring("partner*")).map((h) => h.head.id)).toEqual(["model-third-party-sharing"]);
    expect(hits(sentence, true, requiring("sponsor*"))).toEqual([]);
  });
});

describe("the committed model", () => {
  const scanText = (text: string) => {
    const normalized = normalize(documentFromPages("t", "text", [text.split("\n")], { linesAreParagraphs: true }));
    return match(normalized, rulebook().rules, rulebook().language, rulebook().model);
  };

  it("loads with the bundled rules and reports the categories of rules/model.yaml", () => {
    const { model } = rulebook();
    expect(model?.threshold).toBe(0.9);
    expect(model?.findings.map((f) => f.head.id)).toContain("model-third-party-sharing");
    expect(rulebook().rulesById.get("model-third-party-sharing")?.questions.length).toBeGreaterThan(0);
  });

  it("reports a plain paraphrase the rules are silent on, and nothing on an unrelated sentence", () => {
    const findings = scanText("We may give your phone number to companies that help us run this program.");
    expect(findings.map((f) => `${f.ruleId} ${f.polarity}`)).toEqual(["model-third-party-sharing risk"]);
    expect(scanText("You will need to fast for eight hours before the scan.")).toEqual([]);
  });

  it("can be turned off per category in the config, like a rule", async () => {
    const dir = mkdtempSync(join(tmpdir(), "consent-lens-model-"));
    const form = "We may give your phone number to companies that help us run this program.";
    writeFileSync(join(dir, "form.txt"), form);
    const ids = async () =>
      JSON.parse((await cli(["scan", "--format", "json", "form.txt"], { cwd: dir })).stdout).files[0].findings.map(
        (f: { ruleId: string }) => f.ruleId,
      );
    expect(await ids()).toContain("model-third-party-sharing");
    writeFileSync(join(dir, ".consent-lens.yaml"), "disable: [model-third-party-sharing]\n");
    expect(await ids()).not.toContain("model-third-party-sharing");
  });

  it("names the line of a model whose weights cannot be read", () => {
    const dir = mkdtempSync(join(tmpdir(), "consent-lens-model-"));
    const pack = join(dir, "pack.yaml");
    writeFileSync(
      pack,
      [
        "model:",
        "  weights: missing.json",
        "  threshold: 0.9",
        "  findings:",
        "    - { id: m-share, category: third-party-sharing, severity: medium, title: T, explanation: E, questions: [Q?],",
        "        examples: { risk: [We share it.], none: [We park.] } }",
      ].join("\n"),
    );
    expect(() => loadRules([bundledRules, pack])).toThrow(/pack\.yaml:2:\d+: model\.weights: cannot read the weights .*missing\.json/);
  });
});
