import type { Report } from "../types.js";
import { lastAtOrBefore, locate } from "../text/locate.js";
import { excerpt, quote, rawQuote } from "./excerpt.js";
import type { Formatter, FormatOptions } from "./format.js";
import type { ReportJson } from "./schema.js";
import { keyPointText } from "./key-points.js";
import type { FindingView, ReportView } from "./view.js";

type FileJson = ReportJson["files"][number];

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
      sections: readability.sections,
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
    questions: report.questions.map((q) => ({
      question: q.text,
      severity: q.severity,
      pages: q.pages,
      sources: q.sources,
      topic: q.topic,
      related: q.related,
    })),
    notes: text.document.notes,
  };
}

export function toJson(views: ReportView[], options: Pick<FormatOptions, "version" | "unreadable" | "baseline">): ReportJson {
  return {
    tool: "consent-lens",
    version: options.version,
    ...(options.baseline && { baseline: { file: options.baseline, accepted: views.reduce((n, v) => n + v.accepted.length, 0) } }),
    files: views.map(fileJson),
    errors: options.unreadable,
  };
}

/** The JSON formatter. */
export const formatJson: Formatter = (views, options) => JSON.stringify(toJson(views, options), null, 2) + "\n";
