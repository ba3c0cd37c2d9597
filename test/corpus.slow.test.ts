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

/*
 * The corpus's Spanish forms (named "...-es") are Spanish and read by the Spanish pack,
 * with findings and a grade; the bilingual one ("...-en-es") is read on both pages, each
 * with its language's rules; the registry consent with Spanish and Chinese parts is
 * checked on its English and Spanish parts and says its Chinese part was not; every
 * other form is English throughout.
 */
function languages(json: ReportJson) {
  for (const file of json.files) {
    const name = basename(file.path);
    const { main, checked, sections } = file.language;
    const unchecked = sections.filter((s) => !s.checked);
    if (/-en-es\./.test(name)) {
      expect(
        sections.map((s) => s.language),
        name,
      ).toEqual(["en", "es"]);
      expect([unchecked, checked], name).toEqual([[], true]);
    } else if (/-es\./.test(name)) {
      expect([main, checked, file.grade !== null, file.findings.length > 0], name).toEqual(["es", true, true, true]);
    } else if (name.startsWith("stanford-well-for-life-registry")) {
      expect([main === "zh" || main === "en", checked, [...new Set(unchecked.map((s) => s.language))].sort()], name).toEqual([
        true,
        true,
        ["zh"],
      ]);
    } else expect([main, unchecked.length], name).toEqual(["en", 0]);
  }
}

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
    languages(json);
    expect(json.files.map((f) => basename(f.path)).sort()).toEqual(forms.sort());

    for (const file of json.files) {
      const name = basename(file.path);
      expect(file.words, name).toBeGreaterThan(100);
      // Readability is measured in the form's main language: Flesch-Kincaid for English, Fernández Huerta for Spanish.
      const measure = { en: "flesch-kincaid", es: "fernandez-huerta" }[file.language.main];
      if (measure) expect([file.readability.measure, file.readability.sentences >= 5], name).toEqual([measure, true]);
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
