import type { Span, Text, Token } from "../types.js";
import type { Phrase } from "./patterns/phrase/parse.js";
import { exactKey, stemKey } from "./patterns/phrase/prefilter.js";
import { sentenceLanguages, undetermined } from "../text/language.js";

/** A match of a pattern in a sentence: tokens [start, end), and which tokens named words of the pattern matched. */
export interface TokenMatch {
  start: number;
  end: number;
  words: number[];
}

/** Finds a pattern's first match in a sentence; every pattern kind compiles to one. */
export type Matcher = (sentence: MatchSentence) => TokenMatch | undefined;

/** A sentence as matchers see it: its words with offsets into the whole normalized text, and keys for quick checks. */
export interface MatchSentence {
  span: Span;
  text: string;
  tokens: Token[];
  /** Every stem key and exact key of the sentence's tokens. */
  keys: Set<string>;
  /** Each token's stem key and exact key, made once per sentence. */
  tokenKeys: [string, string][];
  /** Each phrase's matches, remembered for one pass of the rules over this sentence. */
  found: Map<Phrase, TokenMatch[]>;
  /** Which prefilter key sets the sentence holds a key of, by id (worked out on first use). */
  heldKeySets?: Uint32Array;
}

/** A sentence of the text, already tokenized, ready for matchers. */
export function matchSentence(value: string, sentence: Span & { tokens: Token[] }): MatchSentence {
  const { tokens } = sentence;
  const keys = new Set<string>();
  const tokenKeys = tokens.map((t): [string, string] => [stemKey(t.stem), exactKey(t.word)]);
  for (const [stemmed, exact] of tokenKeys) keys.add(stemmed).add(exact);
  return {
    span: { start: sentence.start, end: sentence.end },
    text: value.slice(sentence.start, sentence.end),
    tokens,
    keys,
    tokenKeys,
    found: new Map(),
  };
}

/** A sentence of the text for matchers, with the sentence that introduced its list, if any. */
export interface SentenceInContext {
  sentence: MatchSentence;
  leadIn?: MatchSentence;
  heading: boolean;
  /** The language of the sentence's section of the text. */
  language: string;
}

/**
 * The text's sentences for matchers, built as they are visited: their tokens come
 * from normalization, and a long form never holds every sentence's keys and
 * remembered matches at once.
 */
export function* matchSentences(text: Text): Generator<SentenceInContext> {
  const languages = sentenceLanguages(text);
  for (const [i, sentence] of text.sentences.entries()) {
    const leadIn = sentence.leadIn === undefined ? undefined : text.sentences[sentence.leadIn];
    yield {
      sentence: matchSentence(text.value, sentence),
      ...(leadIn ? { leadIn: matchSentence(text.value, leadIn) } : {}),
      heading: sentence.heading,
      language: languages[i]!,
    };
  }
}

/** Whether what is worded in `language` reads a sentence of `sentenceLanguage`: its own, and any whose language could not be told. */
export const reads = (language: string, sentenceLanguage: string) => sentenceLanguage === language || sentenceLanguage === undetermined;
