/*
 * Reading ease of Spanish text, for the tests of the tool's own Spanish words: the formula and
 * the syllable counter are those the tool measures Spanish forms with (src/assess/spanish-readability.ts).
 */
import { fernandezHuerta as ease, plainSpanishEase, spanishSyllables } from "../src/assess/spanish-readability.js";

export const syllables = spanishSyllables;

const wordsOf = (text: string) => text.match(/\p{L}+/gu) ?? [];
// A sentence ends at . ? ! or a colon; a line without an end is a sentence too (a heading, a list item).
const sentencesOf = (text: string) => text.split(/[.?!:]+(?:\s|$)|\n+/).filter((s) => wordsOf(s).length > 0);

/** Fernández Huerta's reading ease of a text: higher is easier; 60 and up is grade 8 or below. */
export function fernandezHuerta(text: string): number {
  const words = wordsOf(text);
  return ease(
    words.length,
    sentencesOf(text).length,
    words.reduce((sum, w) => sum + syllables(w), 0),
  );
}

/** The reading ease a patient's Spanish text must reach: grade 8 or below. */
export const plainSpanish = plainSpanishEase;
