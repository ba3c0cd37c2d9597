import { beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { filledDocx, filledPdf, identifierCount, identifiers } from "../scripts/filled-forms.mjs";
import { findIdentifiers } from "../src/text/identifiers.js";
import { ReportJson } from "../src/report/schema.js";
import { cli, fixture, reportOf } from "./helpers.js";

// Every identifier string of the filled-in form, and how often a report contains one.
const secrets = Object.values(identifiers).flat();
const leaks = (output: string) =>
  secrets.flatMap((s) =>
    output
      .split(s)
      .slice(1)
      .map(() => s),
  );

const dir = mkdtempSync(join(tmpdir(), "consent-lens-filled-"));
const forms = { pdf: join(dir, "authorization.pdf"), docx: join(dir, "authorization.docx") };
beforeAll(async () => {
  writeFileSync(forms.pdf, await filledPdf());
  writeFileSync(forms.docx, await filledDocx());
});

const formats = ["terminal", "markdown", "html", "json", "sarif"] as const;

describe("identifiers of a filled-in form are masked in every report", () => {
  it.each(Object.keys(forms).flatMap((kind) => formats.map((format) => [kind as keyof typeof forms, format] as const)))(
    "%s form, %s report: none of its identifiers, and a line saying how many were masked",
    async (kind, format) => {
      for (const extra of [[], ["--details"]]) {
        const { code, stdout } = await cli(["scan", "-f", format, ...extra, forms[kind]]);
        expect(code).toBe(0);
        expect(leaks(stdout)).toEqual([]);
        expect(stdout).toContain("█");
        if (format === "json")
          expect(ReportJson.parse(JSON.parse(stdout)).files[0]!.identifiers).toMatchObject({ count: identifierCount, masked: true });
        else if (format === "sarif") expect(JSON.parse(stdout).runs[0].artifacts[0].properties.identifiers).toBe(identifierCount);
        else expect(stdout.replace(/\s+/g, " ")).toContain(`${identifierCount} identifiers the form was filled in with are masked`);
      }
    },
  );

  it.each(["terminal", "markdown", "html", "json"])("--questions-only in %s quotes none of them either", async (format) => {
    const { stdout } = await cli(["scan", "-f", format, "--questions-only", forms.pdf]);
    expect(leaks(stdout)).toEqual([]);
  });

  it("finds each kind of identifier on both forms, the name wherever it recurs", async () => {
    for (const path of Object.values(forms)) {
      const json = ReportJson.parse(JSON.parse((await cli(["scan", "-f", "json", path])).stdout));
      expect(json.files[0]!.identifiers.kinds).toEqual({
        name: 5,
        "date of birth": 1,
        "record number": 2,
        SSN: 1,
        phone: 1,
        "e-mail": 1,
        address: 1,
      });
    }
  });

  it("masks without moving anything: findings keep their places and offsets", async () => {
    const parse = async (...flags: string[]) =>
      ReportJson.parse(JSON.parse((await cli(["scan", "-f", "json", ...flags, forms.pdf])).stdout)).files[0]!;
    const [masked, shown] = [await parse(), await parse("--no-redact")];
    const places = (file: typeof masked) => file.findings.map((f) => (f.kind === "phrase" ? [f.ruleId, f.location] : [f.ruleId]));
    expect(places(masked)).toEqual(places(shown));
    expect(masked.grade).toBe(shown.grade);
    const sentence = (file: typeof masked) => file.findings.find((f) => f.kind === "phrase" && f.sentence.startsWith("I, "));
    expect(sentence(shown)).toMatchObject({ sentence: expect.stringContaining("I, Marisol K. Brennan-Okafor, allow") });
    expect(sentence(masked)).toMatchObject({
      sentence: expect.stringContaining(`I, ${"█".repeat("Marisol K. Brennan-Okafor".length)}, allow`),
    });
  });

  it("--no-redact shows them, and says the report is as private as the form", async () => {
    const { stdout } = await cli(["scan", "--details", "--no-redact", forms.docx]);
    expect(leaks(stdout)).toContain("Marisol");
    expect(stdout.replace(/\s+/g, " ")).toContain("shown as written (--no-redact): keep this report as private as the form");
  });

  it("masks diff output too", async () => {
    // the terminal shows an excerpt of each sentence, JSON the whole sentence with the masked name
    for (const format of ["terminal", "json"]) {
      const { stdout } = await cli(["diff", "-f", format, fixture("imaging-ai-consent.pdf"), forms.pdf]);
      expect(leaks(stdout), format).toEqual([]);
      if (format === "json") expect(stdout).toContain("█");
    }
  });

  it("finds nothing in the blank fixture forms, whose contact lines are the institution's", async () => {
    for (const name of ["imaging-ai-consent.pdf", "hipaa-authorization.docx", "research-biobank-consent.pdf", "short-notice.md"])
      expect((await reportOf(name)).identifiers, name).toEqual([]);
  });
});

describe("finding identifiers", () => {
  const found = (text: string) => findIdentifiers(text).map((id) => [id.kind, text.slice(id.start, id.end)]);

  it("takes values after their labels, on the same line or in the next paragraph, and stops at the next label", () => {
    expect(found("PATIENT NAME: JOHN Q PUBLIC DOB: 1/2/1950 MRN# 88-12345 SSN 123 45 6789\n\nTelephone\n\n555.201.7788")).toEqual([
      ["name", "JOHN Q PUBLIC"],
      ["date of birth", "1/2/1950"],
      ["record number", "88-12345"],
      ["SSN", "123 45 6789"],
      ["phone", "555.201.7788"],
    ]);
    expect(found("Name of participant: Dr. Amara Lee-Whitcombe\nDate of birth: March 3, 1981")).toEqual([
      ["name", "Dr. Amara Lee-Whitcombe"],
      ["date of birth", "March 3, 1981"],
    ]);
  });

  it("reads Spanish labels", () => {
    expect(found("Nombre del paciente: María José Ibarra Solís Fecha de nacimiento: 12/08/1975 Teléfono: (915) 555-0123")).toEqual([
      ["name", "María José Ibarra Solís"],
      ["date of birth", "12/08/1975"],
      ["phone", "(915) 555-0123"],
    ]);
  });

  it("masks a learnt name where it recurs, whole or by its surname, but not a part the form uses as a word", () => {
    const text = "Printed name: Grace Mark Oduya\n\nThe signer, Ms. Oduya, may mark one box. Grace Mark Oduya agrees.";
    expect(found(text)).toEqual([
      ["name", "Grace Mark Oduya"],
      ["name", "Oduya"],
      ["name", "Grace Mark Oduya"],
    ]);
  });

  it("stays linear on a hostile form: a megabyte of name fields, all different, on one line", () => {
    const letters = (i: number) => i.toString(26).replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 26)));
    const text = Array.from({ length: 30000 }, (_, i) => `Patient name: Ann ${letters(i).replace(/^./, (c) => c.toUpperCase())}x`).join(
      " ",
    );
    const started = performance.now();
    expect(findIdentifiers(text).length).toBe(30000);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it("finds a Social Security number anywhere", () => {
    expect(found("Our records show 321-54-9876 on file.")).toEqual([["SSN", "321-54-9876"]]);
  });

  it("leaves blank fields, label rows, headings and the institution's own contact lines alone", () => {
    for (const blank of [
      "Patient Name: ____________ MRN: ________ Date of Birth: __________",
      "Patient Name (Last, First, MI) Signature of Patient Date",
      "Signature of Parent\n\nC. Child's Verbal Assent (If Applicable)\n\nThe study was explained to my child in words a child understands.",
      "Your Signature Is Required on the Following Page",
      "Questions? Phone: (555) 010-4400. E-mail: privacy@example-clinic.org. Address: 400 River Road, Suite 210",
      "We remove your name, medical record number, date of birth and other identifiers before sharing.",
    ])
      expect(found(blank), blank).toEqual([]);
  });
});
