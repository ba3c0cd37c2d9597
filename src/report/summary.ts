import { severities } from "../types.js";
import type { ReportView } from "./view.js";
import { gradeLabel } from "./labels.js";

/** One row per form for a batch overview: the comparable figures an advocate needs. */
export const summaryHeader = ["file", "kind", "grade", "risks (high/medium/low/info)", "missing"];

export function summaryRows(views: ReportView[]): string[][] {
  return views.map((v) => [
    v.path,
    v.report.kinds.map((k) => k.title).join(", ") || "—",
    gradeLabel(v.report.score),
    v.report.coverage.checked ? severities.map((s) => v.riskCounts[s]).join("/") : "not checked",
    String(v.missing.length),
  ]);
}
