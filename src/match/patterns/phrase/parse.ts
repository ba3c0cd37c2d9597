import { normalizeWord, stem } from "../../../text/tokens.js";
import { exactKey, prefilterOf, stemKey, type Prefilter } from "./prefilter.js";

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
  prefilter: Prefilter;
}

/**
 * Named lists of phrases, as defined in rule packs under `lists:`, of the files of one
 * language: the words of every phrase parsed with them are stemmed in that language
 * (English when none is given).
 */
export type Lists = Map<string, string[]> & { readonly language?: string };

/** Empty lists for the phrases of a language. */
export const listsOf = (language: string): Lists => Object.assign(new Map<string, string[]>(), { language });

export class PhraseError extends Error {}

const lexeme = /\s*(\(|\)|\||\?|~\d+|@[\w-]+|[^\s()|?]+)/y;

// Phrases are interned per rulebook: rules share `requires` and list phrases, and a
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

/** The phrases interned for these lists so far (the build writes them into its bundle). */
export const internedPhrases = (lists: Lists): Phrase[] => [...(interned.get(lists)?.values() ?? [])];

/** Takes phrases parsed before (by the build) as those of these lists, so that compiling them parses nothing. */
export function internPhrases(lists: Lists, phrases: Phrase[]): void {
  let bySource = interned.get(lists);
  if (!bySource) interned.set(lists, (bySource = new Map()));
  for (const phrase of phrases) bySource.set(phrase.source, phrase);
}

function lex(source: string): string[] {
  const lexemes: string[] = [];
  let read = 0;
  lexeme.lastIndex = 0;
  for (let m; (m = lexeme.exec(source)); read = lexeme.lastIndex) lexemes.push(m[1]!);
  if (source.slice(read).trim()) throw new PhraseError(`cannot read "${source.slice(read).trim()}"`);
  return lexemes;
}

function parse(source: string, lists: Lists, seen: string[]): Phrase {
  const parser = new Parser(lex(source), lists, seen);
  const node = parser.sequence();
  parser.expectEnd();
  const items = node.kind === "seq" ? node.items : [node];
  if (items[0]!.kind === "gap" || items.at(-1)!.kind === "gap") throw new PhraseError("a phrase cannot start or end with a ~gap");
  return { source, node, prefilter: prefilterOf(node) };
}

// Outside brackets "|" joins single words; inside, it separates whole phrases.
// "opt out|withdraw" reads as a choice of phrases but means "opt (out|withdraw)": two
// bare alternations side by side are nearly always that mistake, so they are refused.
class Parser {
  private at = 0;
  private readonly bare = new Set<PhraseNode>();

  constructor(
    private readonly lexemes: string[],
    private readonly lists: Lists,
    private readonly seen: string[],
  ) {}

  expectEnd() {
    if (this.at < this.lexemes.length) throw new PhraseError(`unexpected "${this.lexemes[this.at]}"`);
  }

  sequence(inGroup = false): PhraseNode {
    const items: PhraseNode[] = [];
    while (this.at < this.lexemes.length && this.lexemes[this.at] !== ")" && this.lexemes[this.at] !== "|") {
      items.push(this.optional(inGroup));
      if (items.length > 1 && this.bare.has(items.at(-1)!) && this.bare.has(items.at(-2)!))
        throw new PhraseError(
          'ambiguous "|": it joins single words; put alternative phrases in brackets, e.g. "(third party|outside company)"',
        );
    }
    if (items.length === 0) throw new PhraseError("empty phrase or group");
    return items.length === 1 ? items[0]! : { kind: "seq", items };
  }

  private optional(inGroup: boolean): PhraseNode {
    const node = inGroup ? this.unit() : this.alternatives();
    if (this.lexemes[this.at] !== "?") return node;
    this.at++;
    return { kind: "opt", node };
  }

  private alternatives(): PhraseNode {
    const options = [this.unit()];
    while (this.lexemes[this.at] === "|") {
      this.at++;
      options.push(this.unit());
    }
    if (options.length === 1) return options[0]!;
    const node: PhraseNode = { kind: "alt", options };
    this.bare.add(node);
    return node;
  }

  private unit(): PhraseNode {
    const lexeme = this.lexemes[this.at++];
    if (lexeme === undefined) throw new PhraseError("phrase ends too early");
    if (lexeme === "(") return this.group();
    if (lexeme === ")" || lexeme === "|" || lexeme === "?") throw new PhraseError(`unexpected "${lexeme}"`);
    if (lexeme === "*") return { kind: "any" };
    if (lexeme.startsWith("~")) return { kind: "gap", max: Number(lexeme.slice(1)) };
    if (lexeme.startsWith("@")) return listNode(lexeme.slice(1), this.lists, this.seen);
    return wordNode(lexeme, this.lists.language);
  }

  private group(): PhraseNode {
    const options = [this.sequence(true)];
    while (this.lexemes[this.at] === "|") {
      this.at++;
      options.push(this.sequence(true));
    }
    if (this.lexemes[this.at++] !== ")") throw new PhraseError("missing )");
    return options.length === 1 ? options[0]! : { kind: "alt", options };
  }
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
// Words are normalized and stemmed as the tokens of a sentence in the phrase's language are.
function wordNode(lexeme: string, language: string | undefined): PhraseNode {
  const exact = lexeme.startsWith("=");
  const parts = normalizeWord(exact ? lexeme.slice(1) : lexeme, language)
    .split("-")
    .filter(Boolean);
  if (parts.length === 0 || parts.some((p) => !/^[\p{L}\p{N}']+\*?$/u.test(p))) throw new PhraseError(`"${lexeme}" is not a word`);
  const words: PhraseNode[] = parts.map((p) =>
    p.endsWith("*")
      ? { kind: "prefix", prefix: p.slice(0, -1) }
      : { kind: "word", key: exact ? exactKey(p) : stemKey(stem(p, language)), text: p },
  );
  return words.length === 1 ? words[0]! : { kind: "seq", items: words };
}
