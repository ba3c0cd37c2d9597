import type { PatternKind } from "../kind.js";
import { parsePhrase } from "./parse.js";
import { findAll } from "./search.js";

/** `{ phrase: "..." }`, or the phrase alone: words in order (the phrase language of parse.ts). */
export interface PhrasePattern {
  phrase: string;
}

export const phraseKind: PatternKind<PhrasePattern> = {
  key: "phrase",
  schema: (z) => z.strictObject({ phrase: z.string().min(1, "a phrase cannot be empty") }),
  compile: (pattern, { lists }) => {
    const phrase = parsePhrase(pattern.phrase, lists);
    return (s) => findAll(phrase, s)[0];
  },
  describe: (pattern) => pattern.phrase,
};
