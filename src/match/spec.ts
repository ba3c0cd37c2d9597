import type { Category, Polarity, Severity } from "../types.js";
import type { Phrase } from "./patterns/phrase/parse.js";
import { findAll } from "./patterns/phrase/search.js";
import type { MatchSentence, Matcher, TokenMatch } from "./sentence.js";

/** Compiled patterns, requires and excludes: how a rule or checklist element finds its sentence. */
export interface CompiledSpec {
  /** The first pattern that matches gives the match. */
  patterns: Matcher[];
  requires: Phrase[];
  excludes: Phrase[];
  /** Phrases the lead-in of a list item must contain; a spec with these matches list items only. */
  leadIn: Phrase[];
}

/** What matching needs to know of a rule; the rest (title, explanation...) is for reports. */
export interface RuleHead {
  id: string;
  category: Category;
  severity: Severity;
  polarity: Polarity;
  negatable: boolean;
}

export interface CompiledRule<R extends RuleHead = RuleHead> extends CompiledSpec {
  rule: R;
  /** The language the rule reads (its file's `lang`): it is matched only on sentences in that language. */
  lang: string;
  /** The added pack the rule comes from; none for a bundled rule. */
  pack?: string;
}

/**
 * The first match of a spec in a sentence. A list item ("• the FDA") may take the
 * words of `requires` from the sentence that introduced its list ("We may share your data with:"),
 * and a spec with `leadIn` phrases matches only list items whose lead-in holds them.
 */
export function findSpec(spec: CompiledSpec, sentence: MatchSentence, leadIn?: MatchSentence): TokenMatch | undefined {
  if (spec.leadIn.length > 0 && leadIn === undefined) return undefined;
  // Patterns first: they are the selective part, while requires are broad lists (@data).
  let match: TokenMatch | undefined;
  for (const pattern of spec.patterns) if ((match = pattern(sentence))) break;
  if (!match) return undefined;
  const has = (s: MatchSentence) => (p: Phrase) => findAll(p, s).length > 0;
  const required = (p: Phrase) => has(sentence)(p) || (leadIn !== undefined && has(leadIn)(p));
  const introduced = leadIn === undefined || spec.leadIn.every(has(leadIn));
  return introduced && spec.requires.every(required) && !spec.excludes.some(has(sentence)) ? match : undefined;
}
