import type { Report } from "../types.js";
import { lastAtOrBefore, locate } from "../text/locate.js";
import { excerpt, quote, rawQuote } from "./excerpt.js";
import type { Formatter, FormatOptions } from "./format.js";
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
function languageJson(report: Report): FileJson["language"] {
  const { text, coverage } = report;
  const unread = new Set(coverage.unchecked.map((s) => s.language));
  const notice = languageNotice(report);
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
    language: languageJson(report),
    identifiers: identifiersJson(report),
    kinds: report.kinds.map((k) => ({
      id: k.id,
      title: k.title,
      given: Boolean(k.given),
      evidence: k.evidence.map((span) => ({ ...place(span.start), sentence: quote(text, span) })),
    })),
    grade: report.score.grade ?? null,
    ...(report.score.ungraded ? { ungraded: report.score.ungraded } : {}),
    score: report.score.score,
    breakdown: report.score.breakdown,
    readability: {
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
      text: keyPointText(report, point),
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
    questions: questionsJson(report),
    notes: text.document.notes,
  };
}

const questionsJson = (report: Report) =>
  report.questions.map((q) => ({
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

/** --questions-only: each form's questions, with its language (an unread form must not pass for one without questions). */
export function toQuestionsJson(views: ReportView[], options: JsonOptions): QuestionsReportJson {
  const files = views.map(({ path, report }) => ({ path, language: languageJson(report), questions: questionsJson(report) }));
  return {
    tool: "consent-lens",
    version: options.version,
    run: runJson(options.changes),
    questionsOnly: true,
    files,
    errors: options.unreadable,
  };
}

/** The JSON formatter. */
export const formatJson: Formatter = (views, options) =>
  JSON.stringify(options.questionsOnly ? toQuestionsJson(views, options) : toJson(views, options), null, 2) + "\n";
