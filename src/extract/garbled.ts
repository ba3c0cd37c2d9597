/*
 * A PDF page whose text layer reads as nonsense: a font with a wrong or missing encoding maps
 * each glyph to the wrong character ("Excepto cuando" comes out as "([FHSWR\u0003FXDQGR", every
 * letter shifted by the same amount, the space a control character). Such text looks like
 * text to every later stage and matches nothing, so a page holding it is read by OCR instead.
 *
 * Told from the text alone, for any language written in Latin letters: real words have vowels,
 * one casing (lower, UPPER or Title) and no symbols inside them; shifted letters have few vowels,
 * mixed casing and symbols in the middle of words. A line is garbled when most of its words that
 * can be judged are not word-like; a page is, when its garbled lines hold a sentence's worth of
 * words. Short words, acronyms, numbers, addresses and other scripts are not judged, so forms
 * full of blanks, codes and tables are not taken for garbled pages.
 */

// A line is judged only with this many words that can be judged, and is garbled when at least this share is not word-like.
const wordsToJudgeALine = 4;
const garbledLineShare = 0.5;
// A page is garbled when its garbled lines hold this many words (one garbled sentence is enough to miss an element).
const garbledWordsOnAPage = 8;
// Real words in English and Spanish have vowels: under this share of vowels among its letters a word is not word-like.
const minVowelShare = 0.2;

import { commonShortWords } from "./common-words.js";

const vowels = /[aeiouyáéíóúüàèìòùâêîôûäëïöü]/giu;
// Words are split at spaces and control characters (a garbled space is often one); then, unless they are codes or
// addresses, at slashes ("paciente/representante") and brackets ("Other(specify)").
// eslint-disable-next-line no-control-regex -- control characters are what garbled text is split at
const separators = /[\s\u0000-\u001f]+/u;
const innerSeparators = /[/()[\]{}]+/u;
const code = /[\p{N}.@:_]/u;
const otherScript = /(?!\p{Script=Latin})\p{L}/u;
const edges = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
// Words joined by apostrophes, hyphens or dashes (soft and typographic ones too): "don't", "follow-up".
const joiners = /['’\-\u00ad\u2010-\u2014]+/u;
const wordShape = new RegExp(`^\\p{L}+(?:${joiners.source}\\p{L}+)*$`, "u");
// Lower, UPPER, Title, names joined in Title case ("MyChart", "McKenzie"), an acronym before a word ("EDReport"),
// plural acronyms ("BAMs"); anything else is mixed casing.
const casings = [/^\p{Ll}+$/u, /^\p{Lu}+s?$/u, /^(?:\p{Lu}\p{Ll}+)+$/u, /^\p{Lu}{2,}\p{Ll}{2,}$/u];
// Degrees and acronyms in mixed case ("PhD", "MHSc") are short.
const shortMixedCase = /^(?=.{2,5}$)(?=.*\p{Ll})\p{Lu}\p{Ll}?\p{Lu}+\p{Ll}?$/u;

type Verdict = "word" | "odd" | "short" | "unjudged";

/**
 * A word-like word, an odd one, a short upper-case one that is no common word ("MRN", or a garbled "WKH"),
 * or one that cannot be judged (too short, a number, a code, an address, another script).
 */
function judge(token: string): Verdict {
  const word = token.replace(edges, "");
  const letters = word.match(/\p{L}/gu)?.length ?? 0;
  if (commonShortWords.has(word.toLowerCase())) return "word";
  if (letters < 2 || code.test(word) || otherScript.test(word)) return "unjudged";
  return byShape(word, letters);
}

/** A word's verdict from its letters: joined as words are, cased as words are, with vowels as words have. */
function byShape(word: string, letters: number): Verdict {
  if (!wordShape.test(word)) return "odd";
  const parts = word.split(joiners);
  if (parts.every((part) => part.length <= 4 && part === part.toUpperCase()) || shortMixedCase.test(word)) return "short";
  if (!parts.every((part) => casings.some((casing) => casing.test(part)))) return "odd";
  if (letters < 3) return "unjudged";
  // A name in Title case ("Schwartz") may have few vowels; shifted letters are never in Title case.
  const vowelShare = (word.match(vowels)?.length ?? 0) / letters;
  return vowelShare >= minVowelShare || (/^\p{Lu}\p{Ll}/u.test(word) && vowelShare > 0) ? "word" : "odd";
}

/**
 * The words of a garbled line that could be judged: 0 when the line is not garbled (most of its judged words are
 * word-like). Short upper-case words count as odd only beside an odd longer word: alone they are acronyms.
 */
function garbledLineWords(line: string): number {
  const verdicts = line
    .split(separators)
    // A plural in brackets ("name(s)") is read as the plural.
    .flatMap((token) => (code.test(token) ? [token] : token.replace(/\(s\)/gi, "s").split(innerSeparators)))
    .map(judge);
  const count = (verdict: Verdict) => verdicts.filter((v) => v === verdict).length;
  const [words, odd, short] = [count("word"), count("odd"), count("short")];
  if (!odd) return 0;
  const judged = words + odd + short;
  return judged >= wordsToJudgeALine && odd + short >= judged * garbledLineShare ? judged : 0;
}

/** The words in the page's garbled lines. */
export const garbledWords = (lines: string[]): number => lines.reduce((sum, line) => sum + garbledLineWords(line), 0);

/** Whether a page's text layer holds text that cannot be read (a sentence's worth of garbled words or more). */
export const isGarbled = (lines: string[]): boolean => garbledWords(lines) >= garbledWordsOnAPage;

/** The page's lines without its garbled ones: what can still be read of it when OCR cannot read the page. */
export const readableLines = (lines: string[]): string[] => lines.filter((line) => !garbledLineWords(line));
