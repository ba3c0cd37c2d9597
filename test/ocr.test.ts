// OCR without running Tesseract (the slow tests that run it are in ocr.process.test.ts):
// how its words become lines, what is flagged, turning pictures, images in the CLI.
import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Block } from "tesseract.js";
import { detectFormat } from "../src/extract/detect.js";
import { documentFromPages } from "../src/extract/document.js";
import { turned, type PageImage } from "../src/extract/page-image.js";
import { doubtfulBelow, textOf } from "../src/extract/ocr-pages.js";
import { expandPages } from "../src/cli/inputs.js";
import { normalize } from "../src/text/normalize.js";
import { toJson } from "../src/report/json.js";
import { noChanges } from "../src/rules/load.js";
import { ReportJson } from "../src/report/schema.js";
import { reportView } from "../src/report/view.js";
import { tmpdir } from "node:os";
import { assess } from "../src/assess/assess.js";
import { match } from "../src/match/match.js";
import type { ExtractionNote, Text } from "../src/types.js";
import { formatTerminal } from "../src/report/terminal.js";
import { formatMarkdown } from "../src/report/markdown.js";
import { formatHtml } from "../src/report/html/index.js";
import { formatJson } from "../src/report/json.js";
import { redact } from "../src/report/redact.js";
import { cli, formatWith, rulebook } from "./helpers.js";

const assessed = (text: Text) => assess(text, match(text, rulebook().rules, rulebook().language), rulebook(), {});

const word = (text: string, confidence: number) => ({ text, confidence });
const blocks = (...lines: ReturnType<typeof word>[][]) =>
  [{ paragraphs: [{ lines: lines.map((words) => ({ words })) }] }] as unknown as Pick<Block, "paragraphs">[];

describe("OCR words to lines", () => {
  it("joins a line's words, flags those below the confidence limit, and averages the rest", () => {
    const { lines, reading } = textOf(blocks([word("We", 95), word("may", 92), word("shqre", 41)], [word("your", 90), word("data.", 88)]));
    expect(lines).toEqual(["We may shqre", "your data."]);
    expect(reading.doubtful).toEqual([[{ start: 7, end: 12, confidence: 41 }], []]);
    expect(reading.words).toBe(5);
    expect(reading.confidence).toBeCloseTo((95 + 92 + 41 + 90 + 88) / 5, 1);
    expect(doubtfulBelow).toBeGreaterThan(41);
  });

  it("drops specks and lines with no word worth keeping, and keeps confident punctuation", () => {
    const { lines, reading } = textOf(
      blocks([word("~", 12), word("|", 20)], [word("—", 30), word("Consent", 93), word("•", 80)], [word("ii", 22), word("\\", 10)]),
    );
    expect(lines).toEqual(["Consent •"]);
    expect(reading.words).toBe(2);
  });

  it("reads nothing from a page with no words", () => {
    expect(textOf([])).toEqual({ lines: [], reading: { confidence: 0, words: 0, doubtful: [] } });
  });
});

describe("turning a page picture", () => {
  // 3 wide, 2 high: a b c / d e f
  const header = "P5\n3 2\n255\n";
  const image: PageImage = { pgm: new Uint8Array([...Buffer.from(header), 1, 2, 3, 4, 5, 6]), width: 3, height: 2, dpi: 200 };
  const pixels = (p: PageImage) => [...p.pgm.subarray(p.pgm.length - p.width * p.height)];

  it.each([
    [1, 2, 3, [4, 1, 5, 2, 6, 3]],
    [2, 3, 2, [6, 5, 4, 3, 2, 1]],
    [3, 2, 3, [3, 6, 2, 5, 1, 4]],
  ])("a quarter turn × %i clockwise", (turns, width, height, expected) => {
    const result = turned(image, turns);
    expect([result.width, result.height]).toEqual([width, height]);
    expect(Buffer.from(result.pgm.subarray(0, result.pgm.length - 6)).toString()).toBe(`P5\n${width} ${height}\n255\n`);
    expect(pixels(result)).toEqual(expected);
  });

  it("four quarter turns give the picture back", () => {
    expect(pixels(turned(turned(image, 1), 3))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(turned(image, 4)).toBe(image);
  });
});

describe("images", () => {
  it.each([
    ["PNG", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]],
    ["JPEG", [0xff, 0xd8, 0xff, 0xe0]],
    ["TIFF (Intel)", [0x49, 0x49, 0x2a, 0x00]],
    ["TIFF (Motorola)", [0x4d, 0x4d, 0x00, 0x2a]],
    ["WebP", [...Buffer.from("RIFF"), 0, 0, 0, 0, ...Buffer.from("WEBPVP8 ")]],
  ])("%s is an image, read by OCR", (_, bytes) => {
    expect(detectFormat(new Uint8Array(bytes))).toBe("image");
  });

  it("says a damaged image is damaged, in one line", async () => {
    const { code, stderr } = await cli(["scan", "-"], { input: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8]) });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^consent-lens: -: the image is damaged or incomplete and cannot be read\n$/);
  });

  it("--as-one takes the images of a folder in the order of their names, numbers as numbers", () => {
    const dir = mkdtempSync(join(tmpdir(), "consent-lens-pages-"));
    mkdirSync(join(dir, "form"));
    for (const name of ["page-10.jpg", "page-2.jpg", "page-1.png", "notes.txt", ".hidden.png"]) writeFileSync(join(dir, "form", name), "");
    expect(expandPages(["form", "extra.tif"], dir).paths).toEqual([
      join("form", "page-1.png"),
      join("form", "page-2.jpg"),
      join("form", "page-10.jpg"),
      "extra.tif",
    ]);
  });

  it("--as-one refuses a file that is not an image", async () => {
    const { code, stderr } = await cli(["scan", "--as-one", "fixtures/short-notice.md"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/short-notice\.md: only images can be read as pages of one form\n$/);
  });
});

describe("OCR pages in the report", () => {
  // Page 1 had a text layer; page 2 was read by OCR, unsure of one word on its second line.
  const document = documentFromPages("scan.pdf", "pdf", [["Consent to treatment."], ["Privacy", "We may shqre your data."]], {
    linesAreParagraphs: false,
    ocr: [undefined, { confidence: 88.5, words: 6, doubtful: [[], [{ start: 7, end: 12, confidence: 41 }]] }],
  });

  it("keeps the doubtful words as spans of the raw text", () => {
    expect(document.ocr).toEqual([{ page: 2, confidence: 88.5, words: 6, doubtful: [{ start: 37, end: 42, confidence: 41 }] }]);
    expect(document.raw.slice(37, 42)).toBe("shqre");
  });

  it("JSON says which pages OCR read, how confidently, and the words to check", () => {
    const json = toJson([reportView(assessed(normalize(document)))], { version: "0", unreadable: [], changes: noChanges });
    expect(ReportJson.parse(json)).toEqual(json);
    expect(json.files[0]!.pageInfo).toEqual([
      { page: 1, ocr: false },
      { page: 2, ocr: true, confidence: 88.5, doubtful: [{ word: "shqre", line: 2, confidence: 41 }] },
    ]);
    expect(json.files[0]!.ocrConfidence).toBe(88.5);
  });

  it("a form OCR never touched has every page ocr: false and no OCR confidence", () => {
    const plain = documentFromPages("a.txt", "text", [["One."], ["Two."]], { linesAreParagraphs: false });
    const file = toJson([reportView(assessed(normalize(plain)))], { version: "0", unreadable: [], changes: noChanges }).files[0]!;
    expect(file.pageInfo).toEqual([
      { page: 1, ocr: false },
      { page: 2, ocr: false },
    ]);
    expect(file).not.toHaveProperty("ocrConfidence");
  });
});

describe("notes on how a form was read, in the report's language", () => {
  // A Spanish form whose second page was read by OCR, with one doubtful word (a name), and a third page OCR gave up on.
  const lines = [
    ["Autorización para divulgar información médica. Usted autoriza a la clínica a entregar su expediente a su abogado."],
    ["La información que se entregue podrá ser compartida con otras empresas.", "Firma: Lucía Olmedo"],
    [""],
  ];
  const notes: ExtractionNote[] = [
    { kind: "ocr-read", pages: [{ page: 2, confidence: 87 }] },
    { kind: "doubtful-words", words: [{ text: "Olmedo", page: 2, line: 2 }], more: 0 },
    { kind: "ocr-timeout", page: 3, seconds: 60 },
  ];
  const report = assessed(normalize(documentFromPages("escaneo.pdf", "pdf", lines, { linesAreParagraphs: false, notes })));

  it("every format words them in Spanish for a Spanish form", () => {
    expect(reportView(report).notes).toEqual([
      "página leída por OCR (lo seguro que está de cada palabra, en promedio): 2 (87 %)",
      "palabras que el OCR leyó con duda; mírelas en el formulario: «Olmedo» (p2:2)",
      "el OCR no pudo leer la página 3 (tardó más de 60 s); no se revisó",
    ]);
    const terminal = formatWith(formatTerminal, [report], { width: 200 });
    const markdown = formatWith(formatMarkdown, [report]);
    const html = formatWith(formatHtml, [report]);
    const json = JSON.parse(formatWith(formatJson, [report])) as { files: { notes: string[] }[] };
    expect(terminal).toContain("nota: página leída por OCR (lo seguro que está de cada palabra, en promedio): 2 (87 %)");
    expect(markdown).toContain("- nota: el OCR no pudo leer la página 3 (tardó más de 60 s); no se revisó");
    expect(html).toContain("<li>Nota: palabras que el OCR leyó con duda; mírelas en el formulario: «Olmedo» (p2:2)</li>");
    expect(json.files[0]!.notes).toEqual(reportView(report).notes);
    expect(terminal + markdown + html).not.toMatch(/read by OCR|low confidence|gave up/);
  });

  it("in English when the report is in English (--lang en)", () => {
    expect(reportView(report, undefined, "en").notes).toEqual([
      "read by OCR, page (mean word confidence): 2 (87%)",
      'words read with low confidence, check them on the form: "Olmedo" (p2:2)',
      "page 3 could not be read by OCR (OCR gave up after 60 s); it was not checked",
    ]);
  });

  it("a doubtful word that is part of an identifier is masked in the note too (--redact)", () => {
    const masked = redact(report);
    expect(masked.identifiers.length).toBeGreaterThan(0);
    expect(reportView(masked).notes[1]).toBe("palabras que el OCR leyó con duda; mírelas en el formulario: «██████» (p2:2)");
  });
});
