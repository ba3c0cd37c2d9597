import { francAll } from "franc-min";
import type { LanguageSection, Span, Text } from "../types.js";

/*
 * Which language each part of a form is written in, paragraph by paragraph, so that a
 * bilingual form (an English page and a Spanish page) is told apart and rules only read
 * the language they are written for.
 *
 * English and Spanish are told by their function words ("the", "of", "your"; "el", "de",
 * "su"): a third of any sentence, so a line or two is enough, and they do not depend on
 * the topic. Text with none of them (another language, or a list of nouns) is named by
 * franc's trigram profiles when it has enough letters, and only when English is a clearly
 * worse fit: on a list of names and field labels ("PRINCIPAL INVESTIGATOR: Dana Lee, MD")
 * trigrams guess at random. Words shared by the two languages ("no", "a", "me") and a list
 * marker ("o") are in neither list.
 */
export const functionWords: Record<string, Set<string>> = {
  en: new Set(
    (
      "the of and to in you your be will or for is that may this with not are by as on if we it any have from can at our an who " +
      "my us do does has was were been other such which these those about their they them than then there also but all would should"
    ).split(" "),
  ),
  es: new Set(
    (
      "el la los las de del y en que su sus se por para con un una al lo como es si usted ustedes esta este estos estas puede " +
      "ser sobre más pero ya entre cuando mis le les nuestro nuestra sin hasta ha han fue será"
    ).split(" "),
  ),
  // French shares "la", "de", "que" with Spanish: its own words keep a French form from reading as Spanish.
  fr: new Set(
    (
      "le les des du et est une pour par dans sur vous votre vos nous notre nos ce cette ces qui ne pas au aux avec être sont " +
      "été sera pourra ou mais leur leurs elles ils je mon ma mes"
    ).split(" "),
  ),
};

/** A paragraph is in a language when this share of its words, and at least `minHits` of them, are its function words... */
const minShare = 0.12;
const minHits = 2;
/** ...and at least twice the share of the other language's. */
const lead = 2;
/** Below this share of function words, a paragraph may be in another language: franc names it from this many letters. */
const otherShare = 0.05;
const francLetters = 40;
/** franc reads at most this much of a paragraph: enough to name a language, and bounded on a huge one. */
const francSample = 2000;
/** franc's score for English (1 for the best fit) must be below this for another language to be named. */
const englishFit = 0.8;
/** A run of text in one language shorter than this is folded into the run before it: a tagline or a name is not a section. */
export const minSectionWords = 30;

/** The language of a part that could not be told (too short, or no words). */
export const undetermined = "und";

// Addresses would read as words of no language.
const addresses = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+/gi;
// A Chinese or Japanese character counts as a word: those scripts put no spaces between words.
const wordPattern = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{M}'’]+/gu;
const letterPattern = /\p{L}/gu;

interface Paragraph {
  start: number;
  end: number;
  words: number;
  language?: string;
}

/** The language of one stretch of text, or undefined when it is too short or unclear to tell. */
export function languageOf(text: string): string | undefined {
  const clean = text.replace(addresses, " ");
  const words = clean.toLowerCase().match(wordPattern) ?? [];
  const [best, second] = Object.entries(functionWords)
    .map(([language, list]) => ({ language, hits: words.filter((w) => list.has(w)).length }))
    .sort((a, b) => b.hits - a.hits);
  const hits = best?.hits ?? 0;
  if (hits >= minHits && hits >= minShare * words.length && hits >= lead * (second?.hits ?? 0)) return best!.language;
  if (hits > otherShare * words.length || (clean.match(letterPattern)?.length ?? 0) < francLetters) return undefined;
  return trigramLanguage(clean);
}

function trigramLanguage(clean: string): string | undefined {
  const fits = francAll(clean.slice(0, francSample), { minLength: francLetters });
  const [named] = fits[0] ?? [undetermined];
  if (named === undetermined) return undefined;
  const english = fits.find(([code]) => code === "eng")?.[1] ?? 0;
  return named === "eng" || english < englishFit ? isoCode(named) : undefined;
}

/** franc's ISO 639-3 code as the shortest code for the language ("spa" -> "es", "cmn" -> "zh"). */
function isoCode(code: string): string {
  try {
    return Intl.getCanonicalLocales(code)[0] ?? code;
  } catch {
    return code;
  }
}

const displayNames = new Intl.DisplayNames("en", { type: "language" });

/** A language code in words: "es" -> "Spanish". */
export function languageName(code: string): string {
  if (code === undetermined) return "an undetermined language";
  try {
    return displayNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * detectLanguages: normalized text -> its sections, each in one language, covering the
 * whole text in order. Paragraphs too short to tell take the language of the paragraphs
 * around them (a run of them is first tried as one stretch, as a table's cells are).
 */
export function detectLanguages(value: string): LanguageSection[] {
  const paragraphs: Paragraph[] = [...value.matchAll(/[^\n]+(?:\n[^\n]+)*/g)].map((m) => {
    const text = m[0];
    const language = languageOf(text);
    return { start: m.index, end: m.index + text.length, words: text.match(wordPattern)?.length ?? 0, ...(language ? { language } : {}) };
  });
  decideRuns(value, paragraphs);
  const firstKnown = paragraphs.find((p) => p.language)?.language ?? undetermined;
  let previous = firstKnown;
  for (const p of paragraphs) previous = p.language ??= previous;
  return mergeSmall(sections(paragraphs, value.length));
}

// Consecutive paragraphs nobody could tell (cells of a table, short fields) are tried together.
function decideRuns(value: string, paragraphs: Paragraph[]) {
  for (let i = 0; i < paragraphs.length; i++) {
    if (paragraphs[i]!.language) continue;
    let j = i;
    while (j + 1 < paragraphs.length && !paragraphs[j + 1]!.language) j++;
    if (j > i) {
      const language = languageOf(value.slice(paragraphs[i]!.start, paragraphs[j]!.end));
      if (language) for (let k = i; k <= j; k++) paragraphs[k]!.language = language;
    }
    i = j;
  }
}

function sections(paragraphs: Paragraph[], length: number): LanguageSection[] {
  const out: LanguageSection[] = [];
  for (const p of paragraphs) {
    const last = out.at(-1);
    if (last && last.language === p.language) {
      last.words += p.words;
      continue;
    }
    if (last) last.end = p.start;
    out.push({ language: p.language!, start: out.length ? p.start : 0, end: length, words: p.words });
  }
  return out.length ? out : [{ language: undetermined, start: 0, end: length, words: 0 }];
}

// A short run is folded into the run before it (a short first run into the one after), and runs of
// one language join: one pass, so a text of many short runs costs no more than its length.
function mergeSmall(list: LanguageSection[]): LanguageSection[] {
  const out: LanguageSection[] = [];
  for (const section of list) {
    const last = out.at(-1);
    if (last && (section.words < minSectionWords || last.language === section.language)) {
      last.end = section.end;
      last.words += section.words;
    } else if (last && last.words < minSectionWords) {
      out[out.length - 1] = { language: section.language, start: last.start, end: section.end, words: last.words + section.words };
    } else out.push({ ...section });
  }
  return out;
}

/** The language of each sentence of the text: that of the section it starts in. */
export function sentenceLanguages(text: { sentences: readonly Span[]; languages: Text["languages"] }): string[] {
  let section = 0;
  return text.sentences.map((sentence) => {
    while (section + 1 < text.languages.length && text.languages[section + 1]!.start <= sentence.start) section++;
    return text.languages[section]?.language ?? undetermined;
  });
}
