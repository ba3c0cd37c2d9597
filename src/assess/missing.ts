import type { Finding, FormKind, Missing } from "../types.js";
import type { SentenceInContext } from "../match/sentence.js";
import { addressedByFinding, addressedIn } from "../rules/addressed.js";
import type { Rulebook } from "../rules/load.js";

/**
 * The checklist elements that apply to the form's kinds and that it never addresses (see
 * addressedBy), found as sentences are shown one at a time (`see`). A CT consent is not
 * asked for a HIPAA expiration date. Every element is looked for, since the kinds are known
 * only at the end; each stops being looked for once found.
 */
export function missingFinder(rulebook: Rulebook, findings: Finding[]) {
  const unaddressed = rulebook.elements.filter((compiled) => !addressedByFinding(compiled, findings) && compiled.patterns.length);
  const silent = new Set(rulebook.elements.filter((compiled) => !addressedByFinding(compiled, findings)));
  return {
    see(sentence: SentenceInContext) {
      for (let i = unaddressed.length - 1; i >= 0; i--)
        if (addressedIn(unaddressed[i]!, sentence)) {
          silent.delete(unaddressed[i]!);
          unaddressed.splice(i, 1);
        }
    },
    missing(kinds: FormKind[]): Missing[] {
      const kindIds = new Set(kinds.map((k) => k.id));
      return rulebook.elements
        .filter((compiled) => silent.has(compiled) && compiled.element.appliesTo.some((k) => k === "any" || kindIds.has(k)))
        .map(({ element }) => ({ element }));
    },
  };
}
