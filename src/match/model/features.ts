import { parsePhrase, type Lists, type Phrase } from "../patterns/phrase/parse.js";
import { findAll } from "../patterns/phrase/search.js";
import { decidePolarity, type CompiledLanguage } from "../polarity.js";
import type { MatchSentence, TokenMatch } from "../sentence.js";

/** A named list of the rule pack (`@hand-over`, `@recipients`...): its phrases, and the lists it names whole. */
export interface Vocabulary {
  name: string;
  phrases: Phrase[];
  lists: string[];
}

/**
 * Every named list of the rulebook, in name order, so feature ids do not depend on file order.
 * Each phrase of a list is searched on its own: its prefilter then spares most sentences,
 * where one alternation of a whole list would be tried at almost every word.
 */
export function vocabularies(lists: Lists): Vocabulary[] {
  return [...lists.keys()].sort().map((name) => {
    const sources = lists.get(name)!.map((p) => p.trim());
    const whole = (p: string) => /^@[\w-]+$/.test(p);
    return {
      name,
      phrases: sources.filter((p) => !whole(p)).map((p) => parsePhrase(p, lists)),
      lists: sources.filter(whole).map((p) => p.slice(1)),
    };
  });
}

/**
 * The phrases of every vocabulary by a word one of them needs (a key of the first set of its
 * prefilter), each with the vocabulary it belongs to: a sentence's own keys then name the few
 * phrases worth searching in it, where testing every phrase's prefilter would cost more than
 * the search. Phrases that need no whole word (a prefix, a gap) are under "".
 */
export type PhraseIndex = Map<string, { vocabulary: string; phrase: Phrase }[]>;

function indexPhrases(vocabulary: Iterable<Vocabulary>): PhraseIndex {
  const index: PhraseIndex = new Map();
  const add = (key: string, entry: { vocabulary: string; phrase: Phrase }) => (index.get(key) ?? index.set(key, []).get(key)!).push(entry);
  for (const { name, phrases } of vocabulary)
    for (const phrase of phrases) {
      const first = phrase.prefilter.required[0];
      if (!first || first.prefixes.length > 0) add("", { vocabulary: name, phrase });
      else for (const key of first.keys) add(key, { vocabulary: name, phrase });
    }
  return index;
}

/** The vocabulary matches of one sentence, worked out as they are asked for and remembered. */
export class SentenceVocabulary {
  private readonly seen = new Map<string, TokenMatch[]>();
  /** The phrases that may match in the sentence, by vocabulary. */
  private readonly possible = new Map<string, Set<Phrase>>();

  constructor(
    readonly sentence: MatchSentence,
    readonly context: FeatureContext,
  ) {
    const note = (entries: { vocabulary: string; phrase: Phrase }[] | undefined) => {
      for (const { vocabulary, phrase } of entries ?? [])
        (this.possible.get(vocabulary) ?? this.possible.set(vocabulary, new Set()).get(vocabulary)!).add(phrase);
    };
    note(context.index.get(""));
    for (const key of sentence.keys) note(context.index.get(key));
  }

  /** The matches of a vocabulary: of its phrases and of the lists it names. */
  matches(name: string): TokenMatch[] {
    let matches = this.seen.get(name);
    if (!matches) {
      matches = [];
      for (const phrase of this.possible.get(name) ?? [])
        for (const m of findAll(phrase, this.sentence)) matches.push(m);
      for (const list of this.context.vocabulary.get(name)?.lists ?? []) for (const m of this.matches(list)) matches.push(m);
      this.seen.set(name, matches);
    }
    return matches;
  }
}

/** What features are made with: the rule pack's vocabularies and its negation words. */
export interface FeatureContext {
  vocabulary: Map<string, Vocabulary>;
  index: PhraseIndex;
  language: CompiledLanguage;
}

export function featureContext(lists: Lists, language: CompiledLanguage): FeatureContext {
  const vocabulary = new Map(vocabularies(lists).map((v) => [v.name, v]));
  return { vocabulary, index: indexPhrases(vocabulary.values()), language };
}

/** A sentence and what surrounds it. */
export interface SentenceContext {
  sentence: MatchSentence;
  /** The sentence that introduced its list, for a list item. */
  leadIn?: MatchSentence | undefined;
}

// Numbers say nothing by their value ("within 30 days", "section 4").
const stemOf = (stem: string) => (/^\d/.test(stem) ? "#" : stem);

/**
 * The features of a sentence, each a readable id:
 *   s:share             a word's stem
 *   b:share with        two stems in a row
 *   @hand-over          a phrase of a rule-pack vocabulary, not negated
 *   @hand-over!not      the same, negated in its clause (the matcher's NegEx logic)
 *   @data&@hand-over    two vocabularies in one sentence, neither negated
 *   item                a list item (it has a lead-in)
 *   in:s:share, in:@recipients   the words and vocabularies of the lead-in
 * Distinct, in the order found.
 */
export function sentenceFeatures(context: SentenceContext, features: FeatureContext, leadIns?: Map<number, string[]>): string[] {
  return featuresWithVocabulary(context, features, leadIns).features;
}

/** The features of a sentence, and its vocabulary matches they were made of (the model's hits show their words). */
export function featuresWithVocabulary(
  context: SentenceContext,
  features: FeatureContext,
  leadIns?: Map<number, string[]>,
): { features: string[]; vocabulary: SentenceVocabulary } {
  const found = new Set<string>();
  addStems(found, "", context.sentence, true);
  const vocabulary = new SentenceVocabulary(context.sentence, features);
  const plain = addVocabularies(found, "", vocabulary);
  plain.forEach((a, i) => plain.slice(i + 1).forEach((b) => found.add(`${a}&${b}`)));
  if (context.leadIn) {
    found.add("item");
    for (const f of leadInFeatures(context.leadIn, features, leadIns)) found.add(f);
  }
  return { features: [...found], vocabulary };
}

// A lead-in introduces every item of its list: `leadIns` (by where it starts) spares working it out again for each.
function leadInFeatures(leadIn: MatchSentence, features: FeatureContext, leadIns?: Map<number, string[]>): string[] {
  let found = leadIns?.get(leadIn.span.start);
  if (!found) {
    const set = new Set<string>();
    addStems(set, "in:", leadIn, false);
    addVocabularies(set, "in:", new SentenceVocabulary(leadIn, features));
    found = [...set];
    leadIns?.set(leadIn.span.start, found);
  }
  return found;
}

function addStems(found: Set<string>, prefix: string, sentence: MatchSentence, bigrams: boolean) {
  const stems = sentence.tokens.map((t) => stemOf(t.stem));
  stems.forEach((s, i) => {
    found.add(`${prefix}s:${s}`);
    if (bigrams && i > 0) found.add(`${prefix}b:${stems[i - 1]} ${s}`);
  });
}

/** Adds the vocabularies the sentence holds; returns those it holds without a negation. */
function addVocabularies(found: Set<string>, prefix: string, held: SentenceVocabulary): string[] {
  const plain: string[] = [];
  const { sentence, context } = held;
  for (const name of context.vocabulary.keys()) {
    const matches = held.matches(name);
    if (matches.length === 0) continue;
    const negated = matches.every((m) => decidePolarity("risk", m, sentence, context.language).polarity === "protection");
    found.add(`${prefix}@${name}${negated ? "!not" : ""}`);
    if (!negated) plain.push(`@${name}`);
  }
  return plain;
}
