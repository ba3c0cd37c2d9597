import { severities } from "../types.js";
import type { ReportView } from "./view.js";
import { gradeLabel } from "./labels.js";
import { printable } from "../text/printable.js";

/** One row per form for a batch overview: the comparable figures an advocate needs. */
export const summaryHeader = ["file", "kind", "grade", "risks (high/medium/low/info)", "missing"];

export function summaryRow(v: ReportView): string[] {
  return [
    printable(v.path), // a file name shown in a terminal or a Markdown table
    v.report.kinds.map((k) => k.title).join(", ") || "—",
    gradeLabel(v.report.score),
    v.report.coverage.checked ? severities.map((s) => v.riskCounts[s]).join("/") : "not checked",
    String(v.missing.length),
  ];
}
