import type { Document, InputFormat } from "../types.js";

/** Builds a Document from the lines of each page, recording where pages and lines start. */
export function documentFromPages(
  path: string,
  format: InputFormat,
  pages: string[][],
  options: { linesAreParagraphs: boolean; notes?: string[] },
): Document {
  const pageStarts: number[] = [];
  const lineStarts: number[] = [];
  let raw = "";
  for (const lines of pages) {
    pageStarts.push(raw.length);
    for (const line of lines) {
      lineStarts.push(raw.length);
      raw += line + "\n";
    }
  }
  return { path, format, raw, pageStarts, lineStarts, linesAreParagraphs: options.linesAreParagraphs, notes: options.notes ?? [] };
}
