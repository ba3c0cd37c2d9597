import type { Token } from "../../../types.js";
import type { MatchSentence } from "../../sentence.js";
import type { PhraseNode } from "./parse.js";

/*
 * Cheap tests that spare the matcher most sentences: the keys a sentence must hold
 * for a phrase to match at all, and the keys a token must have to start a match.
 * They may let through sentences that do not match; they must never drop one that
 * does (test/phrase.test.ts checks this on random phrases and sentences).
 */

/** Keys of tokens: stems (`s:`), exact words (`w:`) and word prefixes (`p:`). */
export const stemKey = (s: string) => `s:${s}`;
export const exactKey = (w: string) => `w:${w}`;
const prefixKey = (p: string) => `p:${p}`;

export interface KeySet {
  /** Its number in this process: a sentence marks, once, every set its words belong to. */
  id: number;
  keys: Set<string>;
  prefixes: string[];
}

export interface Prefilter {
  /** Keys one of which a token must have to start a match; undefined when any token can start one. */
  anchors: KeySet | undefined;
  /** The sentence must hold one key of each of these, or the phrase cannot match. */
  required: KeySet[];
}

// Every distinct key set of the process, by its contents; and for each key and prefix, the sets
// holding it. Sets are shared by all phrases (and rulebooks) that need the same one.
const keySets = new Map<string, KeySet>();
const setsWithKey = new Map<string, number[]>();
const setsWithPrefix = new Map<string, number[]>();
let longestPrefix = 0;

/** The key set of these keys and prefixes, made once per process. */
export function keySetOf(keys: string[], prefixes: string[]): KeySet {
  const contents = `${keys.join("\n")}\t${prefixes.join("\n")}`;
  let set = keySets.get(contents);
  if (set) return set;
  set = { id: keySets.size, keys: new Set(keys), prefixes };
  keySets.set(contents, set);
  setsHeldByWord.clear();
  const index = (map: Map<string, number[]>, key: string) => {
    const ids = map.get(key);
    if (ids) ids.push(set.id);
    else map.set(key, [set.id]);
  };
  for (const key of set.keys) index(setsWithKey, key);
  for (const prefix of prefixes) {
    index(setsWithPrefix, prefix);
    longestPrefix = Math.max(longestPrefix, prefix.length);
  }
  return set;
}

const keySet = (keys: Iterable<string>): KeySet => {
  const all = [...keys];
  return keySetOf(
    all.filter((k) => !k.startsWith("p:")),
    all.filter((k) => k.startsWith("p:")).map((k) => k.slice(2)),
  );
};

export function prefilterOf(node: PhraseNode): Prefilter {
  const anchors = anchorsOf(node);
  return { anchors: anchors && keySet(anchors), required: requiredOf(node).map(keySet) };
}

/** Whether the sentence holds a key of every required set. */
export function mayMatch(prefilter: Prefilter, sentence: MatchSentence): boolean {
  const held = (sentence.heldKeySets ??= heldKeySets(sentence));
  for (const set of prefilter.required) {
    const word = set.id >>> 5;
    if (word < held.length ? ((held[word]! >>> (set.id & 31)) & 1) === 0 : !sentenceHasOne(sentence, set)) return false;
  }
  return true;
}

// The key sets (a bit per id) that hold one of the sentence's keys, or a prefix of one of its
// words: one pass over its words, where checking each phrase's sets against the sentence took many.
function heldKeySets(sentence: MatchSentence): Uint32Array {
  const held = new Uint32Array((keySets.size + 31) >>> 5);
  sentence.tokens.forEach((token, i) => {
    for (const id of setsHeldBy(token.word, sentence.tokenKeys[i]!)) held[id >>> 5]! |= 1 << (id & 31);
  });
  return held;
}

// Which sets a word's keys and prefixes are in, by word and stem: forms repeat their words, and
// one word has another stem in another language's sentence.
const setsHeldByWord = new Map<string, number[]>();
function setsHeldBy(word: string, [stemmed, exact]: [string, string]): number[] {
  const known = `${word}\u0000${stemmed}`;
  let ids = setsHeldByWord.get(known);
  if (ids) return ids;
  ids = [...(setsWithKey.get(stemmed) ?? []), ...(setsWithKey.get(exact) ?? [])];
  for (let n = Math.min(word.length, longestPrefix); n > 0; n--) ids.push(...(setsWithPrefix.get(word.slice(0, n)) ?? []));
  if (setsHeldByWord.size > 100_000) setsHeldByWord.clear();
  setsHeldByWord.set(known, ids);
  return ids;
}

/** Whether a match may start at token i. */
export function mayStartAt(prefilter: Prefilter, sentence: MatchSentence, i: number): boolean {
  const { anchors } = prefilter;
  if (!anchors) return true;
  const [stemmed, exact] = sentence.tokenKeys[i]!;
  return anchors.keys.has(stemmed) || anchors.keys.has(exact) || anchors.prefixes.some((p) => sentence.tokens[i]!.word.startsWith(p));
}

// An alternation's options by the keys that can start them: a list of a hundred phrases is
// then a few look-ups at each word, not a hundred attempts. Options that any word can start
// are always tried; the options tried keep their order, which decides between equal matches.
type AltNode = Extract<PhraseNode, { kind: "alt" }>;
interface Starts {
  byKey: Map<string, PhraseNode[]>;
  byPrefix: Map<string, PhraseNode[]>;
  prefixLengths: number[];
  always: PhraseNode[];
  order: Map<PhraseNode, number>;
}
const startsMemo = new WeakMap<AltNode, Starts>();
const noOptions: PhraseNode[] = [];

function startsOf(node: AltNode): Starts {
  const starts = startsMemo.get(node);
  if (starts) return starts;
  const found: Starts = { byKey: new Map(), byPrefix: new Map(), prefixLengths: [], always: [], order: new Map() };
  const add = (map: Map<string, PhraseNode[]>, key: string, option: PhraseNode) => {
    const options = map.get(key);
    if (!options) map.set(key, [option]);
    else if (options.at(-1) !== option) options.push(option);
  };
  for (const option of node.options) {
    if (found.order.has(option)) continue;
    found.order.set(option, found.order.size);
    const anchors = anchorsOf(option);
    if (!anchors) found.always.push(option);
    else
      for (const key of anchors)
        if (key.startsWith("p:")) add(found.byPrefix, key.slice(2), option);
        else add(found.byKey, key, option);
  }
  found.prefixLengths = [...new Set([...found.byPrefix.keys()].map((p) => p.length))];
  startsMemo.set(node, found);
  return found;
}

/** The options of an alternation that may match from a token (its word and its [stem, exact] keys), in their order. */
export function optionsStartingAt(node: AltNode, token: Token | undefined, keys: [string, string] | undefined): PhraseNode[] {
  const starts = startsOf(node);
  if (!token || !keys) return starts.always;
  let options: PhraseNode[] | undefined;
  let merged = false;
  const take = (more: PhraseNode[] | undefined) => {
    if (!more?.length) return;
    merged = options !== undefined;
    options = options ? [...options, ...more] : more;
  };
  take(starts.always);
  take(starts.byKey.get(keys[0]));
  take(starts.byKey.get(keys[1]));
  for (const n of starts.prefixLengths) if (n <= token.word.length) take(starts.byPrefix.get(token.word.slice(0, n)));
  if (!options) return noOptions;
  return merged ? [...new Set(options)].sort((a, b) => starts.order.get(a)! - starts.order.get(b)!) : options;
}

function sentenceHasOne(sentence: MatchSentence, set: KeySet): boolean {
  // walk the smaller of the two sets
  if (set.keys.size < sentence.keys.size) {
    for (const k of set.keys) if (sentence.keys.has(k)) return true;
  } else for (const k of sentence.keys) if (set.keys.has(k)) return true;
  return set.prefixes.some((p) => sentence.tokens.some((t) => t.word.startsWith(p)));
}

// List nodes are shared by many phrases: what they require is worked out once.
const requiredMemo = new WeakMap<PhraseNode, Set<string>[]>();
function requiredOf(node: PhraseNode): Set<string>[] {
  let required = requiredMemo.get(node);
  if (!required) requiredMemo.set(node, (required = computeRequired(node)));
  return required;
}

function computeRequired(node: PhraseNode): Set<string>[] {
  switch (node.kind) {
    case "word":
      return [new Set([node.key])];
    case "prefix":
      return [new Set([prefixKey(node.prefix)])];
    case "seq":
      return node.items.flatMap(requiredOf);
    case "alt": {
      const all = new Set<string>();
      for (const option of node.options) {
        const first = requiredOf(option)[0];
        if (!first) return [];
        for (const key of first) all.add(key);
      }
      return [all];
    }
    default:
      return [];
  }
}

const anchorMemo = new WeakMap<PhraseNode, Set<string> | undefined>();
function anchorsOf(node: PhraseNode): Set<string> | undefined {
  if (!anchorMemo.has(node)) anchorMemo.set(node, computeAnchors(node));
  return anchorMemo.get(node);
}

function computeAnchors(node: PhraseNode): Set<string> | undefined {
  switch (node.kind) {
    case "word":
      return new Set([node.key]);
    case "prefix":
      return new Set([prefixKey(node.prefix)]);
    case "seq": {
      // an optional first word ("(the|a)? sponsor") lets the next one start a match too
      const all = new Set<string>();
      for (const item of node.items) {
        const anchors = anchorsOf(item.kind === "opt" ? item.node : item);
        if (!anchors) return undefined;
        for (const a of anchors) all.add(a);
        if (item.kind !== "opt") return all;
      }
      return undefined;
    }
    case "alt": {
      const all = new Set<string>();
      for (const option of node.options) {
        const anchors = anchorsOf(option);
        if (!anchors) return undefined;
        for (const a of anchors) all.add(a);
      }
      return all;
    }
    default:
      return undefined;
  }
}
