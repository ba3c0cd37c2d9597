import type { Language, Pattern, Rule } from "./schema.js";
import { findAll, parsePhrase, type Lists, type Phrase, type TokenMatch } from "./phrase.js";
import { findNear } from "./near.js";
import { compileRegex, findRegex } from "./regex.js";
import type { Sentence } from "./sentence.js";

export type Matcher = (sentence: Sentence) => TokenMatch | undefined;

export interface CompiledRule {
  rule: Rule;
  /** The first pattern that matches gives the finding. */
  patterns: Matcher[];
  requires: Phrase[];
  excludes: Phrase[];
}

export interface CompiledLanguage {
  negations: Phrase[];
  narrowNegations: Phrase[];
  narrowScope: number;
  scope: number;
  terminators: Phrase[];
  exceptions: Phrase[];
  consentExceptions: Phrase[];
  subordinators: Phrase[];
}

/** Compiles one pattern; throws PhraseError or a regex syntax error, which the loader places in its file. */
export function compilePattern(pattern: Pattern, lists: Lists): Matcher {
  if (typeof pattern === "string" || "phrase" in pattern) {
    const phrase = parsePhrase(typeof pattern === "string" ? pattern : pattern.phrase, lists);
    return (s) => findAll(phrase, s.tokens, s.keys)[0];
  }
  if ("near" in pattern) {
    const parts = pattern.near.map((p) => parsePhrase(p, lists));
    return (s) => findNear(parts, pattern.within, pattern.ordered, s);
  }
  const regex = compileRegex(pattern.regex);
  return (s) => findRegex(regex, s);
}

export function compileLanguage(language: Language, lists: Lists): CompiledLanguage {
  const phrases = (list: string[]) => list.map((p) => parsePhrase(p, lists));
  return {
    negations: phrases(language.negations),
    narrowNegations: phrases(language.narrowNegations),
    narrowScope: language.narrowScope,
    scope: language.scope,
    terminators: phrases(language.terminators),
    exceptions: phrases(language.exceptions),
    consentExceptions: phrases(language.consentExceptions),
    subordinators: phrases(language.subordinators),
  };
}
