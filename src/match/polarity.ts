import type { Polarity } from "../types.js";
import { parsePhrase, type Lists, type Phrase } from "./patterns/phrase/parse.js";
import { findAll } from "./patterns/phrase/search.js";
import type { MatchSentence, TokenMatch } from "./sentence.js";

/** The words that decide polarity (rules/language.yaml), as phrases. */
export interface Language<P = string> {
  negations: P[];
  narrowNegations: P[];
  pseudoNegations: P[];
  narrowScope: number;
  scope: number;
  terminators: P[];
  exceptions: P[];
  consentExceptions: P[];
  subordinators: P[];
}

export type CompiledLanguage = Language<Phrase>;

/** The polarity words of a language no pack gives any for: nothing turns its findings round. */
export const noPolarityWords: CompiledLanguage = {
  negations: [],
  narrowNegations: [],
  pseudoNegations: [],
  narrowScope: 3,
  scope: 12,
  terminators: [],
  exceptions: [],
  consentExceptions: [],
  subordinators: [],
};

export function compileLanguage(language: Language, lists: Lists): CompiledLanguage {
  const phrases = (list: string[]) => list.map((p) => parsePhrase(p, lists));
  return {
    negations: phrases(language.negations),
    narrowNegations: phrases(language.narrowNegations),
    pseudoNegations: phrases(language.pseudoNegations),
    narrowScope: language.narrowScope,
    scope: language.scope,
    terminators: phrases(language.terminators),
    exceptions: phrases(language.exceptions),
    consentExceptions: phrases(language.consentExceptions),
    subordinators: phrases(language.subordinators),
  };
}

export interface Verdict {
  polarity: Polarity;
  /** The word that decided it, when it is not the rule's plain polarity. */
  cue?: string;
}

const flip = (p: Polarity): Polarity => (p === "risk" ? "protection" : "risk");

/*
 * NegEx/ConText: a negation word negates what follows it in its clause, up to
 * `scope` words, unless a terminator ("but", "however", a semicolon) comes
 * first (or a semicolon, colon or bracket); in a clause opened by "if", "when" or
 * "which" a comma ends it too. "without" negates only the next few words, up to a comma: "without your
 * name" says nothing about sharing. An exception anywhere in the sentence ("unless required
 * by law", "except as described") reopens the door, so the plain polarity stands.
 * Words that the rule's own pattern matched ("cannot be withdrawn") are part of
 * the claim, not a negation of it.
 */
export function decidePolarity(plain: Polarity, match: TokenMatch, sentence: MatchSentence, language: CompiledLanguage): Verdict {
  const own = new Set(match.words);
  const occurrences = (phrases: typeof language.negations) =>
    phrases.flatMap((p) => findAll(p, sentence)).filter((o) => !o.words.some((w) => own.has(w)));
  const negations = occurrences(language.negations);
  const narrowNegations = occurrences(language.narrowNegations);
  // Most sentences hold no negation word: then nothing below can turn the claim round.
  if (negations.length === 0 && narrowNegations.length === 0) return { polarity: plain };

  // A terminator counts even where the rule's words overlap it ("or you may leave").
  const terminators = language.terminators.flatMap((p) => findAll(p, sentence));
  // "Yes [ ] No" and "whether or not" hold a negation word but negate nothing (NegEx's pseudo-negations).
  const pseudo = language.pseudoNegations.flatMap((p) => findAll(p, sentence));
  const real = (n: TokenMatch) => !pseudo.some((p) => p.start <= n.start && n.end <= p.end);
  const clauseBreak = (from: number, to: number) =>
    terminators.some((t) => t.start >= from && t.start < to) || /[;:()]/.test(textBetween(sentence, from, to));

  const subordinators = occurrences(language.subordinators);
  const inSubordinateClause = (n: TokenMatch) =>
    subordinators.some((s) => s.end <= n.start && !textBetween(sentence, s.end, n.start).includes(","));
  const negates = (n: TokenMatch, scope: number) => {
    if (n.start >= match.end) return false; // after the claim
    if (n.end <= match.start)
      return (
        match.start - n.end <= scope &&
        !clauseBreak(n.end, match.start) &&
        !(inSubordinateClause(n) && textBetween(sentence, n.end, match.start).includes(","))
      );
    return true; // inside the matched words, e.g. "share it with no one"
  };
  const negation =
    negations.find((n) => real(n) && negates(n, language.scope)) ??
    // A narrow negation covers the words it names ("sin su nombre, pueden venderse"): a comma ends it.
    narrowNegations.find(
      (n) =>
        real(n) && n.end <= match.start && negates(n, language.narrowScope) && !textBetween(sentence, n.end, match.start).includes(","),
    );
  if (!negation) return { polarity: plain };

  const keepsPromise = occurrences(language.consentExceptions);
  const exception = occurrences(language.exceptions).find((e) => !keepsPromise.some((k) => k.start <= e.start && k.end > e.start));
  if (exception) return { polarity: plain, cue: wordsOf(sentence, exception) };
  return { polarity: flip(plain), cue: wordsOf(sentence, negation) };
}

function textBetween(sentence: MatchSentence, fromToken: number, toToken: number): string {
  if (toToken <= fromToken) return "";
  const base = sentence.span.start;
  return sentence.text.slice(sentence.tokens[fromToken - 1]!.end - base, sentence.tokens[toToken]!.start - base);
}

const wordsOf = (sentence: MatchSentence, m: TokenMatch) =>
  sentence.text.slice(sentence.tokens[m.start]!.start - sentence.span.start, sentence.tokens[m.end - 1]!.end - sentence.span.start);
