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
  keys: Set<string>;
  prefixes: string[];
}

export interface Prefilter {
  /** Keys one of which a token must have to start a match; undefined when any token can start one. */
  anchors: KeySet | undefined;
  /** The sentence must hold one key of each of these, or the phrase cannot match. */
  required: KeySet[];
}

const keySet = (keys: Iterable<string>): KeySet => {
  const all = [...keys];
  return { keys: new Set(all.filter((k) => !k.startsWith("p:"))), prefixes: all.filter((k) => k.startsWith("p:")).map((k) => k.slice(2)) };
};

export function prefilterOf(node: PhraseNode): Prefilter {
  const anchors = anchorsOf(node);
  return { anchors: anchors && keySet(anchors), required: requiredOf(node).map(keySet) };
}

/** Whether the sentence holds a key of every required set. */
export function mayMatch(prefilter: Prefilter, sentence: MatchSentence): boolean {
  return prefilter.required.every((set) => sentenceHasOne(sentence, set));
}

/** Whether a match may start at token i. */
export function mayStartAt(prefilter: Prefilter, sentence: MatchSentence, i: number): boolean {
  const { anchors } = prefilter;
  if (!anchors) return true;
  const [stemmed, exact] = sentence.tokenKeys[i]!;
  return anchors.keys.has(stemmed) || anchors.keys.has(exact) || anchors.prefixes.some((p) => sentence.tokens[i]!.word.startsWith(p));
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
