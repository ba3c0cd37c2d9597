import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { ReportJson } from "../src/report/schema.js";
import { cli, fixture, root } from "./helpers.js";

const scanJson = async (...args: string[]) => {
  const result = await cli(["scan", "--format", "json", ...args]);
  return { ...result, json: ReportJson.parse(JSON.parse(result.stdout)) };
};

describe("consent-lens scan", () => {
  it("prints a short report of a PDF: header, what matters most, risks by topic with page:line, ten questions", async () => {
    const { code, stdout, stderr } = await cli(["scan", fixture("imaging-ai-consent.pdf")]);
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
    const short = await cli(["scan", fixture("imaging-ai-consent.pdf")]);
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
