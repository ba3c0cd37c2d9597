import { RE2JS } from "re2js";
import type { TokenMatch } from "./phrase.js";
import type { Sentence } from "./sentence.js";

/*
 * Rule regular expressions run on RE2 (linear time), so a user's pattern such as
 * (a+)+$ cannot hang the tool; RE2 has no look-behind or back-references.
 */
export type Regex = ReturnType<typeof RE2JS.compile>;

export function compileRegex(source: string): Regex {
  return RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
}

export function findRegex(regex: Regex, sentence: Sentence): TokenMatch | undefined {
  if (!regex.test(sentence.text)) return undefined; // twice as fast as a matcher, and most sentences fail
  const matcher = regex.matcher(sentence.text);
  if (!matcher.find()) return undefined;
  const from = sentence.span.start + matcher.start();
  const to = sentence.span.start + matcher.end();
  const words = sentence.tokens.flatMap((t, i) => (t.end > from && t.start < to ? [i] : []));
  if (words.length === 0) return undefined;
  return { start: words[0]!, end: words.at(-1)! + 1, words };
}
