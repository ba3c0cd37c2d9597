import { RE2JS } from "re2js";
import type { MatchSentence, TokenMatch } from "../sentence.js";
import type { PatternKind } from "./kind.js";

/*
 * Rule regular expressions run on RE2 (linear time), so a user's pattern such as
 * (a+)+$ cannot hang the tool; RE2 has no look-behind or back-references.
 */
export interface RegexPattern {
  regex: string;
}

type Regex = ReturnType<typeof RE2JS.compile>;

export const regexKind: PatternKind<RegexPattern> = {
  key: "regex",
  schema: (z) =>
    z.strictObject({ regex: z.string().min(1) }).describe("A regular expression (RE2 syntax, case-insensitive) on the sentence"),
  compile: (pattern) => {
    const regex = RE2JS.compile(pattern.regex, RE2JS.CASE_INSENSITIVE);
    return (s) => findRegex(regex, s);
  },
  describe: (p) => `regex ${p.regex}`,
};

function findRegex(regex: Regex, sentence: MatchSentence): TokenMatch | undefined {
  if (!regex.test(sentence.text)) return undefined; // twice as fast as a matcher, and most sentences fail
  const matcher = regex.matcher(sentence.text);
  if (!matcher.find()) return undefined;
  const from = sentence.span.start + matcher.start();
  const to = sentence.span.start + matcher.end();
  const words = sentence.tokens.flatMap((t, i) => (t.end > from && t.start < to ? [i] : []));
  if (words.length === 0) return undefined;
  return { start: words[0]!, end: words.at(-1)! + 1, words };
}
