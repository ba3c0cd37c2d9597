/*
 * Reading ease of Spanish text, for the tests of the tool's own Spanish words.
 *
 * Fernández Huerta (1959) adapted Flesch's reading ease to Spanish:
 *   L = 206.84 − 0.60 · P − 1.02 · F,  P = syllables per 100 words.
 * As published, F is "sentences per 100 words", which would make long sentences read
 * easier; we use words per sentence, as Flesch's formula does and as Law (2011, "Error
 * in the Fernández Huerta readability formula") shows was meant. On its scale 60-70 is
 * "normal" (about grade 7-8), 70-80 fairly easy, 80-90 easy: 60 is the floor that matches
 * the grade 8 the English words are held to.
 *
 * No maintained npm package counts Spanish syllables (silabify, silabea and simi-syllable
 * are unmaintained forks or single releases), and Spanish spelling is regular enough for
 * a short counter: one syllable per group of vowels, plus one for each pair of strong
 * vowels side by side (a hiatus: "le-er", "po-e-ta", "dí-a"); the u of que/qui/gue/gui is
 * silent, and a y ends a syllable as a vowel only at the end of a word ("ley", "muy").
 */

const strong = new Set("aeoáéóíú"); // an accented í or ú breaks a diphthong as a strong vowel does
const vowels = new Set("aeiouáéíóúü");

/** Syllables of one Spanish word. */
export function syllables(word: string): number {
  const w = word
    .toLowerCase()
    .replace(/([qg])u([eéií])/g, "$1$2")
    .replace(/y$/, "i");
  let count = 0;
  for (let i = 0; i < w.length; i++) {
    if (!vowels.has(w[i]!)) continue;
    if (i === 0 || !vowels.has(w[i - 1]!)) count++;
    else if (strong.has(w[i]!) && strong.has(w[i - 1]!)) count++;
  }
  return Math.max(1, count);
}

const wordsOf = (text: string) => text.match(/\p{L}+/gu) ?? [];
// A sentence ends at . ? ! or a colon; a line without an end is a sentence too (a heading, a list item).
const sentencesOf = (text: string) => text.split(/[.?!:]+(?:\s|$)|\n+/).filter((s) => wordsOf(s).length > 0);

/** Fernández Huerta's reading ease of a text (see above): higher is easier; 60 and up is grade 8 or below. */
export function fernandezHuerta(text: string): number {
  const words = wordsOf(text);
  const perHundredWords = (100 * words.reduce((sum, w) => sum + syllables(w), 0)) / words.length;
  const wordsPerSentence = words.length / sentencesOf(text).length;
  return 206.84 - 0.6 * perHundredWords - 1.02 * wordsPerSentence;
}

/** The reading ease a patient's Spanish text must reach: grade 8 or below. */
export const plainSpanish = 60;
