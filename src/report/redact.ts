import type { Document, ExtractionNote, Report, Span, Text } from "../types.js";
import { sectionTitle } from "../assess/readability.js";

/*
 * Masking: the report of a filled-in form quotes no identifier of the person who filled it
 * in. Each character of an identifier becomes a block (line breaks stay), in the normalized
 * text and in the extracted text alike, so every offset into them still holds: the findings,
 * places and marks computed on the real text point at the same words of the masked one. A
 * report is masked before any formatter sees it, so no format, and no part of one (the HTML's
 * full text, a heading, a section title), can quote the real text.
 */

/** What stands for each character of an identifier. */
export const maskCharacter = "█";

function masked(value: string, spans: Span[]): string {
  let out = "";
  let at = 0;
  for (const { start, end } of spans) {
    if (end <= at) continue;
    out += value.slice(at, Math.max(at, start)) + value.slice(Math.max(at, start), end).replace(/[^\n]/g, maskCharacter);
    at = end;
  }
  return out + value.slice(at);
}

// The spans of the extracted text the identifiers came from.
const rawSpans = (text: Text, spans: Span[]): Span[] =>
  spans
    .map(({ start, end }) => ({ start: text.origin[start] ?? 0, end: (text.origin[end - 1] ?? 0) + 1 }))
    .sort((a, b) => a.start - b.start);

// Notes quote words of the form (words OCR read with low confidence): any word of an identifier is masked there too.
function maskedNotes(document: Document, words: Set<string>): ExtractionNote[] {
  if (!words.size) return document.notes;
  const mask = (text: string) =>
    text.replace(/[\p{L}\p{N}][\p{L}\p{N}@.\-'’/]*/gu, (w) => (words.has(w) ? maskCharacter.repeat(w.length) : w));
  return document.notes.map((note) =>
    note.kind === "doubtful-words" ? { ...note, words: note.words.map((word) => ({ ...word, text: mask(word.text) })) } : note,
  );
}

/** The report with every identifier masked; `redacted` is set so that reports can say so. */
export function redact(report: Report): Report {
  const { text, identifiers } = report;
  const value = masked(text.value, identifiers);
  const words = new Set(
    identifiers.flatMap(({ start, end }) => text.value.slice(start, end).split(/[\s,()]+/)).filter((w) => w.length > 1),
  );
  const document: Document = {
    ...text.document,
    raw: masked(text.document.raw, rawSpans(text, identifiers)),
    notes: maskedNotes(text.document, words),
  };
  const sections = report.readability.sections.map((s) => (s.heading ? { ...s, title: sectionTitle(value, s.heading) } : s));
  return { ...report, text: { ...text, value, document }, readability: { ...report.readability, sections }, redacted: true };
}
