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

export interface Phrase {
  source: string;
  node: PhraseNode;
  /** Token keys one of which must occur where a match starts; undefined when any token can start one. */
  anchors: Set<string> | undefined;
}

/** Named lists of phrases, as defined in rule packs under `lists:`. */
export type Lists = Map<string, string[]>;

export class PhraseError extends Error {}

/** A token's keys: its stem, and its exact form for `=word`. */
export const stemKey = (s: string) => `s:${s}`;
export const exactKey = (w: string) => `w:${w}`;

const lexeme = /\s*(\(|\)|\||\?|~\d+|@[\w-]+|[^\s()|?]+)/y;

export function parsePhrase(source: string, lists: Lists, seen: string[] = []): Phrase {
  const lexemes: string[] = [];
  let read = 0;
  lexeme.lastIndex = 0;
  for (let m; (m = lexeme.exec(source)); read = lexeme.lastIndex) lexemes.push(m[1]!);
  if (source.slice(read).trim()) throw new PhraseError(`cannot read "${source.slice(read).trim()}"`);
  let at = 0;

  // Outside brackets "|" joins single words; inside, it separates whole phrases.
  const sequence = (inGroup = false): PhraseNode => {
    const items: PhraseNode[] = [];
    while (at < lexemes.length && lexemes[at] !== ")" && lexemes[at] !== "|") items.push(optional(inGroup));
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
    return options.length === 1 ? options[0]! : { kind: "alt", options };
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
  return { source, node, anchors: anchorsOf(node) };
}

function listNode(name: string, lists: Lists, seen: string[]): PhraseNode {
  const phrases = lists.get(name);
  if (!phrases) throw new PhraseError(`unknown list @${name}`);
  if (seen.includes(name)) throw new PhraseError(`list @${name} refers to itself`);
  return { kind: "alt", options: phrases.map((p) => parsePhrase(p, lists, [...seen, name]).node) };
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

function anchorsOf(node: PhraseNode): Set<string> | undefined {
  switch (node.kind) {
    case "word":
      return new Set([node.key]);
    case "seq":
      return anchorsOf(node.items[0]!);
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

type Partial = { end: number; words: number[] };

function tokenHas(token: Token, key: string): boolean {
  return key.startsWith("s:") ? key.slice(2) === token.stem : key.slice(2) === token.word;
}

// Every way `node` can match from token i: the possible ends, each with the word tokens it used.
function ends(node: PhraseNode, tokens: Token[], i: number): Partial[] {
  switch (node.kind) {
    case "word":
      return i < tokens.length && tokenHas(tokens[i]!, node.key) ? [{ end: i + 1, words: [i] }] : [];
    case "prefix":
      return i < tokens.length && tokens[i]!.word.startsWith(node.prefix) ? [{ end: i + 1, words: [i] }] : [];
    case "any":
      return i < tokens.length ? [{ end: i + 1, words: [] }] : [];
    case "gap": {
      const out: Partial[] = [];
      for (let n = 0; n <= node.max && i + n <= tokens.length; n++) out.push({ end: i + n, words: [] });
      return out;
    }
    case "opt":
      return [{ end: i, words: [] }, ...ends(node.node, tokens, i)];
    case "alt":
      return node.options.flatMap((o) => ends(o, tokens, i));
    case "seq": {
      let current: Partial[] = [{ end: i, words: [] }];
      for (const item of node.items) {
        const next = new Map<number, Partial>();
        for (const p of current)
          for (const e of ends(item, tokens, p.end)) if (!next.has(e.end)) next.set(e.end, { end: e.end, words: [...p.words, ...e.words] });
        current = [...next.values()];
        if (current.length === 0) break;
      }
      return current;
    }
  }
}

/** All leftmost-longest matches of a phrase among the tokens, at most one per start. */
export function findAll(phrase: Phrase, tokens: Token[], keys: Set<string>): TokenMatch[] {
  const { anchors } = phrase;
  if (anchors && ![...anchors].some((a) => keys.has(a))) return [];
  const matches: TokenMatch[] = [];
  for (let start = 0; start < tokens.length; start++) {
    if (anchors && !anchors.has(stemKey(tokens[start]!.stem)) && !anchors.has(exactKey(tokens[start]!.word))) continue;
    const found = ends(phrase.node, tokens, start).filter((e) => e.end > start);
    if (found.length === 0) continue;
    const longest = found.reduce((a, b) => (b.end > a.end ? b : a));
    matches.push({ start, end: longest.end, words: longest.words });
  }
  return matches;
}

/** The keys of a sentence's tokens, for the quick anchor check. */
export function tokenKeys(tokens: Token[]): Set<string> {
  const keys = new Set<string>();
  for (const t of tokens) {
    keys.add(stemKey(t.stem));
    keys.add(exactKey(t.word));
  }
  return keys;
}
