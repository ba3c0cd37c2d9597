import { severities, type Finding, type Text } from "../types.js";
import { locate } from "../text/locate.js";
import { decidePolarity, type CompiledLanguage } from "./polarity.js";
import { matchSentences, type MatchSentence } from "./sentence.js";
import { findSpec, type CompiledRule } from "./spec.js";
import { modelScorer, type CompiledModel } from "./model/model.js";

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

/**
 * match: Text + compiled rules -> findings, in reading order. Headings are skipped.
 * A sentence gets at most one finding per category (the most severe), so three rules
 * about sharing do not report the same sentence three times; and where it both opens
 * and closes a door of one category ("we will not sell it, but we may license it"),
 * the open door is what the patient needs to know: the risk stands, not the protection.
 * Rules come first: the model, if given, speaks only in the categories the rules
 * said nothing about in that sentence, either way (a protection the rules found stands).
 */
export function match(text: Text, rules: CompiledRule[], language: CompiledLanguage, model?: CompiledModel): Finding[] {
  const findings: Finding[] = [];
  const scorer = model && modelScorer(model);
  for (const { sentence, leadIn, heading } of matchSentences(text)) {
    if (sentence.tokens.length === 0 || heading) continue;
    const best = new Map<string, Hit>();
    for (const compiled of rules) {
      const hit = matchRule(compiled, sentence, language, leadIn);
      if (!hit) continue;
      const key = `${hit.category}|${hit.polarity}`;
      const kept = best.get(key);
      if (!kept || rank(hit) < rank(kept)) best.set(key, hit);
    }
    const hits = [...best.values()].filter((hit) => hit.polarity === "risk" || !best.has(`${hit.category}|risk`));
    if (scorer) {
      const said = new Set(hits.map((h) => h.category));
      for (const { head, span } of scorer.hits({ sentence, leadIn }, (c) => !said.has(c)))
        hits.push({ ruleId: head.id, category: head.category, polarity: "risk", severity: head.severity, span, sentence: sentence.span });
    }
    for (const hit of hits) findings.push({ ...hit, position: locate(text, hit.span.start) });
  }
  return findings;
}
