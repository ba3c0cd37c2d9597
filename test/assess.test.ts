import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundledRules, loadRules } from "../src/rules/load.js";
import { normalize } from "../src/text/normalize.js";
import { readability } from "../src/assess/readability.js";
import { documentFromPages } from "../src/extract/document.js";
import { scan } from "../src/scan.js";
import { cli, fixture, reportOf, rulebook } from "./helpers.js";
import { QuestionsReportJson, ReportJson } from "../src/report/schema.js";

const missingIds = (report: Awaited<ReturnType<typeof reportOf>>) => report.missing.map((m) => m.element.id);

describe("kinds of form", () => {
  it.each([
    ["hipaa-authorization.pdf", ["hipaa-authorization"]],
    ["imaging-ai-consent.pdf", ["procedure-consent"]],
    ["research-biobank-consent.pdf", ["research-consent", "broad-consent"]],
    ["checklist/hipaa-complete.pdf", ["hipaa-authorization"]],
  ])("%s is %j", async (name, kinds) => {
    const report = await reportOf(name);
    expect(report.kinds.map((k) => k.id)).toEqual(kinds);
    for (const kind of report.kinds) expect(kind.evidence.length).toBeGreaterThan(0);
  });

  it("counts a sentence once, however many signals it matches", async () => {
    const kindsOf = async (lines: string[]) =>
      (await scan({ path: "form.txt", bytes: new TextEncoder().encode(lines.join("\n\n")) }, rulebook())).kinds.map((k) => k.id);
    const title = "Authorization for Release of Medical Information";
    expect(await kindsOf([title, "Autorizo la divulgación de mi expediente."])).not.toContain("hipaa-authorization");
    expect(await kindsOf([title, "You may revoke this authorization at any time."])).toContain("hipaa-authorization");
  });

  it("--kind overrides detection", async () => {
    const report = await reportOf("imaging-ai-consent.pdf", { kinds: ["hipaa-authorization"] });
    expect(report.kinds).toEqual([expect.objectContaining({ id: "hipaa-authorization", given: true, evidence: [] })]);
    expect(missingIds(report)).toContain("hipaa-expiration");
  });
});

describe("missing elements", () => {
  const cases: { file: string; missing: string[]; present: string[] }[] = JSON.parse(
    readFileSync(fixture("checklist/expected.json"), "utf8"),
  );
  it.each(cases.map((c) => [c.file, c] as const))("%s", async (_file, c) => {
    const ids = missingIds(await reportOf(c.file));
    for (const id of c.missing) expect(ids, `${id} is missing`).toContain(id);
    for (const id of c.present) expect(ids, `${id} is present`).not.toContain(id);
  });

  it("does not fault a CT consent for lacking HIPAA or Common Rule elements", async () => {
    const ids = missingIds(await reportOf("checklist/imaging-no-retention.pdf"));
    expect(ids.filter((id) => !id.startsWith("q-"))).toEqual([]);
    expect(ids).toEqual(expect.arrayContaining(["q-retention", "q-encryption-access"]));
  });

  it("appear in JSON as kind missing, with citation and question", async () => {
    const { stdout } = await cli(["scan", "--format", "json", fixture("checklist/hipaa-no-redisclosure.pdf")]);
    const missing = JSON.parse(stdout).files[0].findings.filter((f: { kind: string }) => f.kind === "missing");
    expect(missing).toContainEqual(
      expect.objectContaining({
        kind: "missing",
        element: "hipaa-redisclosure",
        citation: "45 CFR 164.508(c)(2)(iii)",
        category: "redisclosure",
        questions: [expect.stringMatching(/\?$/)],
      }),
    );
  });
});

describe("an element counts as addressed", () => {
  // A pack with one element whose wording never occurs: only its category can address it.
  const dir = mkdtempSync(join(tmpdir(), "consent-lens-element-"));
  writeFileSync(
    join(dir, "pack.yaml"),
    [
      "elements:",
      "  - id: q-sale-test",
      "    title: Whether data is sold",
      "    checklist: Test",
      "    appliesTo: [any]",
      "    severity: low",
      "    explanation: The form never says whether data is sold.",
      "    question: Is my data sold?",
      "    categories: [commercial-use]",
      '    patterns: ["=zzyzx"]',
      "    examples: { present: [], absent: [] }",
    ].join("\n"),
  );
  const withElement = loadRules([bundledRules, dir]);
  const missingOf = async (line: string) =>
    (await scan({ path: "form.txt", bytes: new TextEncoder().encode(line) }, withElement)).missing.map((m) => m.element.id);

  it.each([
    ["a risk of its category", "Your samples may be sold to drug companies."],
    ["a protection of its category", "We will never sell your health information."],
  ])("by %s", async (_what, line) => expect(await missingOf(line)).not.toContain("q-sale-test"));

  it("not by silence", async () => expect(await missingOf("The scan takes about an hour.")).toContain("q-sale-test"));
});

describe("readability", () => {
  it("computes Flesch-Kincaid grade and reading ease", () => {
    const text = normalize(
      documentFromPages("t", "text", [["The cat sat on the mat. The dog ran to the park and back."]], { linesAreParagraphs: false }),
    );
    const r = readability(text);
    // 14 words, 2 sentences, 14 syllables: 0.39*7 + 11.8*1 - 15.59 = -1.06; 206.835 - 7.105 - 84.6 = 115.13
    expect(r).toMatchObject({ words: 14, sentences: 2, grade: -1.1, ease: 115.1, averageSentenceLength: 7, target: 8 });
  });

  it("reports sections and the longest sentences of a real form", async () => {
    const { readability: r } = await reportOf("research-biobank-consent.pdf");
    expect(r.grade).toBeGreaterThan(8);
    expect(r.sections.length).toBeGreaterThan(3);
    expect(r.sections.map((s) => s.title)).toContain("The Northgate Biobank");
    expect(r.longest).toHaveLength(3);
    expect(r.longest[0]!.words).toBeGreaterThanOrEqual(r.longest[1]!.words);
  });
});

describe("grade", () => {
  it("shows arithmetic that adds up to the score", async () => {
    const { score } = await reportOf("imaging-ai-consent.pdf");
    const sum = score.breakdown.reduce((n, l) => n + l.points, 0);
    expect(score.score).toBeCloseTo(Math.max(0, Math.min(100, sum)), 5);
    expect(["A", "B", "C", "D", "E"]).toContain(score.grade);
  });

  it("ranks a protective form above a risky one", async () => {
    const calm = await reportOf("protective-form.pdf");
    const risky = await reportOf("research-biobank-consent.pdf");
    expect(calm.score.score).toBeGreaterThan(risky.score.score);
    expect(calm.score.grade).toBe("A");
  });

  it("takes its weights from the rule packs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "consent-lens-grading-"));
    const file = join(dir, "strict.yaml");
    writeFileSync(file, "grading:\n  risk: { high: 50, medium: 50, low: 50, info: 0 }\n");
    const strict = await reportOf("protective-form.pdf", { rules: loadRules([bundledRules, file]) });
    const normal = await reportOf("protective-form.pdf");
    expect(strict.score.score).toBeLessThan(normal.score.score);
  });
});

describe("questions to ask", () => {
  it("combines risks and missing elements, de-duplicated, with pages", async () => {
    const report = await reportOf("imaging-ai-consent.pdf");
    const texts = report.questions.map((q) => q.text);
    expect(new Set(texts).size).toBe(texts.length);
    const fromRisks = report.questions.filter((q) => q.pages.length > 0);
    expect(fromRisks.length).toBeGreaterThan(0);
    for (const q of fromRisks) expect(q.pages.every((p) => p >= 1 && p <= 3)).toBe(true);
    const severities = report.questions.map((q) => ["high", "medium", "low", "info"].indexOf(q.severity));
    expect(severities).toEqual([...severities].sort((a, b) => a - b));
  });

  it("--questions-only prints just the numbered list", async () => {
    const { code, stdout } = await cli(["scan", "--questions-only", fixture("checklist/imaging-no-retention.pdf")]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Questions to ask before you sign\n {2}1\. /);
    expect(stdout).toMatch(/How long will my images, samples and data be kept.*\(the form is silent\)/s);
    expect(stdout).not.toContain("Why it matters");
  });

  it("--questions-only is honoured by every format: JSON holds only the questions, HTML and Markdown only the list", async () => {
    const form = fixture("checklist/imaging-no-retention.pdf");
    const run = async (format: string) => (await cli(["scan", "-f", format, "--questions-only", form])).stdout;
    const json = QuestionsReportJson.parse(JSON.parse(await run("json")));
    expect(Object.keys(json.files[0]!).sort()).toEqual(["language", "path", "questions"]);
    expect(json.files[0]!.questions.map((q) => q.question).join("\n")).toMatch(/How long will my images, samples and data be kept/);
    const full = ReportJson.parse(JSON.parse((await cli(["scan", "-f", "json", form])).stdout));
    expect(json.files[0]!.questions).toEqual(full.files[0]!.questions);
    for (const format of ["html", "markdown"]) {
      const out = await run(format);
      expect(out, format).toContain("Questions to ask before you sign");
      expect(out, format).not.toMatch(/What the form does not say|The form, with findings marked|What matters most/);
    }
  });

  it("--questions-only with SARIF is refused in one line: its results are findings, and an empty log would look clean", async () => {
    const { code, stdout, stderr } = await cli(["scan", "-f", "sarif", "--questions-only", fixture("short-notice.md")]);
    expect([code, stdout]).toEqual([2, ""]);
    expect(stderr).toBe("consent-lens: --questions-only: SARIF holds findings, not questions; use --format json\n");
  });
});
