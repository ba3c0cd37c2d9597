import type { Polarity } from "../types.js";
import type { RuleSet } from "../rules/load.js";
import { documentFromPages } from "../extract/document.js";
import { normalize } from "../text/normalize.js";
import { sentenceOf } from "../rules/sentence.js";
import { findSpec } from "../rules/compile.js";
import { matchRule } from "./match.js";

/** What an example sentence expects: of a rule, a risk, a protection or nothing; of a checklist element, that it addresses it or not. */
export type Expectation = Polarity | "none" | "present" | "absent";

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

// An example goes through the same normalization as a scanned form.
function sentencesOf(example: string) {
  const text = normalize(documentFromPages("example", "text", [[example]], { linesAreParagraphs: true }));
  return { text, sentences: text.sentences.map((span) => sentenceOf(text.value, span)) };
}

/**
 * Runs every rule's and checklist element's example sentences through the same
 * normalization and matching as a scanned form (LanguageTool's idea: a rule's
 * examples are its tests).
 */
export function checkExamples(rules: RuleSet): ExampleResult[] {
  const results: ExampleResult[] = [];
  for (const compiled of rules.elements) {
    const { examples, id } = compiled.element;
    const cases = [...examples.present.map((s) => ["present", s] as const), ...examples.absent.map((s) => ["absent", s] as const)];
    for (const [expected, example] of cases) {
      const { text, sentences } = sentencesOf(example);
      const hit = sentences.flatMap((s) => {
        const m = findSpec(compiled, s);
        return m ? [text.value.slice(s.tokens[m.start]!.start, s.tokens[m.end - 1]!.end)] : [];
      })[0];
      const actual = hit === undefined ? "absent" : "present";
      results.push({ ruleId: id, expected, sentence: example, actual, ...(hit ? { matched: hit } : {}), passed: actual === expected });
    }
  }
  for (const compiled of rules.rules) {
    const { examples, id } = compiled.rule;
    const cases: [Expectation, string][] = [
      ...examples.risk.map((s) => ["risk", s] as [Expectation, string]),
      ...examples.protection.map((s) => ["protection", s] as [Expectation, string]),
      ...examples.none.map((s) => ["none", s] as [Expectation, string]),
    ];
    for (const [expected, example] of cases) {
      const { text, sentences } = sentencesOf(example);
      const hits = sentences.flatMap((s) => matchRule(compiled, s, rules) ?? []);
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
