import type { Finding, FormKind, Missing } from "../types.js";
import { findSpec } from "../match/spec.js";
import type { SentenceInContext } from "../match/sentence.js";
import type { Rulebook } from "../rules/load.js";

/**
 * The checklist elements that apply to the form's kinds and that it never
 * addresses: no sentence has the element's wording, and no finding has one of its
 * categories. A CT consent is not asked for a HIPAA expiration date.
 */
export function findMissing(kinds: FormKind[], sentences: SentenceInContext[], findings: Finding[], rulebook: Rulebook): Missing[] {
  const kindIds = new Set(kinds.map((k) => k.id));
  const categories = new Set(findings.map((f) => f.category));
  return rulebook.elements
    .filter(({ element }) => element.appliesTo.some((k) => k === "any" || kindIds.has(k)))
    .filter(
      (compiled) =>
        !compiled.element.categories.some((c) => categories.has(c)) &&
        !sentences.some(({ sentence, leadIn }) => compiled.patterns.length > 0 && findSpec(compiled, sentence, leadIn)),
    )
    .map(({ element }) => ({ element }));
}
