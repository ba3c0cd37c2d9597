import type { Finding, FormKind, Missing } from "../types.js";
import { reads, type SentenceInContext } from "../match/sentence.js";
import { addressedByFinding, addressedIn } from "../rules/addressed.js";
import type { Rulebook } from "../rules/load.js";
import { undetermined } from "../text/language.js";

/**
 * The checklist elements that apply to the form's kinds and that it never addresses (see
 * addressedBy), found as sentences are shown one at a time (`see`). A CT consent is not
 * asked for a HIPAA expiration date. Every element is looked for, since the kinds are known
 * only at the end; each stops being looked for once found. An element is looked for in the
 * wording of each language it has, among the sentences (and the findings) of that language;
 * one it has no wording for in any of the form's languages is not asked of the form, as the
 * form could not be checked for it. `languageOf`: the language of a finding's sentence.
 */
export function missingFinder(rulebook: Rulebook, findings: Finding[], languageOf: (finding: Finding) => string) {
  const silent = new Set(
    rulebook.elements.filter(
      (compiled) =>
        !addressedByFinding(
          compiled,
          findings.filter((f) => reads(compiled.lang, languageOf(f))),
        ),
    ),
  );
  const unaddressed = [...silent].filter((compiled) => compiled.patterns.length);
  const languages = new Set<string>();
  return {
    see(sentence: SentenceInContext) {
      languages.add(sentence.language);
      for (let i = unaddressed.length - 1; i >= 0; i--)
        if (reads(unaddressed[i]!.lang, sentence.language) && addressedIn(unaddressed[i]!, sentence)) {
          silent.delete(unaddressed[i]!);
          unaddressed.splice(i, 1);
        }
    },
    missing(kinds: FormKind[]): Missing[] {
      const kindIds = new Set(kinds.map((k) => k.id));
      // Sentences of no told language (short headings) do not make a form ask for an element worded in no language it is written in.
      const told = [...languages].filter((l) => l !== undetermined);
      const worded = (lang: string) => (told.length ? told.includes(lang) : true);
      const elements = new Map<string, { element: Missing["element"]; addressed: boolean }>();
      for (const compiled of rulebook.elements) {
        if (!worded(compiled.lang)) continue;
        const entry = elements.get(compiled.element.id) ?? { element: compiled.element, addressed: false };
        entry.addressed ||= !silent.has(compiled);
        elements.set(compiled.element.id, entry);
      }
      return [...elements.values()]
        .filter(({ element, addressed }) => !addressed && element.appliesTo.some((k) => k === "any" || kindIds.has(k)))
        .map(({ element }) => ({ element }));
    },
  };
}
