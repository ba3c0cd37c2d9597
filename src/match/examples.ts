import type { Polarity } from "../types.js";
import type { RuleSet } from "../rules/load.js";
import { documentFromPages } from "../extract/document.js";
import { normalize } from "../text/normalize.js";
import { sentenceOf } from "../rules/sentence.js";
import { matchRule } from "./match.js";

/** What an example sentence expects of its rule: a risk, a protection, or nothing. */
export type Expectation = Polarity | "none";

export interface ExampleResult {
  ruleId: string;
  expected: Expectation;
  sentence: string;
  /** What the rule gave: a polarity with the matched words, or "none". */
  actual: Expectation;
  matched?: string;
  cue?: string;
  passed: boolean;
}

/**
 * Runs every rule's example sentences through the same normalization and matching
 * as a scanned form (LanguageTool's idea: a rule's examples are its tests).
 */
export function checkExamples(rules: RuleSet): ExampleResult[] {
  const results: ExampleResult[] = [];
  for (const compiled of rules.rules) {
    const { examples, id } = compiled.rule;
    const cases: [Expectation, string][] = [
      ...examples.risk.map((s) => ["risk", s] as [Expectation, string]),
      ...examples.protection.map((s) => ["protection", s] as [Expectation, string]),
      ...examples.none.map((s) => ["none", s] as [Expectation, string]),
    ];
    for (const [expected, example] of cases) {
      const text = normalize(documentFromPages("example", "text", [[example]], { linesAreParagraphs: true }));
      const hits = text.sentences.flatMap((span) => matchRule(compiled, sentenceOf(text.value, span), rules) ?? []);
      const hit = hits.find((h) => h.polarity === expected) ?? hits[0];
      const actual: Expectation = hit?.polarity ?? "none";
      results.push({
        ruleId: id,
        expected,
        sentence: example,
        actual,
        ...(hit ? { matched: text.value.slice(hit.span.start, hit.span.end) } : {}),
        ...(hit?.cue ? { cue: hit.cue } : {}),
        passed: actual === expected,
      });
    }
  }
  return results;
}
