import { severities } from "../types.js";
import type { ReportView } from "./view.js";
import { gradeLabel } from "./labels.js";

/** One row per form for a batch overview: the comparable figures an advocate needs. */
export const summaryHeader = ["file", "kind", "grade", "risks (high/medium/low/info)", "missing"];

export function summaryRow(v: ReportView): string[] {
  return [
    v.path,
    v.report.kinds.map((k) => k.title).join(", ") || "—",
    gradeLabel(v.report.score),
    severities.map((s) => v.riskCounts[s]).join("/"),
    String(v.missing.length),
  ];
}
