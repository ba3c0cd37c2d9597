import type { MatchSentence, TokenMatch } from "../sentence.js";
import type { PatternKind } from "./kind.js";
import { parsePhrase, type Phrase } from "./phrase/parse.js";
import { findAll } from "./phrase/search.js";

/** `{ near: [a, b, ...], within, ordered }`: all the phrases close to each other. */
export interface NearPattern {
  near: string[];
  within: number;
  ordered: boolean;
}

export const nearKind: PatternKind<NearPattern> = {
  key: "near",
  schema: (z) =>
    z
      .strictObject({
        near: z.array(z.string().min(1, "a phrase cannot be empty")).min(2, "near needs at least two phrases"),
        within: z.number().int().min(0).max(40).default(8).describe("Most words allowed between two of the phrases"),
        ordered: z.boolean().default(false).describe("Whether the phrases must come in the order given"),
      })
      .describe("All phrases close to each other"),
  compile: (pattern, { lists }) => {
    const parts = pattern.near.map((p) => parsePhrase(p, lists));
    return (s) => findNear(parts, pattern.within, pattern.ordered, s);
  },
  describe: (p) => `near(${p.near.join(" ; ")}) within ${p.within}${p.ordered ? ", in order" : ""}`,
};

/** Several phrases close together: at most `within` words between neighbours, in any order unless `ordered`. */
export function findNear(parts: Phrase[], within: number, ordered: boolean, sentence: MatchSentence): TokenMatch | undefined {
  const occurrences = parts.map((p) => findAll(p, sentence));
  if (occurrences.some((o) => o.length === 0)) return undefined;
  let best: TokenMatch | undefined;
  const choose = (k: number, chosen: TokenMatch[]) => {
    if (k === parts.length) {
      const match = joined(ordered ? chosen : [...chosen].sort((a, b) => a.start - b.start), within);
      if (match && (!best || match.start < best.start || (match.start === best.start && match.end - match.start < best.end - best.start)))
        best = match;
      return;
    }
    for (const occurrence of occurrences[k]!) choose(k + 1, [...chosen, occurrence]);
  };
  choose(0, []);
  return best;
}

// The matches as one, if each starts after the previous one ends, with at most `within` words between.
function joined(sorted: TokenMatch[], within: number): TokenMatch | undefined {
  for (let i = 1; i < sorted.length; i++) {
    const gap = sorted[i]!.start - sorted[i - 1]!.end;
    if (gap < 0 || gap > within) return undefined;
  }
  return { start: sorted[0]!.start, end: Math.max(...sorted.map((m) => m.end)), words: sorted.flatMap((m) => m.words) };
}
