// Text layers that extract as nonsense (a font with a wrong encoding): told from the text alone,
// read by OCR like a scanned page, and never graded when OCR cannot read them either.
import { describe, expect, it } from "vitest";
import { garbledWords, isGarbled, readableLines } from "../src/extract/garbled.js";
import { pdfDocument } from "../src/extract/index.js";
import { openPdf } from "../src/extract/pdf.js";
import type { OcrRead } from "../src/extract/scanned.js";
import { assessDocument } from "../src/scan.js";
import { reportView } from "../src/report/view.js";
import { garbledPdf, garbledText } from "../scripts/garbled-pdf.mjs";
import { rulebook } from "./helpers.js";

const expiry = "This permission ends one year after the day you sign it, unless you cancel it sooner in writing.";
const vencimiento = "Este permiso vence seis meses después de la fecha de su firma, salvo que usted lo cancele antes por escrito.";

describe("garbled text layers", () => {
  it.each([expiry, vencimiento, "Signature of the patient or legal representative and the date signed"])(
    "a sentence whose letters are all shifted is garbled: %s",
    (sentence) => {
      expect(isGarbled([garbledText(sentence)])).toBe(true);
      // The same with real spaces between the shifted words.
      expect(isGarbled([garbledText(sentence).replaceAll(garbledText(" "), " ")])).toBe(true);
    },
  );

  it("one garbled sentence among readable lines makes the page garbled, and only it is dropped from what is read", () => {
    const page = ["AUTHORIZATION TO RELEASE RECORDS", "Patient name: ____________ Date of birth: __/__/____", garbledText(expiry)];
    expect(isGarbled(page)).toBe(true);
    expect(readableLines(page)).toEqual(page.slice(0, 2));
  });

  it.each([
    ["English prose", ["We may share your records with the lab that runs your tests, and with your insurer to get paid."]],
    ["Spanish prose", ["Podemos compartir su información con el laboratorio y con su compañía de seguros para cobrar el servicio."]],
    [
      "a form's blanks and field names",
      ["Name: _______________ DOB: ___/___/_____ MRN: __________", "Street \tCity \tState \tZIP Code", "Print Name \tDate \tTime"],
    ],
    ["acronyms and codes", ["HIPAA PHI MRN SSN NPI DOB CFR 164.508(c) HHS OCR", "Form H-2231 Rev. 04/2021 (SP) 1 of 2"]],
    [
      "names, titles, addresses, e-mail and web addresses",
      ["Dr. Kwame Schwartz, MD, PhD, MPH \tJill McKenzie, RN, BSN", "records@valleyhealth.example.org www.valleyhealth.example/privacy"],
    ],
    [
      "plurals in brackets, soft and typographic hyphens",
      ["List Clinic(s) or Provider Name(s) \tDate(s) of Service(s)", "a non-\u00adprofit, US\u2010based, follow-up study"],
    ],
    ["other scripts", ["您的资料将被安全保存，只有研究人员可以查看。", "Ваши данные будут храниться в безопасности."]],
    ["technical words and file types", ["Raw files (CRAMs, BAMs, VCFs, FASTQs) will be stored in the cloud."]],
  ])("%s are not garbled", (_, lines) => {
    expect(garbledWords(lines)).toBe(0);
    expect(isGarbled(lines)).toBe(false);
  });

  it("a short garbled line (a label or two) is not a garbled page", () => {
    expect(isGarbled(["Witness signature", garbledText("Printed name Date")])).toBe(false);
  });
});

describe("a PDF with a garbled text layer", () => {
  const form = [
    { text: "AUTHORIZATION TO RELEASE HEALTH RECORDS" },
    {
      text:
        "I authorize Lakeside Family Clinic to release my medical records to the person named below, for continuing care. " +
        "I understand that I may revoke this authorization at any time by writing to the records office, and that my treatment " +
        "does not depend on whether I sign. Records released to someone who is not covered by privacy law may be disclosed again.",
    },
    {
      text:
        "Records to release: visit notes, test results and imaging reports from the last two years. Purpose: the patient is moving " +
        "and wants a new doctor to have the full history. The clinic may charge a fee for copies. A copy of this signed form is as " +
        "valid as the original. Questions about this form can be sent to the privacy office of the clinic at any time. " +
        "If I am signing for the patient, I state my relationship to the patient and the legal authority that lets me sign for them.",
    },
    { text: expiry, garbled: true },
    { text: "Signature of patient ____________________ Date ____________" },
  ];

  it("extracts as garbled text, so the test PDF is what real ones are", async () => {
    const pdf = await openPdf(await garbledPdf(form));
    try {
      expect(pdf.pages[0]!.join("\n")).toContain(garbledText("This permission ends"));
      expect(isGarbled(pdf.pages[0]!)).toBe(true);
    } finally {
      await pdf.close();
    }
  });

  // What OCR made of page 1: nothing, as where it is not available (the web page), or the page's lines.
  const unreadByOcr: OcrRead = {
    lines: new Map(),
    readings: new Map(),
    found: 0,
    failures: ["no OCR here"],
    notes: ["page 1 could not be read by OCR (no OCR here); it was not checked"],
  };
  const ocrLines = ["AUTHORIZATION TO RELEASE HEALTH RECORDS", "I authorize Lakeside Family Clinic to release my records.", expiry];
  const readByOcr: OcrRead = {
    lines: new Map([[1, ocrLines]]),
    readings: new Map([[1, { confidence: 91, words: 30, doubtful: [[], [], []] }]]),
    found: 1,
    failures: [],
    notes: ["read by OCR, page (mean word confidence): 1 (91%)"],
  };
  const textLayer = async () => {
    const pdf = await openPdf(await garbledPdf(form));
    await pdf.close();
    return pdf.pages;
  };

  it("when OCR reads the page: its text replaces the garbled layer, and the report says why the page was read by OCR", async () => {
    const document = pdfDocument("garbled.pdf", await textLayer(), readByOcr);
    expect(document.raw).toBe(ocrLines.join("\n") + "\n");
    expect(document.garbled).toEqual([]);
    expect(document.ocr.map((p) => p.page)).toEqual([1]);
    expect(document.notes).toEqual([
      "page 1: its text cannot be read (the PDF gives letters in a wrong encoding), so the page was read by OCR",
      "read by OCR, page (mean word confidence): 1 (91%)",
    ]);
  });

  it("when OCR cannot read the page: keeps its readable lines, says so, and gives no grade in either language", async () => {
    const document = pdfDocument("garbled.pdf", await textLayer(), unreadByOcr);
    expect(document.garbled).toEqual([1]);
    expect(document.raw).toContain("I authorize Lakeside Family Clinic");
    expect(document.raw).not.toContain(garbledText("permission"));
    expect(document.notes[0]).toBe(
      "page 1: its text cannot be read (the PDF gives letters in a wrong encoding) and OCR could not read the page; what it says was not checked",
    );
    const report = assessDocument(document, rulebook(), undefined);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.score.grade).toBeUndefined();
    expect(report.score.because).toEqual({ kind: "garbled", pages: [1] });
    expect(reportView(report, undefined, "en").gradeLabel).toBe(
      "no grade: the text of page 1 cannot be read (garbled) and OCR could not read it, so part of the form was not checked",
    );
    expect(reportView(report, undefined, "es").gradeLabel).toBe(
      "sin nota: el texto de la página 1 no se puede leer (sale con letras cambiadas) y el OCR no pudo leerla: una parte del formulario no se revisó",
    );
  });

  it("the same form without the garbled sentence is graded", async () => {
    const document = pdfDocument("plain.pdf", [readableLines((await textLayer())[0]!)], unreadByOcr);
    expect(assessDocument(document, rulebook(), undefined).score.grade).toBeDefined();
  });
});
