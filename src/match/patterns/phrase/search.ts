import type { Token } from "../../../types.js";
import type { MatchSentence, TokenMatch } from "../../sentence.js";
import type { Phrase, PhraseNode } from "./parse.js";
import { mayMatch, mayStartAt } from "./prefilter.js";

// The word tokens a partial match used, as a tree joined in O(1) and flattened once per match.
type Words = null | number | { a: Words; b: Words };
type Partial = { end: number; words: Words };

const join = (a: Words, b: Words): Words => (a === null ? b : b === null ? a : { a, b });
const flatten = (w: Words, out: number[] = []): number[] => {
  if (typeof w === "number") out.push(w);
  else if (w) flatten(w.b, flatten(w.a, out));
  return out;
};

type Memo = Map<PhraseNode, (Partial[] | undefined)[]>;

// Every way `node` can match from token i: the possible ends, each with the word tokens it used.
// Results are memoized per node and position, as list nodes recur within a phrase.
function ends(node: PhraseNode, tokens: Token[], i: number, memo: Memo): Partial[] {
  let byPosition = memo.get(node);
  if (!byPosition) memo.set(node, (byPosition = []));
  return (byPosition[i] ??= computeEnds(node, tokens, i, memo));
}

type NodeOf<K extends PhraseNode["kind"]> = Extract<PhraseNode, { kind: K }>;
type EndsOf = { [K in PhraseNode["kind"]]: (node: NodeOf<K>, tokens: Token[], i: number, memo: Memo) => Partial[] };

// How each kind of node matches from token i.
const endsOf: EndsOf = {
  word: (node, tokens, i) => (i < tokens.length && tokenHasKey(tokens[i]!, node.key) ? [{ end: i + 1, words: i }] : []),
  prefix: (node, tokens, i) => (i < tokens.length && tokens[i]!.word.startsWith(node.prefix) ? [{ end: i + 1, words: i }] : []),
  any: (_node, tokens, i) => (i < tokens.length ? [{ end: i + 1, words: null }] : []),
  gap: (node, tokens, i) => {
    const out: Partial[] = [];
    for (let n = 0; n <= node.max && i + n <= tokens.length; n++) out.push({ end: i + n, words: null });
    return out;
  },
  opt: (node, tokens, i, memo) => [{ end: i, words: null }, ...ends(node.node, tokens, i, memo)],
  alt: (node, tokens, i, memo) => node.options.flatMap((o) => ends(o, tokens, i, memo)),
  seq: (node, tokens, i, memo) => sequenceEnds(node.items, tokens, i, memo),
};

const computeEnds = (node: PhraseNode, tokens: Token[], i: number, memo: Memo): Partial[] =>
  (endsOf[node.kind] as (node: PhraseNode, tokens: Token[], i: number, memo: Memo) => Partial[])(node, tokens, i, memo);

function sequenceEnds(items: PhraseNode[], tokens: Token[], i: number, memo: Memo): Partial[] {
  let current: Partial[] = [{ end: i, words: null }];
  for (const item of items) {
    const next: Partial[] = [];
    const seen: boolean[] = [];
    for (const p of current)
      for (const e of ends(item, tokens, p.end, memo))
        if (!seen[e.end]) {
          seen[e.end] = true;
          next.push({ end: e.end, words: join(p.words, e.words) });
        }
    current = next;
    if (current.length === 0) break;
  }
  return current;
}

const tokenHasKey = (t: Token, key: string) => (key.startsWith("s:") ? key.slice(2) === t.stem : key.slice(2) === t.word);

/** All leftmost-longest matches of a phrase in a sentence, at most one per start (remembered per sentence). */
export function findAll(phrase: Phrase, sentence: MatchSentence): TokenMatch[] {
  let matches = sentence.found.get(phrase);
  if (!matches) sentence.found.set(phrase, (matches = search(phrase, sentence)));
  return matches;
}

/** The matches of a phrase, found afresh; `prefilter: false` tries every start (the reference the prefilter is tested against). */
export function search(phrase: Phrase, sentence: MatchSentence, options: { prefilter: boolean } = { prefilter: true }): TokenMatch[] {
  if (options.prefilter && !mayMatch(phrase.prefilter, sentence)) return [];
  const { tokens } = sentence;
  const matches: TokenMatch[] = [];
  const memo: Memo = new Map();
  for (let start = 0; start < tokens.length; start++) {
    if (options.prefilter && !mayStartAt(phrase.prefilter, sentence, start)) continue;
    let longest: Partial | undefined;
    for (const e of ends(phrase.node, tokens, start, memo)) if (e.end > start && (!longest || e.end > longest.end)) longest = e;
    if (longest) matches.push({ start, end: longest.end, words: flatten(longest.words) });
  }
  return matches;
}
