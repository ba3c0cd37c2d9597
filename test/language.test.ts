import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { detectLanguages, languageName, languageOf } from "../src/text/language.js";
import { documentFromPages } from "../src/extract/document.js";
import { normalize } from "../src/text/normalize.js";
import { QuestionsReportJson, ReportJson } from "../src/report/schema.js";
import { cli, fixture, reportOf } from "./helpers.js";

const spanish = fixture("autorizacion-es.txt");
const french = fixture("autorisation-fr.txt");
const bilingual = fixture("bilingual-en-es.txt");
const englishFrench = fixture("bilingual-en-fr.txt");
const textOf = (paragraphs: string[]) => normalize(documentFromPages("t.txt", "text", [paragraphs], { linesAreParagraphs: true }));

describe("language of each part of a form", () => {
  it.each([
    ["en", "You may withdraw your permission at any time by writing to the clinic."],
    ["es", "Usted puede retirar su permiso en cualquier momento si escribe a la clínica."],
    ["fr", "Vous pouvez retirer votre consentement à tout moment, sans conséquence pour vos soins médicaux habituels."],
    ["vi", "Bạn có thể rút lại sự đồng ý của mình bất cứ lúc nào mà không ảnh hưởng đến việc chăm sóc y tế của bạn."],
  ])("tells %s from a sentence", (language, sentence) => {
    expect(languageOf(sentence)).toBe(language);
  });

  it("leaves a list of names and field labels untold, rather than guess", () => {
    expect(languageOf("PRINCIPAL INVESTIGATOR: Dana Whitfield, MD, PhD (555) 010-2040 STUDY NUMBER: 21-HG-0042")).toBeUndefined();
    expect(languageOf("Yes No")).toBeUndefined();
  });

  it("splits a bilingual text into an English and a Spanish section, folding short lines into their neighbours", () => {
    const text = textOf([
      "Notice About Your Records",
      "We may share your records with your health plan and with other doctors who treat you. You may ask for a copy at any time.",
      "Harbor Point Clinic",
      "Podemos compartir su expediente con su plan de salud y con otros médicos que le atienden. Puede pedir una copia en cualquier momento.",
      "Esta autorización vence un año después de la fecha de su firma, y la cancelación no afecta lo que ya se haya entregado.",
    ]);
    const sections = detectLanguages(text.value);
    expect(sections.map((s) => s.language)).toEqual(["en", "es"]);
    expect(text.value.slice(sections[1]!.start, sections[1]!.end)).toMatch(/^Podemos/);
    expect(sections[0]!.start).toBe(0);
    expect(sections.at(-1)!.end).toBe(text.value.length);
  });

  it("stays linear on many short paragraphs that alternate languages", () => {
    const value = Array.from({ length: 50000 }, (_, i) =>
      i % 2 ? "Usted puede pedir una copia de su expediente." : "You may ask us for a copy of the record.",
    ).join("\n\n");
    const started = performance.now();
    expect(detectLanguages(value).length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it("names languages in words", () => {
    expect(["es", "zh", "en"].map(languageName)).toEqual(["Spanish", "Chinese", "English"]);
  });
});

describe("a form in a language no rule pack reads", () => {
  it("is not matched, not graded and has no questions; the report says so", async () => {
    const report = await reportOf("autorisation-fr.txt");
    expect(report.coverage).toMatchObject({ main: "fr", checked: false, read: ["en", "es"] });
    expect(report.findings).toEqual([]);
    expect(report.missing).toEqual([]);
    expect(report.questions).toEqual([]);
    expect(report.score.grade).toBeUndefined();
    expect(report.score.ungraded).toBe("the form is in French and was not checked");
  });

  it.each(["terminal", "markdown", "html"])(
    "the %s report says it was not checked, with no counts that look like good news",
    async (format) => {
      const { code, stdout: wrapped } = await cli(["scan", "-f", format, french]);
      const stdout = wrapped.replace(/\s+/g, " ");
      expect(code).toBe(0);
      expect(stdout).toContain("This form is in French, which no loaded rule pack reads: it was not checked at all.");
      expect(stdout).toMatch(/No questions: the form was not checked|None: the form was not checked/);
      expect(stdout).not.toMatch(/0 risks|No questions raised|None raised/);
    },
  );

  it("JSON gives the language and no grade; --questions-only keeps the language", async () => {
    const json = ReportJson.parse(JSON.parse((await cli(["scan", "-f", "json", french])).stdout));
    const file = json.files[0]!;
    expect(file.grade).toBeNull();
    expect(file.language).toMatchObject({ main: "fr", checked: false });
    expect(file.language.sections).toEqual([expect.objectContaining({ language: "fr", name: "French", checked: false })]);
    expect(file.language.notice).toMatch(/not checked/);
    const questions = QuestionsReportJson.parse(JSON.parse((await cli(["scan", "-f", "json", "--questions-only", french])).stdout));
    expect(questions.files[0]).toMatchObject({ questions: [], language: { checked: false } });
  });

  it("SARIF has an error notification for it, not an empty clean log", async () => {
    const sarif = JSON.parse((await cli(["scan", "-f", "sarif", french])).stdout);
    const run = sarif.runs[0];
    expect(run.results).toEqual([]);
    expect(run.invocations[0].toolExecutionNotifications).toEqual([
      expect.objectContaining({
        level: "error",
        message: { text: expect.stringMatching(/autorisation-fr\.txt: This form is in French/) },
      }),
    ]);
  });

  it("counts as not checked for --fail-on: exit 2, with the other forms still reported", async () => {
    const { code, stdout, stderr } = await cli(["scan", "--fail-on", "high", "-f", "json", french, fixture("short-notice.md")]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/autorisation-fr\.txt: This form is in French/);
    const files = ReportJson.parse(JSON.parse(stdout)).files;
    expect(files.map((f) => f.language.main)).toEqual(["fr", "en"]);
    expect(files[1]!.findings.length).toBeGreaterThan(0);
    expect((await cli(["scan", "--fail-on", "high", fixture("short-notice.md")])).code).toBe(1);
  });

  it("is read by a pack that declares its language", async () => {
    const dir = mkdtempSync(join(tmpdir(), "consent-lens-lang-"));
    writeFileSync(
      join(dir, "es.yaml"),
      `lang: es
rules:
  - id: es-compartir-empresas
    category: third-party-sharing
    severity: high
    title: Shared with companies
    explanation: The records may go to other companies.
    questions: [Which companies?]
    patterns: ["compartida ~6 empresas"]
    examples:
      risk: ["La información podrá ser compartida con otras empresas."]
      none: ["La información se guarda en la clínica."]
`,
    );
    const json = ReportJson.parse(JSON.parse((await cli(["scan", "-f", "json", "--rules", join(dir, "es.yaml"), spanish])).stdout));
    const file = json.files[0]!;
    expect(file.language.checked).toBe(true);
    expect(file.findings.filter((f) => f.kind === "phrase" && f.ruleId === "es-compartir-empresas")).toHaveLength(1);
    expect(json.run.packs).toEqual([expect.objectContaining({ languages: ["es"], rules: ["es-compartir-empresas"] })]);
  });
});

describe("a bilingual form", () => {
  it("reads its English half with the English rules and its Spanish half with the Spanish pack", async () => {
    const report = await reportOf("bilingual-en-es.txt");
    const [english, spanishHalf] = report.text.languages;
    expect(report.text.languages.map((s) => s.language)).toEqual(["en", "es"]);
    expect(report.coverage).toMatchObject({ checked: true, unchecked: [] });
    expect(report.score.grade).toBeDefined();
    const inHalf = (half: typeof english) => report.findings.filter((f) => f.span.start >= half!.start && f.span.end <= half!.end);
    const foundIn = (half: typeof english) => new Set(inHalf(half).map((f) => `${f.category} ${f.polarity}`));
    // The same notice in both languages: sharing, passing on and no sale, found in each half.
    for (const found of ["third-party-sharing risk", "redisclosure risk", "commercial-use protection"]) {
      expect(foundIn(english), found).toContain(found);
      expect(foundIn(spanishHalf), found).toContain(found);
    }
    const { stdout } = await cli(["scan", bilingual]);
    expect(stdout.replace(/\s+/g, " ")).not.toMatch(/was not checked/);
  });

  it("with a half in a language no pack reads, is checked on its English half only and names the other as not checked", async () => {
    const report = await reportOf("bilingual-en-fr.txt");
    const [english, frenchHalf] = report.text.languages;
    expect(report.text.languages.map((s) => s.language)).toEqual(["en", "fr"]);
    expect(report.coverage).toMatchObject({ checked: true, unchecked: [frenchHalf] });
    expect(report.findings.length).toBeGreaterThan(2);
    expect(report.findings.every((f) => f.span.end <= english!.end)).toBe(true);
    const { stdout } = await cli(["scan", englishFrench]);
    expect(stdout.replace(/\s+/g, " ")).toMatch(/This form is in English and French; its French section \(from line \d+\) was not checked/);
    expect((await cli(["scan", "--fail-on", "info", englishFrench])).code).toBe(2);
  });
});
