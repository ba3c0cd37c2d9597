import type { Document, Sentence, Span, Text } from "../types.js";
import { lastAtOrBefore } from "./locate.js";
import { contentLines, type PageLine } from "./boilerplate.js";
import { splitSentences } from "./sentences.js";
import { detectLanguages, sentenceLanguages } from "./language.js";
import { tokenize } from "./tokens.js";
import { endsOpen, isHeading, isShortHeading, isTitleCase } from "./heading.js";
import { isControl } from "./printable.js";

/** Characters mapped one to one, so offsets stay exact: odd hyphens, ligatures, tabs. */
const replacements: Record<string, string> = {
  "\u00ad": "", // soft hyphen
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2212": "-",
  "\ufb01": "fi",
  "\ufb02": "fl",
  "\u00a0": " ",
  "\t": " ",
};

// Bullets include symbol-font glyphs in Unicode's private use area (Word's  and ).
// An initials or check line ("_____ My samples may be used...") is a list item too.
const bullet = /^([•·●▪◦■□☐☑☒✓✔➢►○*\uE000-\uF8FF]|_{3,}|-(?=\s)|o(?=\s)|\(?\d{1,2}[.)](?=\s)|\(?[a-z][.)](?=\s)|\[[ xX]?\])/;
// Compounds whose hyphen survives a line break ("de-\nidentified"); other words broken
// at a line end ("de-\nstroyed") are joined. Compounds the form writes whole elsewhere count too.
const compound =
  /^(de-identif|re-identif|re-contact|non-|self-|third-part|opt-(in|out)|e-mail|follow-up|long-term|co-investig|open-end|for-profit|not-for|health-related|well-being)/i;

/** One line's characters after cleaning, each with its offset in the raw text. */
interface CleanLine {
  chars: string;
  origins: number[];
  page: number;
  /** Whether a blank line (a paragraph gap) came before this line. */
  afterGap: boolean;
}

// Markdown emphasis and code marks: every * and ` except a bullet's, and _ at a word's edge.
const isEmphasis = (text: string, i: number) =>
  (text[i] === "*" && !(i === 0 && text[1] === " ")) ||
  text[i] === "`" ||
  (text[i] === "_" && !(/\w/.test(text[i - 1] ?? " ") && /\w/.test(text[i + 1] ?? " ")));

function clean(line: PageLine, markdown: boolean): CleanLine {
  let text = line.text;
  let offset = line.start;
  if (markdown) {
    // Heading marks and quote marks carry no words.
    const mark = /^\s*(#{1,6}|>)\s+/.exec(text);
    if (mark) {
      offset += mark[0].length;
      text = text.slice(mark[0].length);
    }
  }
  // Characters are collected in an array: testing the end of a growing string flattens it each time (quadratic on long lines).
  const out: string[] = [];
  const origins: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = replacements[text[i]!] ?? text[i]!;
    if (markdown && isEmphasis(text, i)) c = "";
    const last = out.at(-1);
    // A control character (ESC and the like) separates words as a space does, and never reaches a terminal in a quote.
    if (/\s/.test(c) || isControl(c)) c = last === undefined || last === " " ? "" : " ";
    if (c === "-" && last === "-") c = ""; // "-\u00ad\u2010" in some PDFs is one hyphen
    for (const piece of c) {
      out.push(piece);
      origins.push(offset + i);
    }
  }
  while (out.at(-1) === " ") {
    out.pop();
    origins.pop();
  }
  return { chars: out.join(""), origins, page: line.page, afterGap: false };
}

// A Title Case line with no final punctuation ("Possible Benefits and Other Choices").
const isTitleCaseLine = (line: string) => isTitleCase(line) && !/[.,;:-]$/.test(line);

// Layout, not meaning: a line set apart as a title ends its paragraph (sentences are classified in heading.ts).
const capitals = (line: string) => /[A-Z]/.test(line) && !/[a-z]/.test(line);
// In capitals every line starts with a capital: only a line ending at a joining word tells that the sentence goes on.
const capitalsGoOn = (line: string) => capitals(line) && endsOpen.test(line);
const isTitleLine = (line: string, typicalWidth: number, next: string) =>
  (capitals(line) && !endsOpen.test(line)) ||
  (!capitals(line) && isTitleCaseLine(line) && /^[A-Z0-9]/.test(line) && line.length < typicalWidth * 0.9 && /^[A-Z0-9"“(•]/.test(next)) ||
  (line.length < typicalWidth * 0.6 &&
    !/[,;-]$/.test(line) &&
    (/[.:?!)]$/.test(line) || (/^[A-Z0-9"“(]/.test(next) && !capitalsGoOn(line))));

// "How long will my samples be kept?" on a line of its own starts a section.
const isQuestionLine = (line: string, typicalWidth: number) => /^[A-Z].*\?$/.test(line) && line.length < typicalWidth * 0.8;

export interface NormalizeOptions {
  /** The language of the whole text, instead of telling it section by section (a rule's example is in its rule's language). */
  language?: string;
}

/**
 * normalize: Document -> Text. Unwraps lines into paragraphs, undoes hyphenation, drops page furniture, splits sentences,
 * tells the language of each section and tokenizes each sentence in its section's language.
 */
export function normalize(document: Document, options: NormalizeOptions = {}): Text {
  const markdown = document.format === "markdown";
  const lines: CleanLine[] = [];
  let gap = false;
  for (const page of contentLines(document)) {
    for (const line of page) {
      const cleaned = clean(line, markdown);
      if (!cleaned.chars) {
        gap = true;
        continue;
      }
      cleaned.afterGap = gap;
      gap = false;
      lines.push(cleaned);
    }
  }
  const widths = lines.map((l) => l.chars.length).sort((a, b) => a - b);
  const typicalWidth = widths[Math.floor(widths.length * 0.8)] ?? 80;
  const hyphenated = new Set(lines.flatMap((l) => l.chars.match(/\b[a-z]+-[a-z]+\b/gi) ?? []).map((w) => w.toLowerCase()));

  // Pieces are joined once at the end: repeated string concatenation and slicing would be quadratic.
  // Each character's origin goes straight into a typed array: a long form has millions of them.
  const pieces: string[] = [];
  let origins = new Int32Array(1 << 16);
  const paragraphStarts: number[] = [];
  const paragraphPages: number[] = [];
  const listItems = new Set<number>();
  let length = 0;
  const append = (chars: string, from: number[]) => {
    pieces.push(chars);
    if (length + from.length > origins.length) {
      const grown = new Int32Array(Math.max(origins.length * 2, length + from.length));
      grown.set(origins.subarray(0, length));
      origins = grown;
    }
    origins.set(from, length);
    length += chars.length;
  };
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    const startsParagraph =
      !previous ||
      line.afterGap ||
      document.linesAreParagraphs ||
      bullet.test(line.chars) ||
      isQuestionLine(line.chars, typicalWidth) ||
      isTitleLine(previous.chars, typicalWidth, line.chars);
    if (startsParagraph) {
      if (previous) append("\n\n", [line.origins[0]!, line.origins[0]!]);
      if (bullet.test(line.chars)) listItems.add(paragraphStarts.length);
      paragraphStarts.push(length);
      paragraphPages.push(line.page);
      append(line.chars, line.origins);
      return;
    }
    // Only the line's end is searched: a regex anchored at the end still tries every start (quadratic on a long line).
    const brokenWord = /([A-Za-z]+)-$/.exec(previous.chars.slice(-64));
    const nextWord = /^[a-z]+/.exec(line.chars);
    if (brokenWord && nextWord) {
      // "par-" + "ties": join, unless the hyphen belongs to a compound written so elsewhere.
      const joined = `${brokenWord[1]}-${nextWord[0]}`.toLowerCase();
      if (!hyphenated.has(joined) && !compound.test(joined)) {
        pieces[pieces.length - 1] = pieces.at(-1)!.slice(0, -1);
        length--;
      }
    } else append(" ", [line.origins[0]!]);
    append(line.chars, line.origins);
  });
  const value = pieces.join("");

  const paragraphs = { starts: paragraphStarts, pages: paragraphPages, listItems };
  const detected = detectLanguages(value);
  const languages = options.language
    ? [{ language: options.language, start: 0, end: value.length, words: detected.reduce((n, s) => n + s.words, 0) }]
    : detected;
  const spans = withLeadIns(splitSentences(value, paragraphStarts), paragraphs, value);
  const sentences = tokenized(value, spans, sentenceLanguages({ sentences: spans, languages }));
  const words = sentences.reduce((n, s) => n + s.tokens.length, 0);
  return { document, value, origin: origins.slice(0, length), sentences, words, languages };
}

interface SentenceSpan extends Span {
  leadIn?: Span;
}

interface Paragraphs {
  starts: number[];
  pages: number[];
  /** Paragraphs that are list items. */
  listItems: Set<number>;
}

// Running headers and form numbers ("Consent Form Version: 3/2021") hold no end of a sentence.
const isFurniture = (text: string) => !/[.!?]["”’)]?(\s|$)/.test(text) && !text.endsWith(":");

/**
 * Each item of a list gets the sentence that introduced the list as its lead-in: a
 * sentence ending in ":" or "?", or a short heading, that closes the paragraph just
 * before the list. A list that crosses a page keeps its lead-in over the running
 * header lines at the top of the next page.
 */
function withLeadIns(sentences: Span[], paragraphs: Paragraphs, value: string): SentenceSpan[] {
  const { starts, pages, listItems } = paragraphs;
  // The lead-in that list items take, and the last page its list (or the lead-in itself) is on.
  let pending: { leadIn: Span; page: number } | undefined;
  return sentences.map((sentence, i) => {
    const p = lastAtOrBefore(starts, sentence.start);
    if (listItems.has(p)) {
      if (!pending) return sentence;
      pending.page = pages[p]!;
      return { ...sentence, leadIn: pending.leadIn };
    }
    const lastOfParagraph = lastAtOrBefore(starts, sentences[i + 1]?.start ?? Infinity) !== p;
    if (!lastOfParagraph) return sentence;
    const paragraph = value.slice(starts[p], sentence.end);
    const single = sentence.start <= starts[p]!;
    if (/[:?]$/.test(paragraph)) pending = { leadIn: sentence, page: pages[p]! };
    else if (pending && pages[p]! > pending.page && isFurniture(paragraph)) return sentence;
    else if (single && isShortHeading(paragraph, tokenize(paragraph).length)) pending = { leadIn: sentence, page: pages[p]! };
    else pending = undefined;
    return sentence;
  });
}

// Each sentence is tokenized here, once, in its language, for matching, assessing and readability alike.
function tokenized(value: string, spans: SentenceSpan[], languages: string[]): Sentence[] {
  const index = new Map<Span, number>(spans.map((s, i) => [s, i]));
  return spans.map(({ start, end, leadIn }, i) => {
    const tokens = tokenize(value, start, end, languages[i]);
    const leadInIndex = leadIn && index.get(leadIn);
    return {
      start,
      end,
      tokens,
      heading: isHeading(value.slice(start, end), tokens.length, leadIn !== undefined),
      ...(leadInIndex !== undefined ? { leadIn: leadInIndex } : {}),
    };
  });
}
