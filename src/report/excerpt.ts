import type { Document, Finding, Span, Text } from "../types.js";

/** The quoted part of a finding: the only place the report stage reads the form's text. */
export interface Excerpt {
  before: string;
  match: string;
  after: string;
}

/** The finding's sentence, split around the matched words. `limit` trims long sentences around the match. */
export function excerpt(text: Text, finding: Finding, limit = Infinity): Excerpt {
  const { sentence, span } = finding;
  let before = text.value.slice(sentence.start, span.start);
  let after = text.value.slice(span.end, sentence.end);
  const room = Math.max(0, limit - (span.end - span.start));
  if (before.length + after.length > room) {
    const keepBefore = Math.min(before.length, Math.max(Math.floor(room / 2), room - after.length));
    const keepAfter = Math.min(after.length, room - keepBefore);
    if (keepBefore < before.length) before = "…" + before.slice(before.length - keepBefore).replace(/^\S*\s/, "");
    if (keepAfter < after.length) after = after.slice(0, keepAfter).replace(/\s\S*$/, "") + "…";
  }
  return { before, match: text.value.slice(span.start, span.end), after };
}

/** Words of the extracted text itself, before normalization (e.g. a word OCR was unsure of). */
export const rawQuote = (document: Document, span: Span) => document.raw.slice(span.start, span.end);

/** A whole sentence of the form. */
export const quote = (text: Text, span: Span) => text.value.slice(span.start, span.end);

/** A sentence of the form, shortened at a word to at most `limit` characters. */
export function excerptOf(text: Text, span: Span, limit: number): string {
  const whole = quote(text, span).replace(/\s+/g, " ");
  return whole.length <= limit ? whole : whole.slice(0, limit).replace(/\s\S*$/, "") + "…";
}
