import type { Element, Kind, Language, Pattern, Rule } from "./schema.js";
import { findAll, parsePhrase, type Lists, type Phrase, type TokenMatch } from "./phrase.js";
import { findNear } from "./near.js";
import { compileRegex, findRegex } from "./regex.js";
import type { Sentence } from "./sentence.js";

export type Matcher = (sentence: Sentence) => TokenMatch | undefined;

/** Compiled patterns, requires and excludes: how a rule or checklist element finds its sentence. */
export interface CompiledSpec {
  /** The first pattern that matches gives the match. */
  patterns: Matcher[];
  requires: Phrase[];
  excludes: Phrase[];
}

export interface CompiledRule extends CompiledSpec {
  rule: Rule;
}

export interface CompiledKind {
  kind: Kind;
  signals: Matcher[];
  requires: Matcher[];
}

export interface CompiledElement extends CompiledSpec {
  element: Element;
}

/**
 * The first match of a spec in a sentence. A list item ("• the FDA") may take the
 * words of `requires` from the sentence that introduced its list ("We may share your data with:").
 */
export function findSpec(spec: CompiledSpec, sentence: Sentence, leadIn?: Sentence): TokenMatch | undefined {
  // Patterns first: they are the selective part, while requires are broad lists (@data).
  let match: TokenMatch | undefined;
  for (const pattern of spec.patterns) if ((match = pattern(sentence))) break;
  if (!match) return undefined;
  const has = (s: Sentence) => (p: Phrase) => findAll(p, s).length > 0;
  const required = (p: Phrase) => has(sentence)(p) || (leadIn !== undefined && has(leadIn)(p));
  return spec.requires.every(required) && !spec.excludes.some(has(sentence)) ? match : undefined;
}

export interface CompiledLanguage {
  negations: Phrase[];
  narrowNegations: Phrase[];
  pseudoNegations: Phrase[];
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
    return (s) => findAll(phrase, s)[0];
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
    pseudoNegations: phrases(language.pseudoNegations),
    narrowScope: language.narrowScope,
    scope: language.scope,
    terminators: phrases(language.terminators),
    exceptions: phrases(language.exceptions),
    consentExceptions: phrases(language.consentExceptions),
    subordinators: phrases(language.subordinators),
  };
}
