import PorterStemmer from "natural/lib/natural/stemmers/porter_stemmer.js";
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
// Each word once per process, with its stem: a long form's tokens share their strings.
const words = new Map<string, { word: string; stem: string }>();

function known(word: string): { word: string; stem: string } {
  let entry = words.get(word);
  if (entry === undefined) {
    // Porter stems "use" and "used" to "us"; the pronoun gets a stem of its own.
    const stemmed = word === "us" ? "us (pronoun)" : /^\p{L}+$/u.test(word) ? PorterStemmer.stem(irregular[word] ?? word) : word;
    if (words.size > 200_000) words.clear();
    words.set(word, (entry = { word, stem: stemmed }));
  }
  return entry;
}

export const stem = (word: string): string => known(word).stem;

export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/’/g, "'");
}

/** The words of `text` between `from` and `to`, with their offsets in `text`. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(wordPattern)) {
    const { word, stem } = known(normalizeWord(m[0]));
    const start = from + m.index;
    tokens.push({ start, end: start + m[0].length, word, stem });
  }
  return tokens;
}
