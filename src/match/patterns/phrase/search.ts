import type { Token } from "../../../types.js";
import type { MatchSentence, TokenMatch } from "../../sentence.js";
import type { Phrase, PhraseNode } from "./parse.js";
import { mayMatch, mayStartAt, optionsStartingAt } from "./prefilter.js";

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

/** One search of a phrase in a sentence: its words, their keys, what was found so far, and whether alternations look only at options that can start at a word. */
interface Search {
  tokens: Token[];
  keys: [string, string][];
  memo: Memo;
  prefilter: boolean;
}

// Every way `node` can match from token i: the possible ends, each with the word tokens it used.
// Results are memoized per node and position, as list nodes recur within a phrase.
function ends(node: PhraseNode, s: Search, i: number): Partial[] {
  let byPosition = s.memo.get(node);
  if (!byPosition) s.memo.set(node, (byPosition = []));
  return (byPosition[i] ??= computeEnds(node, s, i));
}

type NodeOf<K extends PhraseNode["kind"]> = Extract<PhraseNode, { kind: K }>;
type EndsOf = { [K in PhraseNode["kind"]]: (node: NodeOf<K>, s: Search, i: number) => Partial[] };

// How each kind of node matches from token i.
const endsOf: EndsOf = {
  word: (node, s, i) =>
    i < s.tokens.length && (s.keys[i]![0] === node.key || s.keys[i]![1] === node.key) ? [{ end: i + 1, words: i }] : [],
  prefix: (node, s, i) => (i < s.tokens.length && s.tokens[i]!.word.startsWith(node.prefix) ? [{ end: i + 1, words: i }] : []),
  any: (_node, s, i) => (i < s.tokens.length ? [{ end: i + 1, words: null }] : []),
  gap: (node, s, i) => {
    const out: Partial[] = [];
    for (let n = 0; n <= node.max && i + n <= s.tokens.length; n++) out.push({ end: i + n, words: null });
    return out;
  },
  opt: (node, s, i) => [{ end: i, words: null }, ...ends(node.node, s, i)],
  alt: (node, s, i) => {
    const options = s.prefilter ? optionsStartingAt(node, s.tokens[i], s.keys[i]) : node.options;
    return options.length === 1 ? ends(options[0]!, s, i) : options.flatMap((o) => ends(o, s, i));
  },
  seq: (node, s, i) => sequenceEnds(node.items, s, i),
};

const computeEnds = (node: PhraseNode, s: Search, i: number): Partial[] =>
  (endsOf[node.kind] as (node: PhraseNode, s: Search, i: number) => Partial[])(node, s, i);

function sequenceEnds(items: PhraseNode[], s: Search, i: number): Partial[] {
  let current: Partial[] = [{ end: i, words: null }];
  for (const item of items) {
    const next: Partial[] = [];
    const seen: boolean[] = [];
    for (const p of current)
      for (const e of ends(item, s, p.end))
        if (!seen[e.end]) {
          seen[e.end] = true;
          next.push({ end: e.end, words: join(p.words, e.words) });
        }
    current = next;
    if (current.length === 0) break;
  }
  return current;
}

const noMatches: TokenMatch[] = Object.freeze([]) as unknown as TokenMatch[];

/** All leftmost-longest matches of a phrase in a sentence, at most one per start (remembered per sentence). */
export function findAll(phrase: Phrase, sentence: MatchSentence): TokenMatch[] {
  // Most phrases fail the prefilter in most sentences: that answer needs no remembering.
  if (!mayMatch(phrase.prefilter, sentence)) return noMatches;
  let matches = sentence.found.get(phrase);
  if (!matches) sentence.found.set(phrase, (matches = search(phrase, sentence)));
  return matches;
}

/** The matches of a phrase, found afresh; `prefilter: false` tries every start (the reference the prefilter is tested against). */
export function search(phrase: Phrase, sentence: MatchSentence, options: { prefilter: boolean } = { prefilter: true }): TokenMatch[] {
  if (options.prefilter && !mayMatch(phrase.prefilter, sentence)) return [];
  const { tokens } = sentence;
  const matches: TokenMatch[] = [];
  const s: Search = { tokens, keys: sentence.tokenKeys, memo: new Map(), prefilter: options.prefilter };
  for (let start = 0; start < tokens.length; start++) {
    if (options.prefilter && !mayStartAt(phrase.prefilter, sentence, start)) continue;
    let longest: Partial | undefined;
    for (const e of ends(phrase.node, s, start)) if (e.end > start && (!longest || e.end > longest.end)) longest = e;
    if (longest) matches.push({ start, end: longest.end, words: flatten(longest.words) });
  }
  return matches;
}
