import type { Finding, Span } from "../types.js";
import type { SentenceInContext } from "../match/sentence.js";
import { findSpec } from "../match/spec.js";
import type { CompiledElement } from "./load.js";

/**
 * Where the form speaks to a checklist element, in any words and either way round:
 * a sentence in the element's wording, or a finding of one of its categories of
 * either polarity ("we never sell your data" answers the commercial question).
 * Returns the words that address it, or undefined when the form is silent.
 */
export function addressedBy(compiled: CompiledElement, sentences: Iterable<SentenceInContext>, findings: Finding[]): Span | undefined {
  const finding = addressedByFinding(compiled, findings);
  if (finding) return finding;
  for (const sentence of sentences) {
    const words = addressedIn(compiled, sentence);
    if (words) return words;
  }
  return undefined;
}

/** A finding of one of the element's categories, if the form has one. */
export const addressedByFinding = (compiled: CompiledElement, findings: Finding[]): Span | undefined =>
  findings.find((f) => compiled.element.categories.includes(f.category))?.span;

/** The words of one sentence that address the element in its wording, if they do. */
export function addressedIn(compiled: CompiledElement, { sentence, leadIn }: SentenceInContext): Span | undefined {
  if (compiled.patterns.length === 0) return undefined;
  const match = findSpec(compiled, sentence, leadIn);
  return match && { start: sentence.tokens[match.start]!.start, end: sentence.tokens[match.end - 1]!.end };
}
