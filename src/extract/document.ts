import type { Document, DoubtfulWord, InputFormat, OcrPage } from "../types.js";

/** What OCR adds to a page's lines: the mean confidence and, line by line, the doubtful words (offsets within the line). */
export interface OcrReading {
  confidence: number;
  words: number;
  doubtful: DoubtfulWord[][];
}

/** Builds a Document from the lines of each page, recording where pages and lines start. */
export function documentFromPages(
  path: string,
  format: InputFormat,
  pages: string[][],
  options: { linesAreParagraphs: boolean; notes?: string[]; ocr?: (OcrReading | undefined)[]; garbled?: number[] },
): Document {
  const pageStarts: number[] = [];
  const lineStarts: number[] = [];
  const ocr: OcrPage[] = [];
  let raw = "";
  pages.forEach((lines, index) => {
    pageStarts.push(raw.length);
    const reading = options.ocr?.[index];
    const doubtful: DoubtfulWord[] = [];
    lines.forEach((line, n) => {
      lineStarts.push(raw.length);
      for (const word of reading?.doubtful[n] ?? [])
        doubtful.push({ start: raw.length + word.start, end: raw.length + word.end, confidence: word.confidence });
      raw += line + "\n";
    });
    if (reading) ocr.push({ page: index + 1, confidence: reading.confidence, words: reading.words, doubtful });
  });
  return {
    path,
    format,
    raw,
    pageStarts,
    lineStarts,
    linesAreParagraphs: options.linesAreParagraphs,
    notes: options.notes ?? [],
    ocr,
    garbled: options.garbled ?? [],
  };
}
