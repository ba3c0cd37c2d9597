import { normalizeWord, stem, type Token } from "../text/tokens.js";

/*
 * The phrase language of rule patterns, matched against a sentence's tokens:
 *   share            any form of the word (stems: share, shares, shared, sharing)
 *   =us              this exact word, not its stem
 *   anonym*          any word starting with "anonym"
 *   a|b|c            one of these words at this place
 *   (two words|other phrase)   inside brackets, | separates whole phrases
 *   word?            optional
 *   *                any one word
 *   ~4               up to four words of any kind
 *   @recipients      one of the phrases of a named list
 *   de-identified    hyphenated words are a sequence: it also matches "de identified"
 */
export type PhraseNode =
  | { kind: "word"; key: string; text: string }
  | { kind: "prefix"; prefix: string }
  | { kind: "any" }
  | { kind: "gap"; max: number }
  | { kind: "seq"; items: PhraseNode[] }
  | { kind: "alt"; options: PhraseNode[] }
  | { kind: "opt"; node: PhraseNode };

/** Keys of tokens: stems (`s:`), exact words (`w:`) and word prefixes (`p:`). */
interface KeySet {
  keys: Set<string>;
  prefixes: string[];
}

export interface Phrase {
  source: string;
  node: PhraseNode;
  /** Keys one of which a token must have to start a match; undefined when any token can start one. */
  anchors: KeySet | undefined;
  /** The sentence must hold one key of each of these, or the phrase cannot match. */
  required: KeySet[];
}

/** A sentence's tokens as matchers see them; `found` remembers each phrase's matches in it. */
export interface Tokens {
  tokens: Token[];
  keys: Set<string>;
  /** Each token's stem key and exact key, made once per sentence. */
  tokenKeys: [string, string][];
  found: Map<Phrase, TokenMatch[]>;
}

/** Named lists of phrases, as defined in rule packs under `lists:`. */
export type Lists = Map<string, string[]>;

export class PhraseError extends Error {}

/** A token's keys: its stem, and its exact form for `=word`. */
export const stemKey = (s: string) => `s:${s}`;
export const exactKey = (w: string) => `w:${w}`;
const prefixKey = (p: string) => `p:${p}`;

const keySet = (keys: string[]): KeySet => ({
  keys: new Set(keys.filter((k) => !k.startsWith("p:"))),
  prefixes: keys.filter((k) => k.startsWith("p:")).map((k) => k.slice(2)),
});
const tokenHasKey = (t: Token, key: string) => (key.startsWith("s:") ? key.slice(2) === t.stem : key.slice(2) === t.word);
const tokenInSet = (s: Tokens, i: number, set: KeySet) =>
  set.keys.has(s.tokenKeys[i]![0]) || set.keys.has(s.tokenKeys[i]![1]) || set.prefixes.some((p) => s.tokens[i]!.word.startsWith(p));
const sentenceHasOne = (s: Tokens, set: KeySet) => {
  // walk the smaller of the two sets
  if (set.keys.size < s.keys.size) {
    for (const k of set.keys) if (s.keys.has(k)) return true;
  } else for (const k of s.keys) if (set.keys.has(k)) return true;
  return set.prefixes.some((p) => s.tokens.some((t) => t.word.startsWith(p)));
};

const lexeme = /\s*(\(|\)|\||\?|~\d+|@[\w-]+|[^\s()|?]+)/y;

// Phrases are interned per rule set: rules share `requires` and list phrases, and a
// sentence remembers each phrase's matches, so shared phrases are matched once.
const interned = new WeakMap<Lists, Map<string, Phrase>>();

export function parsePhrase(source: string, lists: Lists, seen: string[] = []): Phrase {
  if (seen.length) return parse(source, lists, seen);
  let bySource = interned.get(lists);
  if (!bySource) interned.set(lists, (bySource = new Map()));
  let phrase = bySource.get(source);
  if (!phrase) bySource.set(source, (phrase = parse(source, lists, seen)));
  return phrase;
}

function parse(source: string, lists: Lists, seen: string[]): Phrase {
  const lexemes: string[] = [];
  let read = 0;
  lexeme.lastIndex = 0;
  for (let m; (m = lexeme.exec(source)); read = lexeme.lastIndex) lexemes.push(m[1]!);
  if (source.slice(read).trim()) throw new PhraseError(`cannot read "${source.slice(read).trim()}"`);
  let at = 0;

  // Outside brackets "|" joins single words; inside, it separates whole phrases.
  // "opt out|withdraw" reads as a choice of phrases but means "opt (out|withdraw)": two
  // bare alternations side by side are nearly always that mistake, so they are refused.
  const bare = new Set<PhraseNode>();
  const sequence = (inGroup = false): PhraseNode => {
    const items: PhraseNode[] = [];
    while (at < lexemes.length && lexemes[at] !== ")" && lexemes[at] !== "|") {
      items.push(optional(inGroup));
      if (items.length > 1 && bare.has(items.at(-1)!) && bare.has(items.at(-2)!))
        throw new PhraseError('ambiguous "|": it joins single words; put alternative phrases in brackets, e.g. "(third party|outside company)"');
    }
    if (items.length === 0) throw new PhraseError("empty phrase or group");
    return items.length === 1 ? items[0]! : { kind: "seq", items };
  };
  const optional = (inGroup: boolean): PhraseNode => {
    const node = inGroup ? unit() : alternatives();
    if (lexemes[at] === "?") {
      at++;
      return { kind: "opt", node };
    }
    return node;
  };
  const alternatives = (): PhraseNode => {
    const options = [unit()];
    while (lexemes[at] === "|") {
      at++;
      options.push(unit());
    }
    if (options.length === 1) return options[0]!;
    const node: PhraseNode = { kind: "alt", options };
    bare.add(node);
    return node;
  };
  const unit = (): PhraseNode => {
    const lex = lexemes[at++];
    if (lex === undefined) throw new PhraseError("phrase ends too early");
    if (lex === "(") {
      const options = [sequence(true)];
      while (lexemes[at] === "|") {
        at++;
        options.push(sequence(true));
      }
      if (lexemes[at++] !== ")") throw new PhraseError("missing )");
      return options.length === 1 ? options[0]! : { kind: "alt", options };
    }
    if (lex === ")" || lex === "|" || lex === "?") throw new PhraseError(`unexpected "${lex}"`);
    if (lex === "*") return { kind: "any" };
    if (lex.startsWith("~")) return { kind: "gap", max: Number(lex.slice(1)) };
    if (lex.startsWith("@")) return listNode(lex.slice(1), lists, seen);
    return wordNode(lex);
  };

  const node = sequence();
  if (at < lexemes.length) throw new PhraseError(`unexpected "${lexemes[at]}"`);
  const items = node.kind === "seq" ? node.items : [node];
  if (items[0]!.kind === "gap" || items.at(-1)!.kind === "gap") throw new PhraseError("a phrase cannot start or end with a ~gap");
  const anchors = anchorsOf(node);
  return { source, node, anchors: anchors && keySet([...anchors]), required: requiredOf(node).map((r) => keySet([...r])) };
}

// A list is parsed once and its node shared by every phrase that uses it.
const parsedLists = new WeakMap<Lists, Map<string, PhraseNode>>();

function listNode(name: string, lists: Lists, seen: string[]): PhraseNode {
  const phrases = lists.get(name);
  if (!phrases) throw new PhraseError(`unknown list @${name}`);
  if (seen.includes(name)) throw new PhraseError(`list @${name} refers to itself`);
  let cache = parsedLists.get(lists);
  if (!cache) parsedLists.set(lists, (cache = new Map()));
  let node = cache.get(name);
  if (!node) {
    node = { kind: "alt", options: phrases.map((p) => parsePhrase(p, lists, [...seen, name]).node) };
    cache.set(name, node);
  }
  return node;
}

// "de-identif*" is the word "de" then any word starting with "identif", as tokens split at hyphens.
function wordNode(lex: string): PhraseNode {
  const exact = lex.startsWith("=");
  const parts = normalizeWord(exact ? lex.slice(1) : lex)
    .split("-")
    .filter(Boolean);
  if (parts.length === 0 || parts.some((p) => !/^[\p{L}\p{N}']+\*?$/u.test(p))) throw new PhraseError(`"${lex}" is not a word`);
  const words: PhraseNode[] = parts.map((p) =>
    p.endsWith("*") ? { kind: "prefix", prefix: p.slice(0, -1) } : { kind: "word", key: exact ? exactKey(p) : stemKey(stem(p)), text: p },
  );
  return words.length === 1 ? words[0]! : { kind: "seq", items: words };
}

/**
 * Sets of token keys of which the sentence must hold at least one each for the
 * phrase to match: a cheap test that spares the matcher most sentences.
 */
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

// List nodes are shared by many phrases: their anchors are worked out once.
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

/** A match of a pattern in a sentence: tokens [start, end), and which tokens named words of the pattern matched. */
export interface TokenMatch {
  start: number;
  end: number;
  words: number[];
}

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

function computeEnds(node: PhraseNode, tokens: Token[], i: number, memo: Memo): Partial[] {
  switch (node.kind) {
    case "word":
      return i < tokens.length && tokenHasKey(tokens[i]!, node.key) ? [{ end: i + 1, words: i }] : [];
    case "prefix":
      return i < tokens.length && tokens[i]!.word.startsWith(node.prefix) ? [{ end: i + 1, words: i }] : [];
    case "any":
      return i < tokens.length ? [{ end: i + 1, words: null }] : [];
    case "gap": {
      const out: Partial[] = [];
      for (let n = 0; n <= node.max && i + n <= tokens.length; n++) out.push({ end: i + n, words: null });
      return out;
    }
    case "opt":
      return [{ end: i, words: null }, ...ends(node.node, tokens, i, memo)];
    case "alt": {
      const out: Partial[] = [];
      for (const o of node.options) for (const e of ends(o, tokens, i, memo)) out.push(e);
      return out;
    }
    case "seq": {
      let current: Partial[] = [{ end: i, words: null }];
      for (const item of node.items) {
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
  }
}

/** All leftmost-longest matches of a phrase in a sentence, at most one per start (remembered per sentence). */
export function findAll(phrase: Phrase, sentence: Tokens): TokenMatch[] {
  let matches = sentence.found.get(phrase);
  if (!matches) sentence.found.set(phrase, (matches = search(phrase, sentence)));
  return matches;
}

function search(phrase: Phrase, sentence: Tokens): TokenMatch[] {
  if (!phrase.required.every((set) => sentenceHasOne(sentence, set))) return [];
  const { tokens } = sentence;
  const matches: TokenMatch[] = [];
  const memo: Memo = new Map();
  for (let start = 0; start < tokens.length; start++) {
    if (phrase.anchors && !tokenInSet(sentence, start, phrase.anchors)) continue;
    let longest: Partial | undefined;
    for (const e of ends(phrase.node, tokens, start, memo)) if (e.end > start && (!longest || e.end > longest.end)) longest = e;
    if (longest) matches.push({ start, end: longest.end, words: flatten(longest.words) });
  }
  return matches;
}

/** A sentence's tokens with the keys the quick checks use. */
export function tokensOf(tokens: Token[]): Tokens {
  const keys = new Set<string>();
  const tokenKeys = tokens.map((t): [string, string] => [stemKey(t.stem), exactKey(t.word)]);
  for (const [stemmed, exact] of tokenKeys) keys.add(stemmed).add(exact);
  return { tokens, keys, tokenKeys, found: new Map() };
}
