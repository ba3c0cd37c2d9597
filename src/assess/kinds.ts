import type { FormKind } from "../types.js";
import type { Rulebook } from "../rules/load.js";
import { reads, type MatchSentence, type Matcher, type SentenceInContext } from "../match/sentence.js";
import { UserError } from "../errors.js";

const evidenceShown = 3;

/**
 * Which kinds of form the text is (HIPAA authorization, research consent...): a kind
 * whose signals, in the wording of some language, occur often enough among the sentences
 * of that language. `given` (from --kind) replaces detection.
 */
export function detectKinds(sentences: SentenceInContext[], rulebook: Rulebook, given?: string[]): FormKind[] {
  if (given) {
    return given.map((id) => {
      const kind = rulebook.kinds.find((k) => k.definition.id === id);
      if (!kind) throw new UserError(`unknown kind "${id}"; kinds: ${rulebook.kinds.map((k) => k.definition.id).join(", ")}`);
      return { id, title: kind.definition.title, evidence: [], given: true };
    });
  }
  const kinds: FormKind[] = [];
  for (const id of new Set(rulebook.kinds.map((k) => k.definition.id))) {
    for (const { definition: kind, signals, minSignals, requires, lang } of rulebook.kinds.filter((k) => k.definition.id === id)) {
      const own = sentences.filter((s) => reads(lang, s.language)).map((s) => s.sentence);
      if (!requires.every((r) => own.some((s) => r(s)))) continue;
      const clues = distinctClues(signals, own, minSignals);
      if (clues.length < minSignals) continue;
      kinds.push({ id: kind.id, title: kind.title, evidence: clues.slice(0, evidenceShown).map((s) => s.span) });
      break;
    }
  }
  return kinds;
}

/**
 * Sentences that show a kind, one per signal and each for one signal only, so that a
 * title matching two signals ("Authorization for Release of Medical Information")
 * is one clue: a largest matching of signals to sentences, in reading order. Each
 * signal brings only its first `wanted` sentences, which is enough for the matching
 * to reach `wanted` whenever the whole form could.
 */
function distinctClues(signals: Matcher[], sentences: MatchSentence[], wanted: number): MatchSentence[] {
  const candidates = signals.map((signal) => {
    const found: MatchSentence[] = [];
    for (const sentence of sentences) if (signal(sentence) && found.push(sentence) >= wanted) break;
    return found;
  });
  const owner = new Map<MatchSentence, number>();
  const assign = (i: number, tried: Set<MatchSentence>): boolean => {
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
  return [...owner.keys()].sort((a, b) => a.span.start - b.span.start);
}
