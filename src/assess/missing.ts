import type { Finding, FormKind, Missing } from "../types.js";
import { reads, type SentenceInContext } from "../match/sentence.js";
import { addressedBy } from "../rules/addressed.js";
import type { CompiledElement, Rulebook } from "../rules/load.js";
import type { Element } from "../rules/schema.js";

/**
 * The checklist elements that apply to the form's kinds and that it never addresses
 * (see addressedBy). A CT consent is not asked for a HIPAA expiration date. An element is
 * looked for in the wording of each language it has, among the sentences (and the
 * findings) of that language; one it has no wording for in any of the form's languages
 * is not asked of the form, as the form could not be checked for it.
 */
export function findMissing(kinds: FormKind[], sentences: SentenceInContext[], findings: Finding[], rulebook: Rulebook): Missing[] {
  const kindIds = new Set(kinds.map((k) => k.id));
  const languages = new Set(sentences.map((s) => s.language));
  const languageOf = new Map(sentences.map((s) => [s.sentence.span.start, s.language]));
  // An element's wordings in the form's languages, each element once, in the order of the rulebook.
  const wordings = new Map<string, { element: Element; all: CompiledElement[] }>();
  for (const compiled of rulebook.elements) {
    if (![...languages].some((language) => reads(compiled.lang, language))) continue;
    const entry = wordings.get(compiled.element.id) ?? { element: compiled.element, all: [] };
    entry.all.push(compiled);
    wordings.set(compiled.element.id, entry);
  }
  const addressed = (compiled: CompiledElement) => {
    const inLanguage = (language: string | undefined) => language !== undefined && reads(compiled.lang, language);
    return addressedBy(
      compiled,
      sentences.filter((s) => inLanguage(s.language)),
      findings.filter((f) => inLanguage(languageOf.get(f.sentence.start))),
    );
  };
  return [...wordings.values()]
    .filter(({ element }) => element.appliesTo.some((k) => k === "any" || kindIds.has(k)))
    .filter(({ all }) => !all.some(addressed))
    .map(({ element }) => ({ element }));
}
