import type { FormKind, Span } from "../types.js";
import type { Rulebook } from "../rules/load.js";
import type { MatchSentence } from "../match/sentence.js";
import { UserError } from "../errors.js";

const evidenceShown = 3;

/**
 * Which kinds of form the text is (HIPAA authorization, research consent...): a kind
 * whose signals occur often enough. `given` (from --kind) replaces detection.
 */
export function detectKinds(sentences: MatchSentence[], rulebook: Rulebook, given?: string[]): FormKind[] {
  if (given) {
    return given.map((id) => {
      const kind = rulebook.kinds.find((k) => k.definition.id === id);
      if (!kind) throw new UserError(`unknown kind "${id}"; kinds: ${rulebook.kinds.map((k) => k.definition.id).join(", ")}`);
      return { id, title: kind.definition.title, evidence: [], given: true };
    });
  }
  const kinds: FormKind[] = [];
  for (const { definition: kind, signals, requires } of rulebook.kinds) {
    if (!requires.every((r) => sentences.some((s) => r(s)))) continue;
    const evidence: Span[] = [];
    let found = 0;
    for (const signal of signals) {
      const sentence = sentences.find((s) => signal(s));
      if (!sentence) continue;
      found++;
      if (evidence.length < evidenceShown && !evidence.includes(sentence.span)) evidence.push(sentence.span);
    }
    if (found >= kind.minSignals) kinds.push({ id: kind.id, title: kind.title, evidence: evidence.sort((a, b) => a.start - b.start) });
  }
  return kinds;
}
