import type { Report } from "../types.js";
import { lastAtOrBefore, locate } from "../text/locate.js";
import { excerpt, quote, rawQuote } from "./excerpt.js";
import { formatterOf, type Formatter, type FormatOptions, type FormatStream } from "./format.js";
import type { z } from "zod";
import type { FileJson as FileJsonSchema, QuestionsReportJson, ReportJson } from "./schema.js";
import type { RuleChanges } from "../rules/load.js";
import { languageName } from "../text/language.js";
import { languageNotice } from "./notices.js";
import { keyPointText } from "./key-points.js";
import type { FindingView, ReportView } from "./view.js";

type FileJson = z.infer<typeof FileJsonSchema>;

/** A phrase finding as JSON (also used by the diff). */
export function phraseFindingJson(report: Report, { finding: f, rule, fingerprint, accepted }: FindingView) {
  return {
    fingerprint,
    ruleId: f.ruleId,
    category: f.category,
    polarity: f.polarity,
    severity: f.severity,
    kind: "phrase" as const,
    title: rule.title,
    text: excerpt(report.text, f).match,
    sentence: quote(report.text, f.sentence),
    location: { ...f.position, start: f.span.start, end: f.span.end },
    ...(f.cue ? { cue: f.cue } : {}),
    ...(f.pack === undefined ? {} : { pack: f.pack }),
    ...(f.disputes ? { disputes: f.disputes } : {}),
    explanation: rule.explanation,
    questions: f.polarity === "risk" ? rule.questions : [],
    ...(rule.citation ? { citation: rule.citation } : {}),
    ...(accepted && { accepted }),
  };
}

// Every page says whether OCR read it; OCR pages add their confidence and the words to check.
function ocrJson({ text: { document } }: Report): Pick<FileJson, "pageInfo" | "ocrConfidence"> {
  const byPage = new Map(document.ocr.map((p) => [p.page, p]));
  const pageInfo = document.pageStarts.map((start, i) => {
    const ocr = byPage.get(i + 1);
    if (!ocr) return { page: i + 1, ocr: false };
    const firstLine = lastAtOrBefore(document.lineStarts, start);
    const doubtful = ocr.doubtful.map((w) => ({
      word: rawQuote(document, w),
      line: lastAtOrBefore(document.lineStarts, w.start) - firstLine + 1,
      confidence: w.confidence,
    }));
    return { page: i + 1, ocr: true, confidence: ocr.confidence, doubtful };
  });
  const words = document.ocr.reduce((sum, p) => sum + p.words, 0);
  if (!words) return { pageInfo };
  const confidence = document.ocr.reduce((sum, p) => sum + p.confidence * p.words, 0) / words;
  return { pageInfo, ocrConfidence: Math.round(confidence * 10) / 10 };
}

// The form's sections by language, and what the rules could read.
function languageJson({ report, language, messages }: ReportView): FileJson["language"] {
  const { text, coverage } = report;
  const unread = new Set(coverage.unchecked.map((s) => s.language));
  const notice = languageNotice(report, messages);
  return {
    main: coverage.main,
    sections: text.languages.map((s) => ({
      language: s.language,
      name: languageName(s.language),
      words: s.words,
      checked: coverage.checked && !unread.has(s.language),
      start: s.start,
      end: s.end,
      pages: [locate(text, s.start).page, locate(text, Math.max(s.start, s.end - 1)).page],
    })),
    checked: coverage.checked,
    ...(notice ? { notice } : {}),
    report: language,
  };
}

function identifiersJson(report: Report): FileJson["identifiers"] {
  const kinds: Record<string, number> = {};
  for (const id of report.identifiers) kinds[id.kind] = (kinds[id.kind] ?? 0) + 1;
  return { count: report.identifiers.length, masked: Boolean(report.redacted), kinds };
}

function fileJson(view: ReportView): FileJson {
  const { report } = view;
  const { text, readability } = report;
  const place = (start: number) => {
    const { page, line } = locate(text, start);
    return { page, line };
  };
  return {
    path: view.path,
    format: text.document.format,
    pages: view.pages,
    ...ocrJson(report),
    words: text.words,
    language: languageJson(view),
    identifiers: identifiersJson(report),
    kinds: view.kinds.map((k) => ({
      id: k.id,
      title: k.title,
      given: Boolean(k.given),
      evidence: k.evidence.map((span) => ({ ...place(span.start), sentence: quote(text, span) })),
    })),
    grade: report.score.grade ?? null,
    ...(view.ungraded ? { ungraded: view.ungraded } : {}),
    score: report.score.score,
    breakdown: view.breakdown.map(({ label, points }) => ({ label, points })),
    readability: {
      measure: readability.measure,
      grade: readability.grade,
      ease: readability.ease,
      target: readability.target,
      words: readability.words,
      sentences: readability.sentences,
      averageSentenceLength: readability.averageSentenceLength,
      sections: readability.sections.map(({ title, words, grade, ease }) => ({ title, words, grade, ease })),
      longest: readability.longest.map((l) => ({ page: l.position.page, line: l.position.line, words: l.words })),
    },
    keyPoints: report.keyPoints.map((point) => ({
      kind: point.kind,
      text: keyPointText(view, point),
      pages: point.kind === "silent" ? [] : point.pages,
      ...(point.kind === "allows"
        ? { severity: point.severity, sources: point.sources }
        : { sources: point.kind === "silent" ? [point.element.id] : [] }),
    })),
    findings: [
      ...view.findings.map((f) => phraseFindingJson(report, f)),
      ...view.allMissing.map(({ element, fingerprint, accepted }) => ({
        fingerprint,
        kind: "missing" as const,
        element: element.id,
        ruleId: element.id,
        ...(element.category ? { category: element.category } : {}),
        severity: element.severity,
        title: element.title,
        checklist: element.checklist,
        ...(element.citation ? { citation: element.citation } : {}),
        explanation: element.explanation,
        questions: [element.question],
        ...(accepted && { accepted }),
      })),
    ],
    questions: questionsJson(view),
    notes: text.document.notes,
  };
}

const questionsJson = (view: ReportView) =>
  view.questions.map((q) => ({
    question: q.text,
    severity: q.severity,
    pages: q.pages,
    sources: q.sources,
    topic: q.topic,
    related: q.related,
  }));

/** How the run's rules differ from the bundled pack, as JSON (also SARIF's run.properties.ruleChanges). */
export const runJson = (changes: RuleChanges): ReportJson["run"] => ({
  config: changes.config ?? null,
  packs: changes.packs,
  disabled: changes.disabled,
  severities: changes.severities,
  ...(changes.failOn ? { failOn: changes.failOn } : {}),
});

type JsonOptions = Pick<FormatOptions, "version" | "unreadable" | "changes" | "baseline">;

const baselineJson = (views: ReportView[], options: JsonOptions) =>
  options.baseline && { baseline: { file: options.baseline, accepted: views.reduce((n, v) => n + v.accepted.length, 0) } };

export function toJson(views: ReportView[], options: JsonOptions): ReportJson {
  return {
    tool: "consent-lens",
    version: options.version,
    run: runJson(options.changes),
    ...baselineJson(views, options),
    files: views.map(fileJson),
    errors: options.unreadable,
  };
}

const questionsFileJson = (view: ReportView) => ({ path: view.path, language: languageJson(view), questions: questionsJson(view) });

/** --questions-only: each form's questions, with its language (an unread form must not pass for one without questions). */
export function toQuestionsJson(views: ReportView[], options: JsonOptions): QuestionsReportJson {
  const files = views.map(questionsFileJson);
  return {
    tool: "consent-lens",
    version: options.version,
    run: runJson(options.changes),
    questionsOnly: true,
    files,
    errors: options.unreadable,
  };
}

const fileOf = (view: ReportView, questionsOnly: boolean) => (questionsOnly ? questionsFileJson(view) : fileJson(view));
const documentOf = (options: JsonOptions & { questionsOnly: boolean }) => (options.questionsOnly ? toQuestionsJson : toJson)([], options);

// A file inside two arrays is indented as inside the document; cutting the arrays off copies nothing.
const wrapped = "[\n  [\n".length;
// The document around the files, split where they go, as JSON.stringify would write the whole.
const filesGoHere = "\u0000files";
function around(document: object): { head: string; tail: string } {
  const whole = JSON.stringify({ ...document, files: [filesGoHere] }, null, 2) + "\n";
  const [head, tail] = whole.split(`    ${JSON.stringify(filesGoHere)}`) as [string, string];
  return { head, tail };
}

type JsonPart = { text: string; accepted: number };

/**
 * Each file is written as it comes, but for a run with a baseline: its count of accepted
 * findings comes before the files, so their texts wait for the end.
 */
export const jsonStream: FormatStream<JsonPart> = {
  part: (view, _index, options) => {
    const json = JSON.stringify([[fileOf(view, options.questionsOnly)]], null, 2);
    return { text: json.slice(wrapped, json.length - wrapped), accepted: view.accepted.length };
  },
  open: (options) => {
    const parts: JsonPart[] = [];
    const document = (unreadable: FormatOptions["unreadable"], accepted: number) => {
      const whole = documentOf({ ...options, unreadable }) as unknown as Record<string, unknown>;
      const { baseline } = whole as { baseline?: { accepted: number } };
      return baseline ? { ...whole, baseline: { ...baseline, accepted } } : whole;
    };
    const streaming = !options.baseline;
    let written = 0;
    return {
      add: (part) => {
        if (!streaming) return (parts.push(part), "");
        return (written++ ? ",\n" : around(document([], 0)).head) + part.text;
      },
      end: (unreadable) => {
        const accepted = parts.reduce((n, p) => n + p.accepted, 0);
        if (streaming) return written ? around(document(unreadable, 0)).tail : JSON.stringify(document(unreadable, 0), null, 2) + "\n";
        if (!parts.length) return JSON.stringify(document(unreadable, accepted), null, 2) + "\n";
        const { head, tail } = around(document(unreadable, accepted));
        return head + parts.map((p) => p.text).join(",\n") + tail;
      },
    };
  },
};

/** The JSON formatter. */
export const formatJson: Formatter = formatterOf(jsonStream);
