import type { FormKind, Span } from "../types.js";
import type { Rulebook } from "../rules/load.js";
import { reads, type SentenceInContext } from "../match/sentence.js";
import { UserError } from "../errors.js";

const evidenceShown = 3;

/** The kinds given by the user (--kind), instead of detecting them. */
export function givenKinds(given: string[], rulebook: Rulebook): FormKind[] {
  return given.map((id) => {
    const kind = rulebook.kinds.find((k) => k.definition.id === id);
    if (!kind) throw new UserError(`unknown kind "${id}"; kinds: ${rulebook.kinds.map((k) => k.definition.id).join(", ")}`);
    return { id, title: kind.definition.title, evidence: [], given: true };
  });
}

/**
 * Which kinds of form the text is (HIPAA authorization, research consent...): a kind
 * whose signals, in the wording of some language, occur often enough among the sentences
 * of that language. Sentences are shown one at a time (`see`), and only the few that are
 * clues are kept.
 */
export function kindDetector(rulebook: Rulebook) {
  const watched = rulebook.kinds.map((compiled) => ({
    compiled,
    required: compiled.requires.map(() => false),
    // Each signal keeps only its first `minSignals` sentences, which is enough for the matching
    // below to reach `minSignals` whenever the whole form could.
    candidates: compiled.signals.map((): Span[] => []),
  }));
  return {
    see({ sentence, language }: SentenceInContext) {
      for (const { compiled, required, candidates } of watched) {
        if (!reads(compiled.lang, language)) continue;
        compiled.requires.forEach((r, i) => (required[i] ||= Boolean(r(sentence))));
        compiled.signals.forEach((signal, i) => {
          if (candidates[i]!.length < compiled.minSignals && signal(sentence)) candidates[i]!.push(sentence.span);
        });
      }
    },
    kinds(): FormKind[] {
      // A kind once, by the first of its wordings that the form shows.
      const found = new Map<string, FormKind>();
      for (const { compiled, required, candidates } of watched) {
        const kind = compiled.definition;
        if (found.has(kind.id) || !required.every(Boolean)) continue;
        const clues = distinctClues(candidates);
        if (clues.length >= compiled.minSignals)
          found.set(kind.id, { id: kind.id, title: kind.title, evidence: clues.slice(0, evidenceShown) });
      }
      return [...new Set(rulebook.kinds.map((k) => k.definition.id))].flatMap((id) => found.get(id) ?? []);
    },
  };
}

/**
 * Sentences that show a kind, one per signal and each for one signal only, so that a
 * title matching two signals ("Authorization for Release of Medical Information")
 * is one clue: a largest matching of signals to sentences, in reading order.
 */
function distinctClues(candidates: Span[][]): Span[] {
  const owner = new Map<Span, number>();
  const assign = (i: number, tried: Set<Span>): boolean => {
    for (const sentence of candidates[i]!) {
      if (tried.has(sentence)) continue;
      tried.add(sentence);
      const other = owner.get(sentence);
      if (other === undefined || assign(other, tried)) {
        owner.set(sentence, i);
        return true;
      }
    }
    return false;
  };
  candidates.forEach((_, i) => assign(i, new Set()));
  return [...owner.keys()].sort((a, b) => a.start - b.start);
}
