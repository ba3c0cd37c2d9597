import { severities, type Category, type Finding, type Position, type Report, type Severity } from "../types.js";
import type { Element, Rule } from "../rules/schema.js";
import { categoryTitles, formatNames } from "./labels.js";

/** A finding with what every format shows beside it: its rule and its place in the form. */
export interface FindingView {
  finding: Finding;
  rule: Rule;
  /** `p2:14` (page 2, line 14) for a PDF, `line 14` for Word and text files. */
  place: string;
  /** The same in words: `page 2, line 14` or `line 14`. */
  placeInWords: string;
}

/** The risks of one category. */
export interface RiskGroup {
  category: Category;
  title: string;
  findings: FindingView[];
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
  path: string;
  formatName: string;
  pages: number;
  /** Every finding, in the order of the report (sentence by sentence). */
  findings: FindingView[];
  /** Risks, most severe first, then in reading order. */
  risks: FindingView[];
  /** Categories in order of their most severe risk, then of how many risks they have. */
  riskGroups: RiskGroup[];
  riskCounts: Record<Severity, number>;
  /** Protections, in reading order. */
  protections: FindingView[];
  missing: Element[];
}

const bySeverity = (a: FindingView, b: FindingView) =>
  severities.indexOf(a.finding.severity) - severities.indexOf(b.finding.severity) || a.finding.span.start - b.finding.span.start;

export function placeOf(report: Report, position: Position): { place: string; placeInWords: string } {
  return report.text.document.format === "pdf"
    ? { place: `p${position.page}:${position.line}`, placeInWords: `page ${position.page}, line ${position.line}` }
    : { place: `line ${position.line}`, placeInWords: `line ${position.line}` };
}

export function findingView(report: Report, finding: Finding): FindingView {
  const rule = report.rulesById.get(finding.ruleId);
  if (!rule) throw new Error(`finding of unknown rule "${finding.ruleId}"`);
  return { finding, rule, ...placeOf(report, finding.position) };
}

export function reportView(report: Report): ReportView {
  const findings = report.findings.map((f) => findingView(report, f));
  const risks = findings.filter((v) => v.finding.polarity === "risk").sort(bySeverity);
  const protections = findings
    .filter((v) => v.finding.polarity === "protection")
    .sort((a, b) => a.finding.span.start - b.finding.span.start);
  const groups = new Map<Category, FindingView[]>();
  for (const v of risks) groups.set(v.finding.category, [...(groups.get(v.finding.category) ?? []), v]);
  const worst = (fs: FindingView[]) => severities.indexOf(fs[0]!.finding.severity);
  const riskGroups = [...groups.entries()]
    .sort(([, a], [, b]) => worst(a) - worst(b) || b.length - a.length)
    .map(([category, inGroup]) => ({ category, title: categoryTitles[category], findings: inGroup }));
  const document = report.text.document;
  return {
    report,
    path: document.path,
    formatName: formatNames[document.format],
    pages: document.pageStarts.length,
    findings,
    risks,
    riskGroups,
    riskCounts: Object.fromEntries(severities.map((s) => [s, risks.filter((v) => v.finding.severity === s).length])) as Record<
      Severity,
      number
    >,
    protections,
    missing: report.missing.map((m) => m.element),
  };
}
