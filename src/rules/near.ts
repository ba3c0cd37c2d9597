import { findAll, type Phrase, type TokenMatch } from "./phrase.js";
import type { Sentence } from "./sentence.js";

/** Several phrases close together: at most `within` words between neighbours, in any order unless `ordered`. */
export function findNear(parts: Phrase[], within: number, ordered: boolean, sentence: Sentence): TokenMatch | undefined {
  const occurrences = parts.map((p) => findAll(p, sentence));
  if (occurrences.some((o) => o.length === 0)) return undefined;
  let best: TokenMatch | undefined;
  const choose = (k: number, chosen: TokenMatch[]) => {
    if (k === parts.length) {
      const sorted = ordered ? chosen : [...chosen].sort((a, b) => a.start - b.start);
      for (let i = 1; i < sorted.length; i++) {
        const gap = sorted[i]!.start - sorted[i - 1]!.end;
        if (gap < 0 || gap > within) return;
      }
      const match = { start: sorted[0]!.start, end: Math.max(...sorted.map((m) => m.end)), words: sorted.flatMap((m) => m.words) };
      if (!best || match.start < best.start || (match.start === best.start && match.end - match.start < best.end - best.start)) best = match;
      return;
    }
    for (const occurrence of occurrences[k]!) choose(k + 1, [...chosen, occurrence]);
  };
  choose(0, []);
  return best;
}
