// The core types of the pipeline. No logic here: each stage's module turns one
// of these into the next (extract -> normalize -> match -> assess -> report).
import type { Rule } from "./rules/schema.js";

export type Format = "pdf" | "docx" | "text" | "markdown";

/** What extraction produced: the raw text of a file and where its pages and lines start. */
export interface Document {
  path: string;
  format: Format;
  /** Raw extracted text, one `\n` per line; pages are consecutive runs of lines. */
  raw: string;
  /** 0-based offset in `raw` where each page starts; pages[0] is page 1. */
  pageStarts: number[];
  /** 0-based offset in `raw` where each line starts. */
  lineStarts: number[];
  /** DOCX and similar: every line is a paragraph. PDF and text: lines are visual and wrap. */
  linesAreParagraphs: boolean;
  /** Things the reader should know about the extraction (e.g. pages with no text). */
  notes: string[];
}

/** Half-open range [start, end) of offsets into normalized text. */
export interface Span {
  start: number;
  end: number;
}

/** A sentence; a list item also knows the sentence that introduced its list ("We may share it with:"). */
export interface SentenceSpan extends Span {
  leadIn?: Span;
}

/** 1-based place in the original document. */
export interface Position {
  page: number;
  line: number;
  column: number;
}

/** Normalized text of a document, split into sentences, with a way back to the raw text. */
export interface Text {
  document: Document;
  /** De-hyphenated, unwrapped text; paragraphs separated by a blank line. */
  value: string;
  /** For each character of `value`, its offset in `document.raw`. */
  origin: Int32Array;
  sentences: SentenceSpan[];
  words: number;
}

export type Polarity = "risk" | "protection";
export type Severity = Rule["severity"];
export const severities = ["high", "medium", "low", "info"] as const;

/** A sentence of the form that a rule matched. */
export interface Finding {
  ruleId: string;
  category: Rule["category"];
  polarity: Polarity;
  severity: Severity;
  /** The matched words. */
  span: Span;
  /** The whole sentence the match sits in. */
  sentence: Span;
  position: Position;
  /** The word that turned the rule's polarity round ("not", "never", "unless"), if any. */
  cue?: string;
}

/** One file, assessed: what the report stage formats. */
export interface Report {
  text: Text;
  findings: Finding[];
  /** De-duplicated questions from the risks, most severe first. */
  questions: string[];
  rules: Map<string, Rule>;
}
