import type { OcrReading } from "./document.js";
import type { PageImage } from "./image.js";
import type { OcrOptions } from "./ocr.js";

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
  notes: string[];
}

// The report lists this many doubtful words; the JSON report has them all.
const doubtfulListed = 12;

/** Reads the pages by OCR (Tesseract loads only now) and says what the reader should know about it. */
export async function readByOcr(pages: ReadPages, options: OcrOptions = {}): Promise<OcrRead> {
  const { ocrPages } = await import("./ocr.js");
  const results = await ocrPages(pages.length, (i) => pages[i]!.picture(), options);
  const read: OcrRead = { lines: new Map(), readings: new Map(), found: 0, failures: [], notes: [] };
  const confidences: string[] = [];
  const doubtful: string[] = [];
  const unread: string[] = [];
  results.forEach((result, i) => {
    const { page } = pages[i]!;
    if (result instanceof Error) {
      read.failures.push(result.message);
      return unread.push(`page ${page} could not be read by OCR (${result.message}); it was not checked`);
    }
    if (!result.reading.words) return unread.push(`no text found on page ${page}, even by OCR; it was not checked`);
    read.found++;
    read.lines.set(page, result.lines);
    read.readings.set(page, result.reading);
    confidences.push(`${page} (${Math.round(result.reading.confidence)}%)`);
    result.reading.doubtful.forEach((words, line) => {
      for (const word of words) doubtful.push(`"${result.lines[line]!.slice(word.start, word.end)}" (p${page}:${line + 1})`);
    });
  });
  if (confidences.length) read.notes.push(`read by OCR, page (mean word confidence): ${confidences.join(", ")}`);
  if (doubtful.length) {
    const more = doubtful.length > doubtfulListed ? ` and ${doubtful.length - doubtfulListed} more` : "";
    read.notes.push(`words read with low confidence, check them on the form: ${doubtful.slice(0, doubtfulListed).join(", ")}${more}`);
  }
  read.notes.push(...unread);
  return read;
}
