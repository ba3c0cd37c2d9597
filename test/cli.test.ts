import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { ReportJson } from "../src/report/schema.js";
import { cli, fixture, root } from "./helpers.js";

const scanJson = async (...args: string[]) => {
  const result = await cli(["scan", "--format", "json", ...args]);
  return { ...result, json: ReportJson.parse(JSON.parse(result.stdout)) };
};

// The short report of a PDF, which two tests read.
let shortReport: ReturnType<typeof cli> | undefined;
const shortReportOf = () => (shortReport ??= cli(["scan", fixture("imaging-ai-consent.pdf")]));

describe("consent-lens scan", () => {
  it("prints a short report of a PDF: header, what matters most, risks by topic with page:line, ten questions", async () => {
    const { code, stdout, stderr } = await shortReportOf();
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/PDF, 3 pages, [\d,]+ words/);
    expect(stdout).toMatch(/What matters most\n {2}• Your data may be used to build or train AI and other software\./);
    expect(stdout).toMatch(/Risks, by topic\n {2}HIGH {2}\w/);
    expect(stdout).toMatch(/\n {4}p2:\d+ “/);
    expect(stdout).not.toContain("Why it matters:");
    expect(stdout).toMatch(/Questions to ask before you sign\n {3}1\. /);
    expect(stdout).not.toMatch(/\n {2}11\. /);
    expect(stdout).toContain("Protections the form promises");
    expect(stdout.split("\n").length).toBeLessThanOrEqual(90);
    expect(stdout).not.toContain("\u001b["); // not a terminal: no colour codes
  });

  it("prints everything with --details: each rule's explanation once, its sentences, the grade arithmetic, every question", async () => {
    const { stdout } = await cli(["scan", "--details", fixture("imaging-ai-consent.pdf")]);
    expect(stdout).toMatch(/HIGH {2}.+ \[[a-z-]+\]\n {4}Why it matters: /);
    expect(stdout).toMatch(/\n {4}p2:\d+(, p\d+:\d+)* “/);
    expect(stdout).toContain("How the grade was worked out");
    const short = await shortReportOf();
    expect(stdout.split("\n").length).toBeGreaterThan(short.stdout.split("\n").length);
  });

  it("shows paths as the user typed them, never made absolute", async () => {
    const json = await cli(["scan", "--format", "json", "fixtures/short-notice.md", "fixtures/revisions"]);
    const paths = JSON.parse(json.stdout).files.map((f: { path: string }) => f.path);
    expect(paths[0]).toBe("fixtures/short-notice.md");
    expect(paths.slice(1)).toEqual(["fixtures/revisions/imaging-ai-consent-v2.txt"]);
    for (const format of ["terminal", "markdown", "html", "sarif"]) {
      const { stdout } = await cli(["scan", "--format", format, "fixtures/short-notice.md"]);
      expect(stdout, format).toContain("fixtures/short-notice.md");
      expect(stdout, format).not.toContain(root);
    }
  });

  it("wraps the report to the terminal width", async () => {
    const { stdout } = await cli(["scan", fixture("imaging-ai-consent.pdf")], { columns: 60 });
    for (const line of stdout.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
  });

  it("writes JSON of the documented shape", async () => {
    const { code, json } = await scanJson(fixture("imaging-ai-consent.pdf"), fixture("hipaa-authorization.docx"));
    expect(code).toBe(0);
    expect(json.tool).toBe("consent-lens");
    expect(json.files.map((f) => [f.format, f.pages])).toEqual([
      ["pdf", 3],
      ["docx", 1],
    ]);
    const finding = json.files[0]!.findings.find((f) => f.kind === "phrase" && f.category === "ai-training" && f.polarity === "risk");
    if (finding?.kind !== "phrase") throw new Error("no ai-training risk");
    expect(finding.location.page).toBe(2);
    expect(finding.sentence).toContain(finding.text);
    expect(finding.questions.length).toBeGreaterThan(0);
    expect(json.files[0]!.questions.length).toBeGreaterThan(0);
  });

  it("reads standard input for -", async () => {
    const { code, stdout } = await cli(["scan", "--format", "json", "-"], {
      input: "Your images may be shared with third parties and used to train algorithms.",
    });
    expect(code).toBe(0);
    const json = ReportJson.parse(JSON.parse(stdout));
    expect(json.files[0]!.path).toBe("-");
    expect(json.files[0]!.findings.map((f) => f.category)).toEqual(expect.arrayContaining(["third-party-sharing", "ai-training"]));
  });

  it("exits 1 with --fail-on when a risk at or above it is found, 0 when none is", async () => {
    expect((await cli(["scan", "--fail-on", "high", fixture("imaging-ai-consent.pdf")])).code).toBe(1);
    const calm = await cli(["scan", "--fail-on", "high", "-"], { input: "You may withdraw at any time. We will never sell your data." });
    expect(calm.code).toBe(0);
  });

  it("exits 2 on a usage error", async () => {
    expect((await cli(["scan"])).code).toBe(2);
    expect((await cli(["scan", "--format", "yaml", fixture("short-notice.md")])).code).toBe(2);
    expect((await cli(["frobnicate"])).code).toBe(2);
  });

  it.each([
    ["missing.pdf", /no such file/],
    ["bad/empty.pdf", /empty/],
    ["bad/truncated.pdf", /damaged or incomplete/],
    ["bad/encrypted.pdf", /password-protected; give the password with --password/],
    ["bad/corrupt.docx", /Word document is damaged/],
    ["bad/legacy.doc", /legacy Word \.doc/],
  ])("refuses %s with one line on stderr and exit 2", async (name, reason) => {
    const path = fixture(name);
    const { code, stdout, stderr } = await cli(["scan", path]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain(path);
    expect(stderr).toMatch(reason);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("still reports the readable files when one is bad, and exits 2", async () => {
    const { code, json, stderr } = await scanJson(fixture("bad/truncated.pdf"), fixture("protective-form.pdf"));
    expect(code).toBe(2);
    expect(json.files.map((f) => f.path)).toEqual([fixture("protective-form.pdf")]);
    expect(json.errors).toEqual([{ path: fixture("bad/truncated.pdf"), error: expect.stringMatching(/damaged/) }]);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });

  it("opens an encrypted PDF with --password and leaves the input untouched", async () => {
    const before = readFileSync(fixture("bad/encrypted.pdf"));
    expect((await cli(["scan", "--password", "secret", fixture("bad/encrypted.pdf")])).code).toBe(0);
    expect((await cli(["scan", "--password", "wrong", fixture("bad/encrypted.pdf")])).stderr).toMatch(/password is incorrect/);
    expect(readFileSync(fixture("bad/encrypted.pdf")).equals(before)).toBe(true);
  });
});

describe("consent-lens explain and rules list", () => {
  it("explains a rule: what it looks for, why, its questions, examples and where it comes from", async () => {
    const { code, stdout } = await cli(["explain", "ai-train-algorithms"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^ai-train-algorithms: .+\nrule, category ai-training \(.+\), risk, severity high\nfrom: bundled \(.*rules\/ai-training\.yaml\)\n/,
    );
    expect(stdout).toMatch(/\nLooks for:\n {2}- /);
    expect(stdout).toMatch(/\nExamples:\n {2}risk: {7}\S/);
  });

  it("explains a checklist element: its checklist, kinds, source, question and how a form says it", async () => {
    const { code, stdout } = await cli(["explain", "hipaa-expiration"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^hipaa-expiration: .+\nchecklist element \(HIPAA authorization\), severity high/);
    expect(stdout).toContain("applies to: hipaa-authorization\n");
    expect(stdout).toContain("Source: 45 CFR 164.508(c)(1)(v)");
    expect(stdout).toMatch(/Question to ask when the form is silent:\n {2}- .+\?/);
    expect(stdout).toMatch(/The form says it when it has:\n {2}- a sentence with: /);
    expect(stdout).toMatch(/\n {2}says it: {4}\S/);
    const question = await cli(["explain", "q-retention"]);
    expect(question.stdout).toContain("applies to: every form\n");
  });

  it("explains a kind of form: its signals and the elements it brings", async () => {
    const { code, stdout } = await cli(["explain", "hipaa-authorization"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^hipaa-authorization: HIPAA authorization\nkind of form/);
    expect(stdout).toMatch(/at least \d+ of these signals:\n {2}- /);
    expect(stdout).toMatch(/Checklist elements it brings .*: .*hipaa-expiration/);
  });

  it("says which id was meant when one is misspelt", async () => {
    const { code, stderr } = await cli(["explain", "hipaa-expirtion"]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'consent-lens: no rule, checklist element or kind of form "hipaa-expirtion"; did you mean "hipaa-expiration"? (see consent-lens rules list)\n',
    );
  });

  it("rules list has the rules, the checklist elements and the kinds, each with where it comes from", async () => {
    const { stdout } = await cli(["rules", "list"]);
    expect(stdout).toMatch(/^Rules \(\d+\)\nid +category +severity +title +from\n/);
    expect(stdout).toMatch(/\nChecklist elements \(\d+\).*\nid +checklist +severity +title +from\n/);
    expect(stdout).toMatch(/\nhipaa-expiration +HIPAA authorization +high +.+ +bundled\n/);
    expect(stdout).toMatch(/\nq-retention +Patient questions +medium +.+ +bundled\n/);
    expect(stdout).toMatch(/\nKinds of form \(\d+\).*\nid +title +from\n/);
    expect(stdout).toMatch(/\nresearch-consent +.+ +bundled\n/);
  });
});
