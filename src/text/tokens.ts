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
// Each word once per process and language, with its stem: a long form's tokens share their strings.
interface KnownWord {
  word: string;
  stem: string;
}
const englishWords = new Map<string, KnownWord>();
const spanishWords = new Map<string, KnownWord>();

function remember(words: Map<string, KnownWord>, word: string, stemmed: string): KnownWord {
  if (words.size > 200_000) words.clear();
  const entry = { word, stem: stemmed };
  words.set(word, entry);
  return entry;
}

function englishWord(word: string): KnownWord {
  const entry = englishWords.get(word);
  if (entry !== undefined) return entry;
  // Porter stems "use" and "used" to "us"; the pronoun gets a stem of its own.
  const stemmed = word === "us" ? "us (pronoun)" : /^\p{L}+$/u.test(word) ? PorterStemmer.stem(irregular[word] ?? word) : word;
  return remember(englishWords, word, stemmed);
}

/*
 * Spanish words are matched without their accents, ñ and ü ("divulgacion" is
 * "divulgación"): scans and keyboards drop them. The Spanish Porter stemmer is given the
 * word without accents too, so that both spellings get one stem; only the noun endings
 * it knows with their accent ("-ación", "-ución", "-logía") get it back first, so that
 * "autorización" meets "autorizar" (both "autoriz").
 */
const accentedEndings: [RegExp, string][] = [
  [/acion$/, "ación"],
  [/ucion$/, "ución"],
  [/logia(s?)$/, "logía$1"],
];

function spanishWord(word: string): KnownWord {
  const entry = spanishWords.get(word);
  if (entry !== undefined) return entry;
  const accented = accentedEndings.reduce((w, [ending, withAccent]) => w.replace(ending, withAccent), word);
  const stemmed = /^\p{L}+$/u.test(word) ? withoutAccents(SpanishStemmer.stem(accented)) : word;
  return remember(spanishWords, word, stemmed);
}

const withoutAccents = (word: string) => word.normalize("NFD").replace(/\p{M}+/gu, "");

const known = (word: string, language: string): KnownWord => (language === "es" ? spanishWord(word) : englishWord(word));

/** The stem of a normalized word in a language: Porter's for English (and any language without a stemmer), else that language's. */
export const stem = (word: string, language = "en"): string => known(word, language).stem;

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
    const { word, stem } = known(normalizeWord(m[0], language), language);
    const start = from + m.index;
    tokens.push({ start, end: start + m[0].length, word, stem });
  }
  return tokens;
}
