import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { ReportJson } from "../src/report/schema.js";
import { root, runCli } from "./helpers.js";

// The real forms of ../shared/corpus are there on the team's machines but not in a
// fresh clone: without them these tests are skipped, never failed.
const corpus = join(root, "..", "shared", "corpus", "files");
// pdftotext copies of the same forms: an extraction independent of ours
const textCopies = join(root, "..", "shared", "corpus", "text");

const words = (s: string) =>
  s
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);

// Which checklist prefix needs which kind of form; q-* apply to every form.
const kindOfChecklist: Record<string, string> = { hipaa: "hipaa-authorization", cr: "research-consent" };

describe.skipIf(!existsSync(corpus))("real consent forms (../shared/corpus)", () => {
  // Not every form has a risk: a procedure consent may say nothing about data.
  // These are the things true of every form.
  it("reads every form into words and sentences, quotes each finding from the form, and writes valid JSON", () => {
    // the folder also holds <name>.source.txt notes on where each form came from
    const forms = readdirSync(corpus).filter((f) => /\.(pdf|docx)$/i.test(f));
    const { code, stdout, stderr } = runCli(["scan", "--format", "json", `${corpus}/*.pdf`, `${corpus}/*.docx`]);
    expect(stderr).toBe("");
    expect([0, 1]).toContain(code);
    const report: unknown = JSON.parse(stdout);
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(
      JSON.parse(readFileSync(join(root, "schema", "report.schema.json"), "utf8")),
    );
    expect(validate(report), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const json = ReportJson.parse(report);
    expect(json.errors).toEqual([]);
    expect(json.files.map((f) => basename(f.path)).sort()).toEqual(forms.sort());

    for (const file of json.files) {
      const name = basename(file.path);
      expect(file.words, name).toBeGreaterThan(100);
      expect(file.readability.sentences, name).toBeGreaterThanOrEqual(5);
      const copy = join(textCopies, name.replace(/\.(pdf|docx)$/i, ".txt"));
      const formWords = existsSync(copy) ? new Set(words(readFileSync(copy, "utf8"))) : undefined;
      const kinds = new Set(file.kinds.map((k) => k.id));
      for (const finding of file.findings) {
        if (finding.kind === "missing") {
          const needs = kindOfChecklist[finding.element.split("-")[0]!];
          if (needs) expect(kinds.has(needs), `${name}: ${finding.element} on a form that is not a ${needs}`).toBe(true);
          continue;
        }
        const where = `${name}: ${finding.ruleId} "${finding.sentence.slice(0, 80)}"`;
        expect(finding.location.page, where).toBeLessThanOrEqual(file.pages);
        expect(finding.location.end, where).toBeGreaterThan(finding.location.start);
        expect(finding.sentence.replace(/\s+/g, " "), where).toContain(finding.text.replace(/\s+/g, " "));
        if (formWords) {
          const sentence = words(finding.sentence);
          expect(sentence.filter((w) => formWords.has(w)).length / sentence.length, where).toBeGreaterThanOrEqual(0.8);
        }
      }
    }
  }, 120_000); // 60 forms in one batch, on a machine shared with other jobs
});
