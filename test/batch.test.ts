import { describe, expect, it } from "vitest";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ReportJson } from "../src/report/schema.js";
import { scanAll } from "../src/cli/batch.js";
import { formatStreamFor } from "../src/report/format.js";
import { cli, fixture, formatOptions, formFolder as folder, memoryIo, rulebook } from "./helpers.js";

describe("globs", () => {
  it("expands a glob the shell passed on unexpanded", async () => {
    const dir = folder();
    const { json } = { json: ReportJson.parse(JSON.parse((await cli(["scan", "--format", "json", "*.pdf"], { cwd: dir })).stdout)) };
    expect(json.files.map((f) => f.path)).toEqual(["imaging-ai-consent.pdf"]);
    expect(json.errors.map((e) => e.path)).toEqual(["broken.pdf"]);
  });
});

describe("a batch", () => {
  // A batch worker's finished forms arrive as events: reading forms without a turn of the loop
  // (a PDF read by pdf.js never gives one) kept them waiting to the end while this thread did all the work.
  it("gives the event loop a turn after each form it reads", async () => {
    const context = {
      rulebook: rulebook(),
      source: {},
      options: {},
      format: "json" as const,
      stream: await formatStreamFor("json"),
      formatOptions: formatOptions(),
      redact: true,
      baseline: undefined,
      debug: false,
      io: memoryIo().io,
      acceptedIn: () => undefined,
    };
    let turns = 0;
    let next = setImmediate(function turn() {
      turns++;
      next = setImmediate(turn);
    });
    const turnsAtEachForm: number[] = [];
    try {
      for await (const outcome of scanAll([fixture("short-notice.md"), fixture("imaging-ai-consent.txt")], context)) {
        expect(outcome).not.toHaveProperty("error");
        turnsAtEachForm.push(turns);
      }
    } finally {
      clearImmediate(next);
    }
    expect(turnsAtEachForm[0]).toBeGreaterThan(0);
    expect(turnsAtEachForm[1]).toBeGreaterThan(turnsAtEachForm[0]!);
  });
});

describe("--output", () => {
  it("writes the report to the file atomically and prints nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "consent-lens-out-"));
    const out = join(dir, "report.md");
    const { code, stdout } = await cli(["scan", "--format", "markdown", "--output", out, fixture("short-notice.md")]);
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(readFileSync(out, "utf8")).toMatch(/^# consent-lens report/);
    expect(readdirSync(dir)).toEqual(["report.md"]); // no temporary file left behind
  });

  it("never writes over an input file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "consent-lens-out-"));
    const form = join(dir, "form.md");
    copyFileSync(fixture("short-notice.md"), form);
    const before = readFileSync(form);
    const { code, stderr } = await cli(["scan", "--output", form, form]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/that is one of the input files/);
    expect(readFileSync(form).equals(before)).toBe(true);
    expect(existsSync(join(dir, ".form.md.tmp"))).toBe(false);
  });
});

describe("Markdown report", () => {
  it("has the summary, key points, risks by topic with quotes and pages, missing elements and questions", async () => {
    const forms = [fixture("imaging-ai-consent.pdf"), fixture("checklist/hipaa-no-expiration.docx")];
    const { stdout } = await cli(["scan", "--format", "markdown", ...forms]);
    expect(stdout).toMatch(/^# consent-lens report\n\n## Summary\n\n\| file \| kind \| grade/);
    expect(stdout).toMatch(/### What matters most\n\n- Your data may be used to build or train AI and other software\. \(pages? [\d, ]+\)/);
    expect(stdout).toMatch(/### Risks by topic\n\n\| topic \| high \| medium \| low \| info \| pages \|/);
    expect(stdout).toMatch(/- \*\*AI and algorithm training\*\* \(page 2, line \d+\): /);
    expect(stdout).toMatch(/### What the form does not say\n\n- When your permission ends/);
    expect(stdout).toMatch(/### Questions to ask before you sign\n\n1\. /);
    const details = (await cli(["scan", "--format", "markdown", "--details", ...forms])).stdout;
    expect(details).toMatch(/- \*\*HIGH\*\* .* \(`[a-z-]+`\): .+\n {2}- p2:\d+.*\n {4}> .*\*\*.+\*\*/);
    expect(details).toMatch(/- \*\*When your permission ends\*\* \(`hipaa-expiration`, 45 CFR 164\.508\(c\)\(1\)\(v\)\)/);
    expect(details).toContain("### Grade arithmetic");
  });
});

describe("consent-lens diff", () => {
  const v1 = fixture("imaging-ai-consent.txt");
  const v2 = fixture("revisions/imaging-ai-consent-v2.txt");

  it("does not report a reflowed form as changed", async () => {
    const json = JSON.parse((await cli(["diff", "--format", "json", fixture("imaging-ai-consent.pdf"), v1])).stdout);
    expect(json.added).toEqual([]);
    expect(json.removed).toEqual([]);
    expect(json.unchanged.length).toBeGreaterThan(10);
  });

  it("reports the clauses a revision added and removed, and the grade before and after", async () => {
    const { code, stdout } = await cli(["diff", "--format", "json", v1, v2]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    const describe = (f: { category: string; polarity: string; sentence: string }) => `${f.category} ${f.polarity}: ${f.sentence}`;
    expect(json.added.map(describe)).toContainEqual(
      expect.stringMatching(/^third-party-sharing risk: We may also share your images with data brokers/),
    );
    expect(json.removed.map(describe)).toContainEqual(expect.stringMatching(/^commercial-use protection: We will never sell your images/));
    expect(json.removed.map(describe)).toContainEqual(expect.stringMatching(/^retention risk: .*stored indefinitely/));
    expect(json.before.grade).toMatch(/^[A-E]$/);
    expect(json.after.grade).toMatch(/^[A-E]$/);
  });

  it("prints the change in the terminal and in Markdown", async () => {
    expect((await cli(["diff", v1, v2])).stdout).toMatch(/\+ risk \(\w+\) Sharing with others, line \d+/);
    expect((await cli(["diff", "--format", "markdown", v1, v2])).stdout).toMatch(
      /^# Changes: .*\n\nGrade [A-E] \(\d+(\.\d)?\/100\) → [A-E]/,
    );
  });
});
