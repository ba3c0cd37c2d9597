import { severities, type Finding, type Text } from "../types.js";
import { locate } from "../text/locate.js";
import { decidePolarity, noPolarityWords, type CompiledLanguage } from "./polarity.js";
import { matchSentences, type MatchSentence } from "./sentence.js";
import { findSpec, type CompiledRule } from "./spec.js";
import { undetermined } from "../text/language.js";
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
    ...(compiled.pack === undefined ? {} : { pack: compiled.pack }),
  };
}

const rank = (f: Hit) => severities.indexOf(f.severity);
const keyOf = (pack: string | undefined, category: string, polarity: string) => `${pack ?? ""}|${category}|${polarity}`;

/**
 * The findings of one sentence from the best hit of each source (the bundled rules, each
 * added pack), category and polarity. Within a source, where the sentence both opens and
 * closes a door of one category, the risk stands and the protection goes. Across sources,
 * a bundled protection also gives way to a pack's risk; but a pack's protection against
 * another source's risk is kept and marked as disputing it, so a pack cannot quietly turn
 * a risk into a protection, and its finding is never silently dropped either.
 */
function sentenceFindings(best: Map<string, Hit>): Hit[] {
  const hits = [...best.values()];
  const risks = hits.filter((h) => h.polarity === "risk");
  return hits.flatMap((hit) => {
    if (hit.polarity === "risk") return [hit];
    if (best.has(keyOf(hit.pack, hit.category, "risk"))) return [];
    const other = risks.find((r) => r.category === hit.category);
    if (!other) return [hit];
    return hit.pack === undefined ? [] : [{ ...hit, disputes: other.ruleId }];
  });
}

/** The rules that read each language; a sentence whose language could not be told is read by all of them. */
export function rulesByLanguage<R extends CompiledRule>(rules: R[]): (language: string) => R[] {
  const byLanguage = new Map<string, R[]>();
  for (const c of rules) {
    const list = byLanguage.get(c.lang);
    if (list) list.push(c);
    else byLanguage.set(c.lang, [c]);
  }
  return (language) => (language === undetermined ? rules : (byLanguage.get(language) ?? []));
}

/**
 * match: Text + compiled rules -> findings, in reading order. Headings are skipped, and
 * so are sentences in a language no rule reads (a Spanish page is not read with English rules);
 * a rule's polarity is decided by the polarity words of its language (`language`, by code).
 * A sentence gets at most one finding per category from each source (the most severe
 * of the bundled rules, and of each added pack), so three rules about sharing do not
 * report the same sentence three times while a team's own rule is never hidden by a
 * bundled one; and where it both opens and closes a door of one category ("we will not
 * sell it, but we may license it"), the open door is what the patient needs to know: the
 * risk stands, not the protection (see sentenceFindings).
 * Rules come first: the model, if given, speaks only in the categories the rules said
 * nothing about in that sentence, either way (a protection the rules found stands), and
 * only on English sentences, the language it learnt.
 */
export function match(text: Text, rules: CompiledRule[], language: Map<string, CompiledLanguage>, model?: CompiledModel): Finding[] {
  const findings: Finding[] = [];
  const rulesFor = rulesByLanguage(rules);
  const scorer = model && modelScorer(model);
  for (const { sentence, leadIn, heading, language: sentenceLanguage } of matchSentences(text)) {
    if (sentence.tokens.length === 0 || heading) continue;
    const best = new Map<string, Hit>();
    for (const compiled of rulesFor(sentenceLanguage)) {
      const hit = matchRule(compiled, sentence, language.get(compiled.lang) ?? noPolarityWords, leadIn);
      if (!hit) continue;
      const key = keyOf(hit.pack, hit.category, hit.polarity);
      const kept = best.get(key);
      if (!kept || rank(hit) < rank(kept)) best.set(key, hit);
    }
    const hits = sentenceFindings(best);
    if (scorer && (sentenceLanguage === "en" || sentenceLanguage === undetermined)) {
      const said = new Set([...best.values()].map((h) => h.category));
      for (const { head, span } of scorer.hits({ sentence, leadIn }, (c) => !said.has(c)))
        hits.push({ ruleId: head.id, category: head.category, polarity: "risk", severity: head.severity, span, sentence: sentence.span });
    }
    for (const hit of hits) findings.push({ ...hit, position: locate(text, hit.span.start) });
  }
  return findings;
}
