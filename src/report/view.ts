import {
  pagedFormats,
  reportLanguages,
  severities,
  type Category,
  type Finding,
  type FormKind,
  type Position,
  type Question,
  type Report,
  type ReportLanguage,
  type Score,
  type ScoreLine,
  type Severity,
  type Span,
} from "../types.js";
import type { Element, Rule } from "../rules/schema.js";
import { messagesIn, type Messages } from "./messages/index.js";
import { en } from "./messages/en.js";
import { fingerprintsOf, missingFingerprint } from "./fingerprint.js";
import type { Acceptance, AcceptedIn } from "./baseline.js";

/** A finding with what every format shows beside it: its rule and its place in the form. */
export interface FindingView {
  finding: Finding;
  rule: Rule;
  /** `p2:14` (page 2, line 14) for a PDF, `line 14` for Word and text files. */
  place: string;
  /** The same in words: `page 2, line 14` or `line 14`. */
  placeInWords: string;
  /** Its stable id (./fingerprint.ts). */
  fingerprint: string;
  /** Set when the baseline accepts it. */
  accepted?: Acceptance;
}

/** A checklist element the form leaves out, with its id, and its acceptance when the baseline accepts it. */
export interface MissingView {
  element: Element;
  fingerprint: string;
  accepted?: Acceptance;
}

/** A risk or a missing element the baseline accepts: shown apart, and not counted for --fail-on. */
export type AcceptedFinding = (FindingView | MissingView) & { accepted: Acceptance };

/**
 * A sentence under one rule, with the near-identical sentences the form repeats
 * (the same words elsewhere) merged into it: one quote, several places.
 */
export interface SentenceEntry {
  /** The finding on the first occurrence; the others only add places. */
  first: FindingView;
  places: string[];
  /** Whether this is where the sentence is quoted; elsewhere it is referred to. */
  quoted: boolean;
  /** The sentence's other risk categories, which report it too. */
  alsoIn: Category[];
}

/** One rule's risks in one category: its explanation once, its sentences under it. */
export interface RuleGroup {
  rule: Rule;
  severity: Severity;
  sentences: SentenceEntry[];
}

/** The risks of one category. */
export interface RiskGroup {
  category: Category;
  title: string;
  /** Most severe first, then in reading order. */
  findings: FindingView[];
  rules: RuleGroup[];
  pages: number[];
}

/** A file that could not be read, with the one-line reason. */
export interface Unreadable {
  path: string;
  error: string;
}

/**
 * One form's report as every formatter sees it: the figures and groupings worked
 * out once, so that no two formats can tell the same form apart differently.
 */
export interface ReportView {
  /** The report itself, for the text the formats quote (through excerpt.ts). */
  report: Report;
  /** The language the report is written in; rules, elements, kinds and questions below are in it (English where a text has no translation). */
  language: ReportLanguage;
  /** The report's fixed strings in that language: every format reads them, so all formats speak alike. */
  messages: Messages;
  /** The kinds of form, titled in the report's language. */
  kinds: FormKind[];
  /** The questions to ask before signing, in the report's language. */
  questions: Question[];
  /** Why the form has no grade, in the report's language; undefined when it has one. */
  ungraded?: string;
  /** "B (78/100)" or "no grade: ...", in the report's language. */
  gradeLabel: string;
  /** The grade's arithmetic, each line worded in the report's language. */
  breakdown: (ScoreLine & { label: string })[];
  path: string;
  formatName: string;
  pages: number;
  /** Every finding, in the order of the report (sentence by sentence), accepted ones too. */
  findings: FindingView[];
  /** Risks not accepted, most severe first, then in reading order. */
  risks: FindingView[];
  /** Categories in order of their most severe risk, then of how many risks they have. */
  riskGroups: RiskGroup[];
  riskCounts: Record<Severity, number>;
  /** Sentences with a risk, each once. */
  riskySentences: number;
  /** Protections, in reading order. */
  protections: FindingView[];
  /** Missing elements not accepted. */
  missing: Element[];
  /** Every missing element, accepted ones too, in the order of the report. */
  allMissing: MissingView[];
  /** Risks and missing elements the baseline accepts, most severe first. */
  accepted: AcceptedFinding[];
}

const rank = (s: Severity) => severities.indexOf(s);
const bySeverity = (a: FindingView, b: FindingView) =>
  rank(a.finding.severity) - rank(b.finding.severity) || a.finding.span.start - b.finding.span.start;
const spanKey = (s: Span) => `${s.start}:${s.end}`;

export function placeOf(report: Report, position: Position, messages: Messages = en): { place: string; placeInWords: string } {
  return pagedFormats.includes(report.text.document.format)
    ? { place: `p${position.page}:${position.line}`, placeInWords: messages.placeInWords(position.line, position.page) }
    : { place: messages.placeInWords(position.line), placeInWords: messages.placeInWords(position.line) };
}

/** A rule, element or kind with its texts in the report's language, where its file gives them (`es:`); else as it is, in English. */
export function inLanguage<T extends { es?: object | undefined }>(language: ReportLanguage, item: T): T {
  const texts = language === "en" ? undefined : item[language];
  return texts ? { ...item, ...texts } : item;
}

export function findingView(
  report: Report,
  finding: Finding,
  fingerprint: string,
  accepted?: Acceptance,
  language: ReportLanguage = "en",
): FindingView {
  const rule = report.rulesById.get(finding.ruleId);
  if (!rule) throw new Error(`finding of unknown rule "${finding.ruleId}"`);
  const place = placeOf(report, finding.position, messagesIn[language]);
  return { finding, rule: inLanguage(language, rule), ...place, fingerprint, ...(accepted && { accepted }) };
}

/** Why a form has no grade, in the report's language; undefined when it has one. */
export const ungradedReason = (score: Score, messages: Messages) =>
  score.grade ? undefined : score.because ? messages.ungraded(score.because) : score.ungraded;

/** "B (78/100)" or "no grade: ...", in the report's language. */
export const gradeLabelIn = (score: Score, messages: Messages) =>
  messages.gradeLabel(score.grade, score.score, ungradedReason(score, messages) ?? "not graded");

/** The language a report is written in when none is chosen: the form's main language, if reports can be written in it. */
export function formLanguage(report: Report): ReportLanguage {
  return reportLanguages.find((l) => l === report.coverage.main) ?? "en";
}

// A question is worded by a rule or an element: the same one's text in the report's language.
function questionsIn(report: Report, language: ReportLanguage): Question[] {
  if (language === "en") return report.questions;
  const translated = new Map<string, string>();
  for (const rule of report.rulesById.values())
    rule[language]?.questions.forEach((q, i) => rule.questions[i] !== undefined && translated.set(rule.questions[i]!, q));
  for (const { element } of report.missing) if (element[language]) translated.set(element.question, element[language].question);
  const say = (text: string) => translated.get(text) ?? text;
  return report.questions.map((q) => ({ ...q, text: say(q.text), related: q.related.map(say) }));
}

const isAccepted = <T extends { accepted?: Acceptance }>(v: T): v is T & { accepted: Acceptance } => v.accepted !== undefined;
const severityOf = (v: FindingView | MissingView) => ("finding" in v ? v.finding.severity : v.element.severity);

/**
 * The view of one form; `acceptedIn` tells which of its findings the baseline accepts (only
 * risks and missing elements can be); `language` is that of the report's words, by default
 * the form's own (./messages/).
 */
export function reportView(report: Report, acceptedIn: AcceptedIn = () => undefined, language = formLanguage(report)): ReportView {
  const messages = messagesIn[language];
  const fingerprints = fingerprintsOf(report);
  const findings = report.findings.map((f) => {
    const fingerprint = fingerprints.get(f)!;
    return findingView(report, f, fingerprint, f.polarity === "risk" ? acceptedIn(fingerprint) : undefined, language);
  });
  const allMissing = report.missing.map(({ element }) => {
    const fingerprint = missingFingerprint(element.id);
    const accepted = acceptedIn(fingerprint);
    return { element: inLanguage(language, element), fingerprint, ...(accepted && { accepted }) };
  });
  const { score } = report;
  const ungraded = ungradedReason(score, messages);
  const risks = findings.filter((v) => v.finding.polarity === "risk" && !v.accepted).sort(bySeverity);
  const protections = findings
    .filter((v) => v.finding.polarity === "protection")
    .sort((a, b) => a.finding.span.start - b.finding.span.start);
  const document = report.text.document;
  return {
    report,
    language,
    messages,
    kinds: report.kinds.map((k) => inLanguage(language, k)),
    questions: questionsIn(report, language),
    ...(ungraded !== undefined && { ungraded }),
    gradeLabel: gradeLabelIn(score, messages),
    breakdown: score.breakdown.map((line) => ({ ...line, label: messages.scoreTerm(line.term) })),
    path: document.path,
    formatName: messages.formatNames[document.format],
    pages: document.pageStarts.length,
    findings,
    risks,
    riskGroups: riskGroups(report, risks, messages),
    riskCounts: Object.fromEntries(severities.map((s) => [s, risks.filter((v) => v.finding.severity === s).length])) as Record<
      Severity,
      number
    >,
    riskySentences: new Set(risks.map((v) => spanKey(v.finding.sentence))).size,
    protections,
    missing: allMissing.filter((m) => !m.accepted).map((m) => m.element),
    allMissing,
    accepted: [...findings, ...allMissing].filter(isAccepted).sort((a, b) => rank(severityOf(a)) - rank(severityOf(b))),
  };
}

function riskGroups(report: Report, risks: FindingView[], messages: Messages): RiskGroup[] {
  const byCategory = new Map<Category, FindingView[]>();
  for (const v of risks) byCategory.set(v.finding.category, [...(byCategory.get(v.finding.category) ?? []), v]);
  const categoriesOf = new Map<string, Category[]>();
  for (const v of risks)
    categoriesOf.set(spanKey(v.finding.sentence), [...(categoriesOf.get(spanKey(v.finding.sentence)) ?? []), v.finding.category]);
  const groups = [...byCategory.entries()].sort(
    ([, a], [, b]) => rank(a[0]!.finding.severity) - rank(b[0]!.finding.severity) || b.length - a.length,
  );
  // A sentence is quoted once, under the first (most severe) category that reports it.
  const quoted = new Set<string>();
  return groups.map(([category, findings]) => ({
    category,
    title: messages.categoryTitles[category],
    findings,
    rules: ruleGroups(report, findings, (sentence) => {
      const key = spanKey(sentence);
      const first = !quoted.has(key);
      quoted.add(key);
      return { quoted: first, alsoIn: (categoriesOf.get(key) ?? []).filter((c) => c !== category) };
    }),
    pages: [...new Set(findings.map((v) => v.finding.position.page))].sort((a, b) => a - b),
  }));
}

// Sentences that share nearly all their words are the form repeating itself.
const nearlySame = 0.9;
const wordsOf = (report: Report, s: Span) =>
  new Set(
    report.text.value
      .slice(s.start, s.end)
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [],
  );
function overlap(a: Set<string>, b: Set<string>) {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

function ruleGroups(
  report: Report,
  findings: FindingView[],
  mark: (sentence: Span) => Pick<SentenceEntry, "quoted" | "alsoIn">,
): RuleGroup[] {
  const groups = new Map<string, RuleGroup & { words: Set<string>[] }>();
  for (const v of findings) {
    const group = groups.get(v.rule.id) ?? { rule: v.rule, severity: v.finding.severity, sentences: [], words: [] };
    groups.set(v.rule.id, group);
    const words = wordsOf(report, v.finding.sentence);
    const same = group.words.findIndex((w) => overlap(w, words) >= nearlySame);
    if (same >= 0) group.sentences[same]!.places.push(v.place);
    else {
      group.sentences.push({ first: v, places: [v.place], ...mark(v.finding.sentence) });
      group.words.push(words);
    }
  }
  return [...groups.values()].map(({ words: _words, ...group }) => group);
}
