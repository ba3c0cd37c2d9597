import type { Finding, FormKind, Missing } from "../types.js";
import type { SentenceInContext } from "../match/sentence.js";
import { addressedBy } from "../rules/addressed.js";
import type { Rulebook } from "../rules/load.js";

/**
 * The checklist elements that apply to the form's kinds and that it never
 * addresses (see addressedBy). A CT consent is not asked for a HIPAA expiration date.
 */
export function findMissing(kinds: FormKind[], sentences: SentenceInContext[], findings: Finding[], rulebook: Rulebook): Missing[] {
  const kindIds = new Set(kinds.map((k) => k.id));
  return rulebook.elements
    .filter(({ element }) => element.appliesTo.some((k) => k === "any" || kindIds.has(k)))
    .filter((compiled) => !addressedBy(compiled, sentences, findings))
    .map(({ element }) => ({ element }));
}
