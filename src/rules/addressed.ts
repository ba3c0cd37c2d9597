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
  const finding = findings.find((f) => compiled.element.categories.includes(f.category));
  if (finding) return finding.span;
  if (compiled.patterns.length === 0) return undefined;
  for (const { sentence, leadIn } of sentences) {
    const match = findSpec(compiled, sentence, leadIn);
    if (match) return { start: sentence.tokens[match.start]!.start, end: sentence.tokens[match.end - 1]!.end };
  }
  return undefined;
}
