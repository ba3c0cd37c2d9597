import { severities } from "../types.js";
import type { ReportView } from "./view.js";
import { printable } from "../text/printable.js";

/** One row per form for a batch overview: the comparable figures an advocate needs (headed by the messages' `summaryHeader`). */
export function summaryRow(v: ReportView): string[] {
  return [
    printable(v.path), // a file name shown in a terminal or a Markdown table
    v.kinds.map((k) => k.title).join(", ") || "—",
    v.gradeLabel,
    v.report.coverage.checked ? severities.map((s) => v.riskCounts[s]).join("/") : v.messages.notChecked,
    String(v.missing.length),
  ];
}
