import type { Document, ExtractionNote } from "../types.js";
import { UserError } from "../errors.js";
import { detectFormat, textEncoding } from "./detect.js";
import { documentFromPages } from "./document.js";
import { isGarbled, readableLines } from "./garbled.js";
import { openPdf, type PdfOptions } from "./pdf.js";
import { extractDocx } from "./docx.js";
import { readByOcr, type OcrRead, type ReadPages } from "./scanned.js";
import type { OcrOptions } from "./ocr.js";

export interface Input {
  /** What the user named: a path, or "-" for standard input. */
  path: string;
  bytes: Uint8Array;
}

export interface ExtractOptions extends PdfOptions {
  ocr?: OcrOptions;
}

/** extract: a file's bytes -> Document. The format comes from the bytes, never from the name. */
export async function extract(input: Input, options: ExtractOptions = {}): Promise<Document> {
  const format = detectFormat(input.bytes);
  switch (format) {
    case "pdf":
      return extractPdf(input, options);
    case "image":
      return extractImages(input.path, [input], options);
    case "docx": {
      const paragraphs = await extractDocx(input.bytes);
      if (!paragraphs.join("").trim()) throw new UserError("the Word document has no text");
      return documentFromPages(input.path, format, [paragraphs], { linesAreParagraphs: true });
    }
    default: {
      // The decoder drops the byte order mark (UTF-8 or UTF-16).
      const text = new TextDecoder(textEncoding(input.bytes)).decode(input.bytes);
      if (!text.trim()) throw new UserError("the file has no text");
      // A form feed is a page break in text exported from PDF tools such as pdftotext.
      const pages = text
        .replace(/\r\n?/g, "\n")
        .split("\f")
        .map((page) => page.split("\n"));
      return documentFromPages(input.path, format, pages, { linesAreParagraphs: false });
    }
  }
}

// Pages with a text layer keep it; pages without one (scanned), or whose text layer is garbled, are rendered and read by OCR.
async function extractPdf(input: Input, options: ExtractOptions): Promise<Document> {
  const pdf = await openPdf(input.bytes, options);
  try {
    const unread = unreadPages(pdf.pages);
    const toRead = [...unread.empty, ...unread.garbled].sort((a, b) => a - b);
    if (!toRead.length) return documentFromPages(input.path, "pdf", pdf.pages, { linesAreParagraphs: false });
    const read = await readByOcr(
      toRead.map((page) => ({ page, picture: () => pdf.picture(page) })),
      options.ocr,
    );
    return pdfDocument(input.path, pdf.pages, read, unread);
  } finally {
    await pdf.close();
  }
}

/** The pages (1-based) with no text layer, and those whose text layer is garbled. */
interface UnreadPages {
  empty: number[];
  garbled: number[];
}

function unreadPages(pages: string[][]): UnreadPages {
  const hasText = (lines: string[]) => lines.join("").trim() !== "";
  return {
    empty: pages.flatMap((lines, i) => (hasText(lines) ? [] : [i + 1])),
    garbled: pages.flatMap((lines, i) => (hasText(lines) && isGarbled(lines) ? [i + 1] : [])),
  };
}

/** A PDF's text layer, each page OCR read in place of its own (those that had none, or a garbled one), and notes on what OCR did. */
export function pdfDocument(path: string, pages: string[][], read: OcrRead, { empty, garbled } = unreadPages(pages)): Document {
  if (read.found === 0 && empty.length === pages.length)
    throw new UserError(
      // Every page failed (timed out, or OCR is not there, as in the web page): say why, not that it found no text.
      read.failures.length === empty.length
        ? `the PDF has no text layer, and OCR could not read its pages (${read.failures[0]})`
        : "the PDF has no text layer, and OCR found no text in its pages",
    );
  // A garbled page OCR could not read keeps its readable lines; the form is then not graded (assess/score.ts).
  const unread = garbled.filter((page) => !read.lines.has(page));
  const notes = garbled.map((page): ExtractionNote => ({ kind: unread.includes(page) ? "garbled-unread" : "garbled-read", page }));
  const kept = pages.map((lines, i) => (unread.includes(i + 1) ? readableLines(lines) : lines));
  return fromPages(path, "pdf", kept, { ...read, notes: [...notes, ...read.notes] }, unread);
}

/** Images (photos or scans) read by OCR as the pages of one form, in the order given; a TIFF may hold several pages. */
export async function extractImages(path: string, inputs: Input[], options: ExtractOptions = {}): Promise<Document> {
  const { imagePageCount, imagePage } = await import("./image.js");
  if (!inputs.length) throw new UserError("no images to read as one form");
  const pictures: ReadPages = [];
  for (const input of inputs) {
    if (detectFormat(input.bytes) !== "image") throw new UserError(`${input.path}: only images can be read as pages of one form`);
    const count = await imagePageCount(input.bytes);
    for (let i = 0; i < count; i++) pictures.push({ page: pictures.length + 1, picture: () => imagePage(input.bytes, i) });
  }
  const read = await readByOcr(pictures, options.ocr);
  if (read.found === 0) throw new UserError(`no text found in the image${inputs.length > 1 ? "s" : ""}, even by OCR`);
  return fromPages(path, "image", new Array<string[]>(pictures.length).fill([]), read);
}

function fromPages(path: string, format: "pdf" | "image", pages: string[][], read: OcrRead, garbled: number[] = []): Document {
  const all = pages.map((lines, i) => read.lines.get(i + 1) ?? lines);
  const ocr = pages.map((_, i) => read.readings.get(i + 1));
  return documentFromPages(path, format, all, { linesAreParagraphs: false, notes: read.notes, ocr, garbled });
}
