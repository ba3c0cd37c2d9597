import type { Category, Grade, IdentifierKind, InputFormat, ScoreTerm, Severity, UngradedReason } from "../../types.js";
import type { Acceptance } from "../baseline.js";

/** "1 page", "3 pages": the count (or how it is shown) and the word it counts. */
/** A phrase made the start of a sentence: "not counted for" -> "Not counted for". */
export const sentenceCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const plural = (n: number, one: string, many = `${one}s`, shown = String(n)) => `${shown} ${n === 1 ? one : many}`;

/** A grade weight as a report shows it: two decimals at most (0.73, not 0.7290000000000001). */
export const shownWeight = (weight: number) => Math.round(weight * 100) / 100;

/**
 * Every fixed string a report shows, in one language: en.ts and es.ts give the same keys,
 * so a string missing in one is a type error. Texts of rules, elements, kinds and key
 * points come from the rule files (`es:`), not from here.
 */
export interface Messages {
  /** The HTML page's `lang`. */
  code: string;
  categoryTitles: Record<Category, string>;
  formatNames: Record<InputFormat, string>;
  severity: Record<Severity, string>;
  /** "page 2, line 14", or "line 14" in a form without pages. */
  placeInWords: (line: number, page?: number) => string;
  /** "page 2" or "pages 2, 3"; nothing for no pages. */
  pages: (pages: number[]) => string;
  /** "3 pages" */
  pageCount: (n: number) => string;
  /** A count with its noun; `shown` is the number as the format shows it (bold, grouped). */
  words: (n: number, shown?: string) => string;
  risks: (n: number, shown?: string) => string;
  protections: (n: number, shown?: string) => string;
  missingElements: (n: number, shown?: string) => string;
  sentences: (n: number, shown?: string) => string;
  grade: (grade: Grade) => string;
  noGrade: string;
  /** "B (78/100)", or "no grade: " and the reason. */
  gradeLabel: (grade: Grade | undefined, score: number, ungraded: string) => string;
  ungraded: (reason: UngradedReason) => string;
  scoreTerm: (term: ScoreTerm) => string;
  /** The grade's arithmetic, as a heading: "How the grade was worked out: B (78/100)". */
  gradeWork: string;
  gradeArithmetic: string;
  readingLevel: string;
  /** "grade 11": a reading level. */
  readingGrade: (grade: number) => string;
  harderThan: (target: number) => string;
  within: (target: number) => string;
  /** A Spanish form's Fernández Huerta reading ease: "reading ease 58 (Fernández Huerta)". */
  readingEase: (ease: number) => string;
  /** "accepted: our IRB approved this wording, by Ann <ann@example.org>, 2026-03-01" */
  acceptance: (a: Acceptance) => string;
  /** What every report says of the baseline it used: "Baseline .consent-lens-baseline.json: 2 findings accepted". */
  baselineLine: (file: string, accepted: number) => string;
  /** The heading of the findings a team accepted. */
  acceptedFindings: string;
  /** "not counted for --fail-on", the option written as the format writes code. */
  notCountedFor: (option: string) => string;
  /** An accepted missing element: "The form does not say: When your permission ends". */
  doesNotSay: (title: string) => string;
  /** Whether it reaches the ease that reads as grade 8 (60): "(below 60: harder than grade 8)". */
  easeVerdict: (target: number, below: boolean) => string;
  asGiven: string;
  kindOfForm: string;
  notRecognised: string;
  note: string;
  keyPoints: string;
  risksByTopic: string;
  missing: string;
  protectionsPromised: string;
  protectionsHeading: string;
  questions: string;
  whyItMatters: string;
  ask: string;
  also: string;
  /** "(also: Genetic data)" */
  alsoIn: (titles: string[]) => string;
  quotedAbove: string;
  stillRisk: (cue: string) => string;
  andMore: (n: number) => string;
  moreHint: string;
  fromPack: (pack: string) => string;
  formLetsYouChoose: (quote: string) => string;
  formNeverAnswers: (question: string) => string;
  noQuestionsUnchecked: string;
  noQuestionsRaised: string;
  formIsSilent: string;
  moreQuestions: (n: number) => string;
  summary: string;
  summaryHeader: [string, string, string, string, string];
  notChecked: string;
  /** What could change how a report is read: parts no rule read, identifiers masked (../notices.ts). */
  notices: {
    languageName: (code: string) => string;
    /** "a, b and c" */
    list: (items: string[]) => string;
    /** "page 2" or "pages 2-3" */
    pages: (first: number, last: number) => string;
    fromLine: (line: number) => string;
    notCheckedAtAll: (language: string) => string;
    sectionsNotChecked: (all: string, unread: string, sections: number, places: string[], read: string) => string;
    /** One identifier of a kind, and the plural noun of several. */
    identifierKinds: Record<IdentifierKind, [string, string]>;
    namesInPlaces: (n: number) => string;
    masked: (count: number, what: string, mask: string) => string;
    shown: (count: number, what: string) => string;
  };
  /** `consent-lens diff`: what changed between two versions of a form. */
  diff: {
    title: string;
    grade: (before: string, after: string) => string;
    counts: (added: number, removed: number, unchanged: number) => string;
    polarity: Record<"risk" | "protection", string>;
    /** A risk's severity in a line of the diff: "(high)". */
    severity: Record<Severity, string>;
    added: string;
    removed: string;
    requiredElements: string;
    noLongerSays: string;
    nowSays: string;
  };
  markdown: {
    title: string;
    gradeLine: (gradeLabel: string) => string;
    facts: (pages: number, words: number, grade: number, target: number, ease: number) => string;
    /** The same for a Spanish form, measured by Fernández Huerta's reading ease. */
    factsByEase: (pages: number, words: number, ease: number, target: number) => string;
    risksByTopic: string;
    topicTableHeader: string;
    withPackFindings: (pack: string) => string;
    disputed: string;
    noneUnchecked: string;
    noneRaised: string;
    moreQuestions: (n: number) => string;
  };
  html: {
    stats: { risks: string; protections: string; missing: string; readingLevel: string };
    ofHundred: (score: number) => string;
    none: string;
    promisesThatLimit: string;
    neverSays: string;
    noSentences: string;
    readingAgainst: (grade: number, target: number, above: boolean) => string;
    easeAgainst: (ease: number, target: number, below: boolean) => string;
    sectionsOf: (path: string) => string;
    formMarked: string;
    findings: string;
    notInForm: string;
    theGrade: string;
    askQuestions: string;
    printQuestions: string;
    formWithFindings: string;
    risk: (severity: string) => string;
    protection: string;
    hint: string;
    findingsByTopic: string;
    noMatch: string;
    showInForm: string;
    everyElement: string;
    points: string;
    for: string;
    rule: (id: string) => string;
    element: (id: string) => string;
    turnedRoundBy: (cue: string) => string;
    privateNote: string;
    footer: (version: string) => string;
    forms: (n: number) => string;
    keyRisks: string;
    noneFound: string;
    form: string;
    kind: string;
    missingColumn: string;
    gradeColumn: string;
  };
}
