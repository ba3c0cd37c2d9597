import type { Report } from "../types.js";
import { excerpt, sentenceText } from "./excerpt.js";
import type { ReportJson } from "./schema.js";

export interface FormatOptions {
  version: string;
  /** Files that could not be read, with the one-line reason. */
  errors: { path: string; error: string }[];
}

export function toJson(reports: Report[], options: FormatOptions): ReportJson {
  return {
    tool: "consent-lens",
    version: options.version,
    files: reports.map(({ text, findings, questions, rules }) => ({
      path: text.document.path,
      format: text.document.format,
      pages: text.document.pageStarts.length,
      words: text.words,
      findings: findings.map((f) => {
        const rule = rules.get(f.ruleId)!;
        return {
          ruleId: f.ruleId,
          category: f.category,
          polarity: f.polarity,
          severity: f.severity,
          kind: "phrase" as const,
          title: rule.title,
          text: excerpt(text, f).match,
          sentence: sentenceText(text, f),
          location: { ...f.position, start: f.span.start, end: f.span.end },
          ...(f.cue ? { cue: f.cue } : {}),
          explanation: rule.explanation,
          questions: f.polarity === "risk" ? rule.questions : [],
          ...(rule.citation ? { citation: rule.citation } : {}),
        };
      }),
      questions,
      notes: text.document.notes,
    })),
    errors: options.errors,
  };
}

/** The JSON formatter. */
export const formatJson = (reports: Report[], options: FormatOptions) => JSON.stringify(toJson(reports, options), null, 2) + "\n";
