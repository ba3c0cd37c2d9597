/*
 * Reading ease of Spanish text: Fernández Huerta (1959), Flesch's reading ease adapted to Spanish:
 *   L = 206.84 − 0.60 · P − 1.02 · F,  P = syllables per 100 words, F = words per sentence.
 * As published, F is "sentences per 100 words", which would make long sentences read easier;
 * we use words per sentence, as Flesch's formula does and as Law (2011, "Error in the Fernández
 * Huerta readability formula") shows was meant. On its scale 60-70 is "normal" (about grade
 * 7-8), 70-80 fairly easy, 80-90 easy: 60 is the floor that matches the grade 8 asked of
 * English forms.
 *
 * No maintained npm package counts Spanish syllables, and Spanish spelling is regular enough
 * for a short counter: one syllable per group of vowels, plus one for each pair of strong
 * vowels side by side (a hiatus: "le-er", "po-e-ta", "dí-a"); the u of que/qui/gue/gui is
 * silent, and a y ends a syllable as a vowel only at the end of a word ("ley", "muy").
 */

/** The reading ease a Spanish text should reach: about grade 8 or below. */
export const plainSpanishEase = 60;

const strong = new Set("aeoáéóíú"); // an accented í or ú breaks a diphthong as a strong vowel does
const vowels = new Set("aeiouáéíóúü");

/** Syllables of one Spanish word (with its accents: "día" has two). */
export function spanishSyllables(word: string): number {
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

/** Fernández Huerta's reading ease from counts: higher is easier; 60 and up is about grade 8 or below. */
export const fernandezHuerta = (words: number, sentences: number, syllables: number): number =>
  206.84 - 0.6 * ((100 * syllables) / words) - 1.02 * (words / sentences);
