import type { Span } from "../types.js";

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });
// Intl.Segmenter ends a sentence after any "word." followed by a capital; these words
// are abbreviations or list numbers, so the sentence goes on.
const continues =
  /(\b(dr|mr|mrs|ms|prof|st|ave|blvd|rd|no|nos|vs|inc|ltd|co|corp|jr|sr|dept|approx|sec|fig|ph|md|u\.s|e\.g|i\.e|[a-z])\.|^\s*\(?\w{1,3}[.)])\s*$/i;

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
        if (end < paragraph.length && continues.test(paragraph.slice(start, end))) continue;
        pushTrimmed(sentences, value, from + start, from + end);
        start = undefined;
      }
    }
  }
  return sentences;
}

// Intl.Segmenter slows down sharply on very long strings (seconds for a long
// paragraph of a 100-page form), so long paragraphs go to it in pieces cut
// after a full stop that starts a new sentence.
const chunkSize = 2000;
const sentenceEnd = /[.!?]["”’)]?\s+(?=["“(]?[A-Z0-9])/g;
function chunks(value: string, from: number, to: number): [number, number][] {
  const pieces: [number, number][] = [];
  while (to - from > chunkSize) {
    const window = value.slice(from, from + chunkSize);
    let cut = 0;
    for (const m of window.matchAll(sentenceEnd)) if (!continues.test(window.slice(0, m.index + 1))) cut = m.index + m[0].length;
    if (cut === 0) break;
    pieces.push([from, from + cut]);
    from += cut;
  }
  pieces.push([from, to]);
  return pieces;
}

function pushTrimmed(sentences: Span[], value: string, start: number, end: number) {
  while (start < end && /\s/.test(value[start]!)) start++;
  while (end > start && /\s/.test(value[end - 1]!)) end--;
  if (end > start) sentences.push({ start, end });
}
