import type { Polarity, Span, Text } from "../types.js";
import { documentFromPages } from "../extract/document.js";
import { normalize } from "../text/normalize.js";
import { match, matchRule } from "../match/match.js";
import { matchSentences } from "../match/sentence.js";
import { findSpec, type CompiledSpec } from "../match/spec.js";
import { addressedBy } from "./addressed.js";
import { modelScorer, type CompiledModel } from "../match/model/model.js";
import { noPolarityWords } from "../match/polarity.js";
import type { Rulebook } from "./load.js";
import type { Example } from "./schema.js";

/** What an example sentence expects: of a rule, a risk, a protection or nothing; of a checklist element, that it addresses it or not. */
export type Expectation = Polarity | "none" | "present" | "absent";

export interface ExampleResult {
  ruleId: string;
  expected: Expectation;
  sentence: string;
  /** The words the example says must match, if it says. */
  expectedWords?: string;
  /** What the rule gave: a polarity with the matched words, or "none". */
  actual: Expectation;
  matched?: string;
  cue?: string;
  passed: boolean;
}

/** Something an example sentence gave: its polarity or presence, the matched words and the cue. */
interface Outcome {
  actual: Expectation;
  matched?: string;
  cue?: string;
}

// An example goes through the same normalization as a scanned form, in the language of its rule; each of its lines is
// a paragraph, so "Who may see your records:\n• the sponsor" is a list item with its lead-in.
const textOf = (example: string, language: string) =>
  normalize(documentFromPages("example", "text", [example.split("\n")], { linesAreParagraphs: true }), { language });

const cases = (expected: Expectation, examples: Example[]) => examples.map((example) => ({ expected, example }));

function result(ruleId: string, expected: Expectation, example: Example, outcome: Outcome): ExampleResult {
  const [sentence, expectedWords] = typeof example === "string" ? [example, undefined] : [example.sentence, example.matches];
  const passed = outcome.actual === expected && (expectedWords === undefined || outcome.matched === expectedWords);
  return { ruleId, expected, sentence, ...(expectedWords !== undefined ? { expectedWords } : {}), ...outcome, passed };
}

/** Where a checklist element (or the choices spec) finds its words in a text; undefined when it does not. */
type Finder = (text: Text) => Span | undefined;

/** A finder with the language its examples are written in. */
interface Spec {
  id: string;
  lang: string;
  find: Finder;
  examples: Rulebook["elements"][number]["element"]["examples"];
}

const specFinder =
  (spec: CompiledSpec): Finder =>
  (text) => {
    for (const { sentence, leadIn } of matchSentences(text)) {
      const m = findSpec(spec, sentence, leadIn);
      if (m) return { start: sentence.tokens[m.start]!.start, end: sentence.tokens[m.end - 1]!.end };
    }
    return undefined;
  };

// As in a scanned form: an element is addressed by its wording or by a finding of one of its categories.
const elementFinder =
  (compiled: Rulebook["elements"][number], rulebook: Rulebook): Finder =>
  (text) =>
    addressedBy(compiled, matchSentences(text), match(text, rulebook.rules, rulebook.language));

function presenceOutcome(find: Finder, example: string, language: string): Outcome {
  const text = textOf(example, language);
  const where = find(text);
  return where ? { actual: "present", matched: text.value.slice(where.start, where.end) } : { actual: "absent" };
}

function ruleOutcome(compiled: Rulebook["rules"][number], example: string, rulebook: Rulebook, expected: Expectation): Outcome {
  const text = textOf(example, compiled.lang);
  const language = rulebook.language.get(compiled.lang) ?? noPolarityWords;
  const hits = [...matchSentences(text)].flatMap(({ sentence, leadIn }) => matchRule(compiled, sentence, language, leadIn) ?? []);
  const hit = hits.find((h) => h.polarity === expected) ?? hits[0];
  if (!hit) return { actual: "none" };
  return { actual: hit.polarity, matched: text.value.slice(hit.span.start, hit.span.end), ...(hit.cue ? { cue: hit.cue } : {}) };
}

// A model finding's example is scored by the model alone, as a rule's is matched by the rule alone.
function modelOutcome(model: CompiledModel, id: string, example: string): Outcome {
  const text = textOf(example, "en");
  const alone = modelScorer({ ...model, findings: model.findings.filter((f) => f.head.id === id) });
  for (const { sentence, leadIn, heading } of matchSentences(text)) {
    if (heading || sentence.tokens.length === 0) continue;
    const hit = alone.hits({ sentence, leadIn }, () => true)[0];
    if (hit) return { actual: "risk", matched: text.value.slice(hit.span.start, hit.span.end) };
  }
  return { actual: "none" };
}

/**
 * Runs every rule's, model finding's and checklist element's example sentences through the same
 * normalization and matching as a scanned form (LanguageTool's idea: a rule's
 * examples are its tests).
 */
export function checkExamples(rulebook: Rulebook): ExampleResult[] {
  const results: ExampleResult[] = [];
  const specs: Spec[] = [
    ...rulebook.elements.map((c) => ({ id: c.element.id, lang: c.lang, find: elementFinder(c, rulebook), examples: c.element.examples })),
    ...rulebook.keyPoints.choices.map((c) => ({ id: "choices", lang: c.lang, find: specFinder(c), examples: c.examples })),
  ];
  for (const { id, lang, find, examples } of specs)
    for (const { expected, example } of [...cases("present", examples.present), ...cases("absent", examples.absent)])
      results.push(result(id, expected, example, presenceOutcome(find, typeof example === "string" ? example : example.sentence, lang)));
  for (const compiled of rulebook.rules) {
    const { examples, id } = compiled.rule;
    const all = [...cases("risk", examples.risk), ...cases("protection", examples.protection), ...cases("none", examples.none)];
    for (const { expected, example } of all)
      results.push(result(id, expected, example, ruleOutcome(compiled, typeof example === "string" ? example : example.sentence, rulebook, expected)));
  }
  const { model } = rulebook;
  for (const { head } of model?.findings ?? []) {
    const { examples } = rulebook.rulesById.get(head.id)!;
    for (const { expected, example } of [...cases("risk", examples.risk), ...cases("none", examples.none)])
      results.push(result(head.id, expected, example, modelOutcome(model!, head.id, typeof example === "string" ? example : example.sentence)));
  }
  return results;
}
