import type { Span } from "../types.js";
import { tokenize, type Token } from "../text/tokens.js";
import { tokensOf, type Tokens } from "./phrase.js";

/** A sentence as matchers see it: its words with offsets into the whole normalized text. */
export interface Sentence extends Tokens {
  span: Span;
  text: string;
  tokens: Token[];
}

export function sentenceOf(value: string, span: Span): Sentence {
  const tokens = tokenize(value, span.start, span.end);
  return { span, text: value.slice(span.start, span.end), ...tokensOf(tokens) };
}
