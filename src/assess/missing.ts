import type { Finding, FormKind, Missing } from "../types.js";
import { findSpec } from "../rules/compile.js";
import type { RuleSet } from "../rules/load.js";
import type { Sentence } from "../rules/sentence.js";

export interface SentenceWithLeadIn {
  sentence: Sentence;
  leadIn?: Sentence;
}

/**
 * The checklist elements that apply to the form's kinds and that it never
 * addresses: no sentence has the element's wording, and no finding has one of its
 * categories. A CT consent is not asked for a HIPAA expiration date.
 */
export function findMissing(kinds: FormKind[], sentences: SentenceWithLeadIn[], findings: Finding[], rules: RuleSet): Missing[] {
  const kindIds = new Set(kinds.map((k) => k.id));
  const categories = new Set(findings.map((f) => f.category));
  return rules.elements
    .filter(({ element }) => element.appliesTo.some((k) => k === "any" || kindIds.has(k)))
    .filter(
      (compiled) =>
        !compiled.element.categories.some((c) => categories.has(c)) &&
        !sentences.some(({ sentence, leadIn }) => compiled.patterns.length > 0 && findSpec(compiled, sentence, leadIn)),
    )
    .map(({ element }) => ({ element }));
}
