import type { Span } from "../types.js";

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });
// Intl.Segmenter ends a sentence after any "word." followed by a capital; these words
// are abbreviations or list numbers, so the sentence goes on.
const abbreviation =
  /\b(dr|mr|mrs|ms|prof|st|ave|blvd|rd|no|nos|vs|inc|ltd|co|corp|jr|sr|dept|approx|sec|fig|ph|md|u\.s|e\.g|i\.e|[a-z])\.$/i;
const listNumber = /^\(?\w{1,3}[.)]$/;

// Only the end of the text is looked at, so a long run of abbreviations costs no more than a short one.
// The tail is longer than any abbreviation, so \b still sees the character before it.
const continues = (text: string) => {
  const sentence = text.trimEnd();
  return abbreviation.test(sentence.slice(-12)) || (sentence.length <= 16 && listNumber.test(sentence.trim()));
};

/** Sentence spans of `value`, which never cross a paragraph start. Leading and trailing space is trimmed. */
export function splitSentences(value: string, paragraphStarts: number[]): Span[] {
  const sentences: Span[] = [];
  const bounds = [...paragraphStarts, value.length];
  for (let p = 0; p + 1 < bounds.length; p++) {
    for (const [from, to] of chunks(value, bounds[p]!, bounds[p + 1]!)) {
      const paragraph = value.slice(from, to);
      let start: number | undefined;
      for (const { segment, index } of segmenter.segment(paragraph)) {
        start ??= index;
        const end = index + segment.length;
        if (end < paragraph.length && continues(paragraph.slice(start, end))) continue;
        pushTrimmed(sentences, value, from + start, from + end);
        start = undefined;
      }
    }
  }
  return sentences;
}

// Intl.Segmenter slows down sharply on very long strings (seconds for a long
// paragraph of a 100-page form), so long paragraphs go to it in pieces cut
// after a full stop that starts a new sentence. A piece is never longer than
// chunkSize, and so neither is a sentence: text with no sentence end (a table
// flattened into one line, or a hostile file) is cut at a clause or a space,
// which keeps matching linear in the length of the text. Real sentences are
// well under a thousand characters.
const chunkSize = 2000;
const sentenceEnd = /[.!?]["”’)]?\s+(?=["“(]?[A-Z0-9])/g;
const clauseEnd = /[;:,]\s+/g;
function chunks(value: string, from: number, to: number): [number, number][] {
  const pieces: [number, number][] = [];
  while (to - from > chunkSize) {
    const window = value.slice(from, from + chunkSize);
    // A cut in the window's first half is only taken at a sentence end; then the next window starts there.
    const cut =
      lastCut(window, sentenceEnd, 0, (end) => !continues(window.slice(0, end))) ||
      lastCut(window, clauseEnd, chunkSize / 2) ||
      lastSpace(window);
    pieces.push([from, from + cut]);
    from += cut;
  }
  pieces.push([from, to]);
  return pieces;
}

/** The offset just after the last match of `pattern` in `window` past `min` that `accept`s the text before it (0 if none). */
function lastCut(window: string, pattern: RegExp, min: number, accept = (_end: number) => true): number {
  let cut = 0;
  for (const m of window.matchAll(pattern)) if (m.index >= min && accept(m.index + 1)) cut = m.index + m[0].length;
  return cut;
}

// After the window's last space in its second half, or the whole window if there is none (one long run of letters).
function lastSpace(window: string): number {
  const space = window.lastIndexOf(" ");
  return space >= window.length / 2 ? space + 1 : window.length;
}

function pushTrimmed(sentences: Span[], value: string, start: number, end: number) {
  while (start < end && /\s/.test(value[start]!)) start++;
  while (end > start && /\s/.test(value[end - 1]!)) end--;
  if (end > start) sentences.push({ start, end });
}
