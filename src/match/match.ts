import { severities, type Finding, type Text } from "../types.js";
import { findSpec, type CompiledRule } from "../rules/compile.js";
import type { RuleSet } from "../rules/load.js";
import { sentenceOf, type Sentence } from "../rules/sentence.js";
import { locate } from "../text/locate.js";
import { decidePolarity } from "./polarity.js";

type Hit = Omit<Finding, "position">;

/** The first match of a rule in a sentence, with its polarity, or undefined. */
export function matchRule(compiled: CompiledRule, sentence: Sentence, rules: RuleSet, leadIn?: Sentence): Hit | undefined {
  const match = findSpec(compiled, sentence, leadIn);
  if (!match) return undefined;
  const { rule } = compiled;
  const verdict = rule.negatable ? decidePolarity(rule.polarity, match, sentence, rules.language) : { polarity: rule.polarity };
  return {
    ruleId: rule.id,
    category: rule.category,
    polarity: verdict.polarity,
    severity: rule.severity,
    span: { start: sentence.tokens[match.start]!.start, end: sentence.tokens[match.end - 1]!.end },
    sentence: sentence.span,
    ...(verdict.cue ? { cue: verdict.cue } : {}),
  };
}

const rank = (f: Hit) => severities.indexOf(f.severity);

/**
 * A question in the form ("Who will see my data?") or a short line with no closing
 * punctuation ("How Long We Keep Your Photographs") is a heading, not a statement.
 * List items are statements however short ("• The Food and Drug Administration").
 */
const shortHeading = 6;
const isHeading = (text: string, words: number, inList: boolean) =>
  text.endsWith("?") || (!inList && words <= shortHeading && !/[.:;!]["”’)]?$/.test(text) && !/^\W/.test(text));

/**
 * match: Text + rules -> findings, in reading order. A sentence gets at most one
 * finding per category and polarity (the most severe), so three rules about
 * sharing do not report the same sentence three times.
 */
export function match(text: Text, rules: RuleSet): Finding[] {
  const findings: Finding[] = [];
  for (const span of text.sentences) {
    const sentence = sentenceOf(text.value, span);
    const leadIn = span.leadIn && sentenceOf(text.value, span.leadIn);
    if (sentence.tokens.length === 0 || isHeading(sentence.text, sentence.tokens.length, span.leadIn !== undefined)) continue;
    const best = new Map<string, Hit>();
    for (const compiled of rules.rules) {
      const hit = matchRule(compiled, sentence, rules, leadIn);
      if (!hit) continue;
      const key = `${hit.category}|${hit.polarity}`;
      const kept = best.get(key);
      if (!kept || rank(hit) < rank(kept)) best.set(key, hit);
    }
    for (const hit of best.values()) findings.push({ ...hit, position: locate(text, hit.span.start) });
  }
  return findings;
}
