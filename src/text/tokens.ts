import PorterStemmer from "natural/lib/natural/stemmers/porter_stemmer.js";
import SpanishStemmer from "natural/lib/natural/stemmers/porter_stemmer_es.js";
import type { Token } from "../types.js";

// Hyphens split words ("de-identified" is "de" + "identified"), so a rule can match either spelling.
const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
// Porter knows no irregular verbs; these are the ones consent forms use for what happens to data.
const irregular: Record<string, string> = {
  sent: "send",
  sold: "sell",
  given: "give",
  gave: "give",
  kept: "keep",
  made: "make",
  held: "hold",
  told: "tell",
  taken: "take",
  took: "take",
  done: "do",
  did: "do",
  paid: "pay",
  bought: "buy",
  brought: "bring",
  shown: "show",
  known: "know",
  written: "write",
  chosen: "choose",
  chose: "choose",
  withdrew: "withdraw",
  withdrawn: "withdraw",
  lost: "lose",
  stolen: "steal",
  forgotten: "forget",
};
const stems = new Map<string, string>();

function englishStem(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    // Porter stems "use" and "used" to "us"; the pronoun gets a stem of its own.
    stemmed = word === "us" ? "us (pronoun)" : /^\p{L}+$/u.test(word) ? PorterStemmer.stem(irregular[word] ?? word) : word;
    stems.set(word, stemmed);
  }
  return stemmed;
}

/*
 * Spanish words are matched without their accents, ñ and ü ("divulgacion" is
 * "divulgación"): scans and keyboards drop them. The Spanish Porter stemmer is given the
 * word without accents too, so that both spellings get one stem; only the noun endings
 * it knows with their accent ("-ación", "-ución", "-logía") get it back first, so that
 * "autorización" meets "autorizar" (both "autoriz").
 */
const spanishStems = new Map<string, string>();
const accentedEndings: [RegExp, string][] = [
  [/acion$/, "ación"],
  [/ucion$/, "ución"],
  [/logia(s?)$/, "logía$1"],
];

function spanishStem(word: string): string {
  let stemmed = spanishStems.get(word);
  if (stemmed === undefined) {
    const accented = accentedEndings.reduce((w, [ending, withAccent]) => w.replace(ending, withAccent), word);
    stemmed = /^\p{L}+$/u.test(word) ? withoutAccents(SpanishStemmer.stem(accented)) : word;
    spanishStems.set(word, stemmed);
  }
  return stemmed;
}

const withoutAccents = (word: string) => word.normalize("NFD").replace(/\p{M}+/gu, "");

/** The stem of a normalized word in a language: Porter's for English (and any language without a stemmer), else that language's. */
export function stem(word: string, language = "en"): string {
  return language === "es" ? spanishStem(word) : englishStem(word);
}

/** A word as tokens hold it: lower case, with curly apostrophes made straight; in Spanish, without accents. */
export function normalizeWord(word: string, language = "en"): string {
  const lower = word.toLowerCase().replace(/’/g, "'");
  return language === "es" ? withoutAccents(lower) : lower;
}

/** The words of `text` between `from` and `to` in a language, with their offsets in `text`. */
export function tokenize(text: string, from = 0, to = text.length, language = "en"): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(wordPattern)) {
    const word = normalizeWord(m[0], language);
    const start = from + m.index;
    tokens.push({ start, end: start + m[0].length, word, stem: stem(word, language) });
  }
  return tokens;
}
