import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parsePhrase, PhraseError, type Lists } from "../src/match/patterns/phrase/parse.js";
import { search } from "../src/match/patterns/phrase/search.js";
import { matchSentence } from "../src/match/sentence.js";
import { tokenize } from "../src/text/tokens.js";

const lists: Lists = new Map([
  ["recipients", ["third part*", "(other|outside) =researchers", "sponsor"]],
  ["verbs", ["share", "disclos*", "(make|made) available"]],
]);

const sentenceOf = (text: string) => matchSentence(text, { start: 0, end: text.length, tokens: tokenize(text) });

/** Every match of the phrase in the sentence, as the matched words. */
const matched = (phrase: string, text: string) => {
  const sentence = sentenceOf(text);
  return search(parsePhrase(phrase, lists), sentence).map((m) =>
    text.slice(sentence.tokens[m.start]!.start, sentence.tokens[m.end - 1]!.end),
  );
};

describe("the phrase language", () => {
  it.each([
    ["share", "We may share your data.", ["share"]],
    ["share", "Your data is shared and sharing is common.", ["shared", "sharing"]],
    ["=us", "Tell us what you use.", ["us"]],
    ["=us", "We used it.", []],
    ["anonym*", "Data are anonymized or anonymous.", ["anonymized", "anonymous"]],
    ["sell|rent", "We never rent or sell data.", ["rent", "sell"]],
    ["(third party|outside company)", "sent to an outside company", ["outside company"]],
    ["store indefinitely?", "We store it.", ["store"]],
    ["store indefinitely?", "We store indefinitely.", ["store indefinitely"]],
    ["share * data", "share your data", ["share your data"]],
    ["share ~3 sponsor", "share it with the sponsor", ["share it with the sponsor"]],
    ["share ~1 sponsor", "share it with the sponsor", []],
    ["@verbs ~4 @recipients", "may be made available to third parties", ["made available to third parties"]],
    ["@verbs ~4 @recipients", "disclosed to outside researchers", ["disclosed to outside researchers"]],
    ["@verbs ~4 @recipients", "disclosed to outside researcher", []],
    ["de-identified", "the data is de-identified", ["de-identified"]],
    ["de-identified", "the data is de identified", ["de identified"]],
    ["(the|a)? sponsor", "a sponsor and the sponsor and sponsor", ["a sponsor", "sponsor", "the sponsor", "sponsor", "sponsor"]],
  ])("%s in “%s” matches %j", (phrase, text, words) => {
    expect(matched(phrase, text)).toEqual(words);
  });

  it.each([
    ["share (partner", /missing \)/],
    ["share @nowhere", /unknown list @nowhere/],
    ["~2 share", /cannot start or end with a ~gap/],
    ["voluntary|opt out|withdraw", /ambiguous "\|"/],
    ["share $$", /is not a word/],
  ])("refuses %s", (phrase, message) => {
    expect(() => parsePhrase(phrase, lists)).toThrow(PhraseError);
    expect(() => parsePhrase(phrase, lists)).toThrow(message);
  });
});

// Random phrases and sentences from a small vocabulary, so that matches are common.
const vocabulary = ["share", "shared", "data", "the", "sponsor", "third", "parties", "may", "not", "us", "used", "available", "made"];
const word = fc.constantFrom(...vocabulary);
const phraseItem = fc.oneof(
  word,
  word.map((w) => `=${w}`),
  word.map((w) => `${w.slice(0, 3)}*`),
  fc.tuple(word, word).map(([a, b]) => `${a}|${b}`),
  fc.tuple(word, word).map(([a, b]) => `(${a} ${b}|${b})`),
  word.map((w) => `${w}?`),
  fc.constant("@recipients"),
  fc.constant("@verbs"),
);
const gap = fc.constantFrom("*", "~1", "~3");
const phrase = fc
  .tuple(phraseItem, fc.array(fc.tuple(fc.option(gap, { nil: undefined }), phraseItem), { maxLength: 3 }))
  .map(([first, rest]) => [first, ...rest.flatMap(([g, item]) => (g ? [g, item] : [item]))].join(" "));
const sentence = fc.array(word, { minLength: 1, maxLength: 14 }).map((words) => words.join(" "));

describe("the prefilter", () => {
  it("never drops a match: with and without it, every phrase finds the same matches", () => {
    fc.assert(
      fc.property(phrase, sentence, (source, text) => {
        let parsed;
        try {
          parsed = parsePhrase(source, lists);
        } catch (error) {
          if (error instanceof PhraseError) return true; // e.g. two bare alternations side by side
          throw error;
        }
        const s = sentenceOf(text);
        expect(search(parsed, s)).toEqual(search(parsed, s, { prefilter: false }));
        return true;
      }),
      { numRuns: 3000, seed: 20261207 },
    );
  });
});
