// The core types of the pipeline. No logic here: each stage's module turns one
// of these into the next (extract -> normalize -> match -> assess -> report).
import type { Element, Rule } from "./rules/schema.js";

/** Category ids: the contract with reports and evaluation (../shared/reference/taxonomy.md). */
export const categories = [
  "research-use",
  "third-party-sharing",
  "ai-training",
  "commercial-use",
  "deidentification",
  "retention",
  "broad-consent",
  "withdrawal-limits",
  "redisclosure",
  "security-transfer",
  "genetic-data",
  "record-linkage",
  "conditioning",
  "waiver-of-rights",
  "policy-change",
] as const;
export type Category = (typeof categories)[number];

/** A language code (ISO 639-1 where there is one): of a rule file, a language folder of a pack, a report. */
export const languageCode = /^[a-z]{2,3}$/;

/** Most severe first. */
export const severities = ["high", "medium", "low", "info"] as const;

/** What --fail-on and the config's fail-on take: a severity, or none (never fail on findings). */
/** The languages a report can be written in: English, and those whose texts rules, elements and key points may carry. */
export const reportLanguages = ["en", "es"] as const;
export type ReportLanguage = (typeof reportLanguages)[number];

export const failOnLevels = ["none", "info", "low", "medium", "high"] as const satisfies readonly ("none" | Severity)[];
export type Severity = (typeof severities)[number];

export const polarities = ["risk", "protection"] as const;
export type Polarity = (typeof polarities)[number];

/** The formats a form can come in, decided from its bytes. An image is a photo or scan, read by OCR. */
export const inputFormats = ["pdf", "docx", "text", "markdown", "image"] as const;
export type InputFormat = (typeof inputFormats)[number];

/** Formats whose pages are real pages, so places are given as page and line. */
export const pagedFormats: readonly InputFormat[] = ["pdf", "image"];

/** A word OCR read with low confidence: a span of `Document.raw`. */
export interface DoubtfulWord extends Span {
  /** Tesseract's confidence, 0-100. */
  confidence: number;
}

/** A page whose text was read by OCR from its picture. */
export interface OcrPage {
  /** 1-based page number. */
  page: number;
  /** Mean confidence of the page's words, 0-100. */
  confidence: number;
  words: number;
  /** Words read with low confidence, in reading order: reports show them in quotes rather than hide them. */
  doubtful: DoubtfulWord[];
}

/** What extraction produced: the raw text of a file and where its pages and lines start. */
export interface Document {
  path: string;
  format: InputFormat;
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
  /** The pages read by OCR (none for a PDF whose pages all have text, or for DOCX and text files). */
  ocr: OcrPage[];
  /** Pages (1-based) whose text layer is garbled and that OCR could not read: what they say was not checked, so the form gets no grade. */
  garbled: number[];
}

/** Half-open range [start, end) of offsets into normalized text. */
export interface Span {
  start: number;
  end: number;
}

/** A word of the normalized text. */
export interface Token extends Span {
  /** Lower case, with curly apostrophes made straight; in a Spanish sentence, without accents ("divulgacion"). */
  word: string;
  /** Porter stem in the sentence's language: share, shares, shared and sharing all give "share"; divulgar and divulgación "divulg". */
  stem: string;
}

/** A sentence of the normalized text, tokenized once for every later stage. */
export interface Sentence extends Span {
  tokens: Token[];
  /** A heading or a question: it names what follows rather than saying something. */
  heading: boolean;
  /** For a list item, the index of the sentence that introduced its list ("We may share it with:"). */
  leadIn?: number;
}

/** 1-based place in the original document. */
export interface Position {
  page: number;
  line: number;
  column: number;
}

/** A run of the normalized text in one language: a whole form, or one half of a bilingual form. */
export interface LanguageSection extends Span {
  /** ISO 639-1 code where there is one ("en", "es"), else ISO 639-3; "und" when it could not be told. */
  language: string;
  words: number;
}

/** Normalized text of a document, split into sentences, with a way back to the raw text. */
export interface Text {
  document: Document;
  /** De-hyphenated, unwrapped text; paragraphs separated by a blank line. */
  value: string;
  /** For each character of `value`, its offset in `document.raw`. */
  origin: Int32Array;
  sentences: Sentence[];
  words: number;
  /** The text's sections by language, in order, covering all of it. */
  languages: LanguageSection[];
}

/** Kinds of identifier a filled-in form holds; reports mask them. */
export const identifierKinds = ["name", "date of birth", "date of care", "record number", "SSN", "phone", "e-mail", "address"] as const;
export type IdentifierKind = (typeof identifierKinds)[number];

/** An identifier of a person in the normalized text: a value filled into the form. */
export interface Identifier extends Span {
  kind: IdentifierKind;
}

/** A sentence of the form that a rule matched. */
export interface Finding {
  ruleId: string;
  category: Category;
  polarity: Polarity;
  severity: Severity;
  /** The matched words. */
  span: Span;
  /** The whole sentence the match sits in. */
  sentence: Span;
  position: Position;
  /** The word that turned the rule's polarity round ("not", "never", "unless"), if any. */
  cue?: string;
  /** The added rule pack the rule comes from; none for a bundled rule. */
  pack?: string;
  /** A pack's protection on a sentence where another source's rule finds a risk of the same category: that rule's id. */
  disputes?: string;
}

/** A kind of form the text was found to be, with the sentences that decided it. */
export interface FormKind {
  id: string;
  title: string;
  /** The title in Spanish, when the kind's definition gives one. */
  es?: { title: string };
  evidence: Span[];
  /** Set by --kind rather than detected. */
  given?: boolean;
}

/** A checklist element that applies to the form and that it never addresses. */
export interface Missing {
  element: Element;
}

export interface SectionReadability {
  title: string;
  /** The heading the title is taken from; none for the text before the first heading. */
  heading?: Span;
  words: number;
  grade: number;
  ease: number;
}

/** How readability is measured: Flesch-Kincaid's grade (English) or Fernández Huerta's reading ease (Spanish). */
export type ReadabilityMeasure = "flesch-kincaid" | "fernandez-huerta";

export interface Readability {
  measure: ReadabilityMeasure;
  /** Flesch-Kincaid: the grade level and Flesch reading ease of the whole form. Fernández Huerta: grade 0 and its reading ease. */
  grade: number;
  ease: number;
  words: number;
  sentences: number;
  averageSentenceLength: number;
  /** Flesch-Kincaid: the grade IRBs commonly ask for (at most). Fernández Huerta: the reading ease to reach (at least 60). */
  target: number;
  sections: SectionReadability[];
  /** The longest sentences, longest first. */
  longest: { sentence: Span; words: number; position: Position }[];
}

/** What a line of the grade's arithmetic counts, for reports to word it in their language. */
export type ScoreTerm =
  | { kind: "start" }
  | { kind: "risk"; category: Category; severity: Severity; unusual: number; moreKinds: number; weight?: number }
  | { kind: "protections"; categories: number }
  | { kind: "choices"; count: number }
  | { kind: "missing"; element: string };

/** One line of the grade's arithmetic; reports word its term in their language. */
export interface ScoreLine {
  points: number;
  term: ScoreTerm;
}

/** Why a form has no grade, for reports to word it in their language. */
export type UngradedReason =
  | { kind: "few-words"; words: number }
  | { kind: "says-nothing" }
  | { kind: "unread"; language: string }
  | { kind: "garbled"; pages: number[] };

export const grades = ["A", "B", "C", "D", "E"] as const;
export type Grade = (typeof grades)[number];

/** The A-E grade with its arithmetic; a form too short or empty to judge gets no grade, and says why. */
export interface Score {
  score: number;
  grade?: Grade;
  /** Why there is no grade ("not enough text to grade"). */
  ungraded?: string;
  because?: UngradedReason;
  breakdown: ScoreLine[];
}

/** A question to ask before signing, with where in the form it comes from. */
export interface Question {
  text: string;
  /** What it is about: a category, or a checklist element without one. */
  topic: string;
  severity: Severity;
  /** Pages of the findings that raise it; empty for a question the form's silence raises. */
  pages: number[];
  /** Rule ids and checklist element ids behind it. */
  sources: string[];
  /** Other questions on the same topic, merged into this one. */
  related: string[];
}

/**
 * One of the few things that matter most, shown first: what the form allows (worded by
 * the rules, in plain words), a choice it offers (a sentence of the form), or the most
 * important thing it never says.
 */
export type KeyPoint =
  | { kind: "allows"; point: string; es?: { point: string }; severity: Severity; pages: number[]; sources: string[] }
  | { kind: "choice"; sentence: Span; pages: number[] }
  | { kind: "silent"; element: Element };

/** Which parts of the form the rules could read: a section in a language no loaded rule pack reads is not checked. */
export interface Coverage {
  /** The language most of the form is written in. */
  main: string;
  /** The languages the loaded rule packs read. */
  read: string[];
  /** Sections in a language no loaded rule pack reads: not matched, not graded. */
  unchecked: LanguageSection[];
  /** False when too little of the form is in a language the rules read: then it has no findings, no grade and no questions. */
  checked: boolean;
}

/** One file, assessed: what the report stage formats. */
export interface Report {
  text: Text;
  coverage: Coverage;
  /** Identifiers of a person filled into the form, which reports mask. */
  identifiers: Identifier[];
  /** Set when the text and everything quoted from it have the identifiers masked (see report/redact.ts). */
  redacted?: boolean;
  findings: Finding[];
  kinds: FormKind[];
  missing: Missing[];
  readability: Readability;
  score: Score;
  /** Ranked and merged by meaning: from the risks and from the missing elements. */
  questions: Question[];
  /** At most five, most consequential first. */
  keyPoints: KeyPoint[];
  /** Sentences that offer the patient a choice (opt-in or opt-out boxes, "you may say no to..."). */
  choices: Span[];
  /** The rules behind the findings, by id. */
  rulesById: Map<string, Rule>;
}
