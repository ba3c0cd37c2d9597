import { severities, type Finding, type Text } from "../types.js";
import { locate } from "../text/locate.js";
import { decidePolarity, type CompiledLanguage } from "./polarity.js";
import { matchSentences, type MatchSentence } from "./sentence.js";
import { findSpec, type CompiledRule } from "./spec.js";
import { undetermined } from "../text/language.js";

type Hit = Omit<Finding, "position">;

/** The first match of a rule in a sentence, with its polarity, or undefined. */
export function matchRule(
  compiled: CompiledRule,
  sentence: MatchSentence,
  language: CompiledLanguage,
  leadIn?: MatchSentence,
): Hit | undefined {
  const match = findSpec(compiled, sentence, leadIn);
  if (!match) return undefined;
  const { rule } = compiled;
  const verdict = rule.negatable ? decidePolarity(rule.polarity, match, sentence, language) : { polarity: rule.polarity };
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

/** The rules that read each language; a sentence whose language could not be told is read by all of them. */
export function rulesByLanguage<R extends CompiledRule>(rules: R[]): (language: string) => R[] {
  const byLanguage = new Map<string, R[]>();
  for (const c of rules) byLanguage.set(c.lang, [...(byLanguage.get(c.lang) ?? []), c]);
  return (language) => (language === undetermined ? rules : (byLanguage.get(language) ?? []));
}

/**
 * match: Text + compiled rules -> findings, in reading order. Headings are skipped, and
 * so are sentences in a language no rule reads (a Spanish page is not read with English rules).
 * A sentence gets at most one finding per category (the most severe), so three rules
 * about sharing do not report the same sentence three times; and where it both opens
 * and closes a door of one category ("we will not sell it, but we may license it"),
 * the open door is what the patient needs to know: the risk stands, not the protection.
 */
export function match(text: Text, rules: CompiledRule[], language: CompiledLanguage): Finding[] {
  const findings: Finding[] = [];
  const rulesFor = rulesByLanguage(rules);
  for (const { sentence, leadIn, heading, language: sentenceLanguage } of matchSentences(text)) {
    if (sentence.tokens.length === 0 || heading) continue;
    const best = new Map<string, Hit>();
    for (const compiled of rulesFor(sentenceLanguage)) {
      const hit = matchRule(compiled, sentence, language, leadIn);
      if (!hit) continue;
      const key = `${hit.category}|${hit.polarity}`;
      const kept = best.get(key);
      if (!kept || rank(hit) < rank(kept)) best.set(key, hit);
    }
    for (const hit of best.values())
      if (hit.polarity === "risk" || !best.has(`${hit.category}|risk`)) findings.push({ ...hit, position: locate(text, hit.span.start) });
  }
  return findings;
}
