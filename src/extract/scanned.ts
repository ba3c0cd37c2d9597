import type { DoubtfulWordNoted, ExtractionNote } from "../types.js";
import type { OcrReading } from "./document.js";
import type { PageImage } from "./image.js";
import type { OcrOptions } from "./ocr.js";
import { PageTimeout } from "./ocr-pages.js";

/** Pages to read by OCR: each page's number in the form and how to get its picture. */
export type ReadPages = { page: number; picture: () => Promise<PageImage> }[];

/** What OCR read, by page number, with the notes the report shows about it. */
export interface OcrRead {
  lines: Map<number, string[]>;
  readings: Map<number, OcrReading>;
  /** Pages on which OCR found text. */
  found: number;
  /** Why OCR could not read a page, for each page it could not read (an error, not a page without text). */
  failures: string[];
  notes: ExtractionNote[];
}

// The report lists this many doubtful words; the JSON report has them all.
const doubtfulListed = 12;

/** Reads the pages by OCR (Tesseract loads only now) and says what the reader should know about it. */
export async function readByOcr(pages: ReadPages, options: OcrOptions = {}): Promise<OcrRead> {
  const { ocrPages } = await import("./ocr.js");
  const results = await ocrPages(pages.length, (i) => pages[i]!.picture(), options);
  const read: OcrRead = { lines: new Map(), readings: new Map(), found: 0, failures: [], notes: [] };
  const confidences: { page: number; confidence: number }[] = [];
  const doubtful: DoubtfulWordNoted[] = [];
  const unread: ExtractionNote[] = [];
  results.forEach((result, i) => {
    const { page } = pages[i]!;
    if (result instanceof Error) {
      read.failures.push(result.message);
      return unread.push(
        result instanceof PageTimeout
          ? { kind: "ocr-timeout", page, seconds: result.seconds }
          : { kind: "ocr-failed", page, reason: result.message },
      );
    }
    if (!result.reading.words) return unread.push({ kind: "ocr-no-text", page });
    read.found++;
    read.lines.set(page, result.lines);
    read.readings.set(page, result.reading);
    confidences.push({ page, confidence: Math.round(result.reading.confidence) });
    result.reading.doubtful.forEach((words, line) => {
      for (const word of words) doubtful.push({ text: result.lines[line]!.slice(word.start, word.end), page, line: line + 1 });
    });
  });
  if (confidences.length) read.notes.push({ kind: "ocr-read", pages: confidences });
  if (doubtful.length)
    read.notes.push({
      kind: "doubtful-words",
      words: doubtful.slice(0, doubtfulListed),
      more: Math.max(0, doubtful.length - doubtfulListed),
    });
  read.notes.push(...unread);
  return read;
}
