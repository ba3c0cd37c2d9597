import { syllable } from "syllable";
import type { Readability, ReadabilityMeasure, SectionReadability, Span, Text } from "../types.js";
import { locate } from "../text/locate.js";
import { sentenceLanguages, undetermined } from "../text/language.js";
import { fernandezHuerta, plainSpanishEase, spanishSyllables } from "./spanish-readability.js";

/** The reading grade IRBs commonly ask consent forms to meet. */
export const targetGrade = 8;
const longestShown = 3;
const minSectionWords = 30;

interface Counts {
  words: number;
  sentences: number;
  syllables: number;
}

// Forms repeat their words: each is counted once per process (the cache is emptied when it grows large).
const syllableCounts = new Map<string, number>();
function englishSyllables(word: string): number {
  let count = syllableCounts.get(word);
  if (count === undefined) {
    if (syllableCounts.size > 100_000) syllableCounts.clear();
    syllableCounts.set(word, (count = Math.max(1, syllable(word))));
  }
  return count;
}

const round = (n: number) => Math.round(n * 10) / 10;
// Flesch-Kincaid grade level and Flesch reading ease (Kincaid et al. 1975; Flesch 1948).
const grade = (c: Counts) => round(0.39 * (c.words / c.sentences) + 11.8 * (c.syllables / c.words) - 15.59);
const ease = (c: Counts) => round(206.835 - 1.015 * (c.words / c.sentences) - 84.6 * (c.syllables / c.words));

/**
 * How a form is measured, by the language most of its prose is in: English (and sentences of no
 * told language) by Flesch-Kincaid's grade, against grade 8; Spanish by Fernández Huerta's reading
 * ease, against 60 (./spanish-readability.ts). Sentences in other languages are not measured.
 */
const measures = {
  "flesch-kincaid": {
    languages: new Set(["en", undetermined]),
    syllables: englishSyllables,
    result: (c: Counts) => ({ grade: grade(c), ease: ease(c) }),
    target: targetGrade,
  },
  "fernandez-huerta": {
    languages: new Set(["es"]),
    syllables: spanishSyllables,
    // Fernández Huerta gives no grade: the grade is 0 and the ease is the measure.
    result: (c: Counts) => ({ grade: 0, ease: round(fernandezHuerta(c.words, c.sentences, c.syllables)) }),
    target: plainSpanishEase,
  },
} as const;

/** The measure for the language most of the form's words are in. */
function measureOf(text: Text, languages: string[]): ReadabilityMeasure {
  let spanish = 0;
  let english = 0;
  text.sentences.forEach((sentence, i) => {
    if (languages[i] === "es") spanish += sentence.tokens.length;
    else if (measures["flesch-kincaid"].languages.has(languages[i]!)) english += sentence.tokens.length;
  });
  return spanish > english ? "fernandez-huerta" : "flesch-kincaid";
}

/** A section's title: its heading, shortened. */
export function sectionTitle(value: string, heading: Span): string {
  const title = value.slice(heading.start, heading.end);
  return title.length > 60 ? title.slice(0, 57) + "…" : title;
}

/** Readability of the form's prose in its main language, as a whole and per section (sections start at headings). */
export function readability(text: Text): Readability {
  const total: Counts = { words: 0, sentences: 0, syllables: 0 };
  const sections: (Counts & Pick<SectionReadability, "title" | "heading">)[] = [{ title: "(start)", words: 0, sentences: 0, syllables: 0 }];
  const lengths: { sentence: Span; words: number }[] = [];
  const languages = sentenceLanguages(text);
  const measure = measureOf(text, languages);
  const { languages: measured, syllables, result, target } = measures[measure];
  for (const [i, sentence] of text.sentences.entries()) {
    if (!measured.has(languages[i]!)) continue;
    const words = sentence.tokens.filter((t) => /\p{L}/u.test(t.word));
    if (sentence.heading) {
      const heading = { start: sentence.start, end: sentence.end };
      sections.push({ title: sectionTitle(text.value, heading), heading, words: 0, sentences: 0, syllables: 0 });
      continue;
    }
    if (words.length < 3) continue; // check boxes, signature lines, fragments
    // Spanish words are counted as written: their accents mark syllables ("dí-a").
    const syllableCount = words.reduce(
      (n, t) => n + syllables(measure === "fernandez-huerta" ? text.value.slice(t.start, t.end) : t.word),
      0,
    );
    for (const c of [total, sections.at(-1)!]) {
      c.words += words.length;
      c.sentences += 1;
      c.syllables += syllableCount;
    }
    lengths.push({ sentence: { start: sentence.start, end: sentence.end }, words: words.length });
  }
  const measuredBy = (c: Counts) => (c.sentences ? result(c) : { grade: 0, ease: 0 });
  const sectionResults: SectionReadability[] = sections
    .filter((s) => s.words >= minSectionWords)
    .map((s) => ({ title: s.title, ...(s.heading ? { heading: s.heading } : {}), words: s.words, ...measuredBy(s) }));
  return {
    measure,
    ...measuredBy(total),
    words: total.words,
    sentences: total.sentences,
    averageSentenceLength: total.sentences ? round(total.words / total.sentences) : 0,
    target,
    sections: sectionResults,
    longest: lengths
      .sort((a, b) => b.words - a.words)
      .slice(0, longestShown)
      .map((l) => ({ ...l, position: locate(text, l.sentence.start) })),
  };
}
