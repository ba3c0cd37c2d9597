import { severities, type Report } from "../types.js";

/** One row per form for a batch overview: the comparable figures an advocate needs. */
export const summaryHeader = ["file", "kind", "grade", "risks (high/medium/low/info)", "missing"];

export function summaryRows(reports: Report[]): string[][] {
  return reports.map((r) => {
    const risks = r.findings.filter((f) => f.polarity === "risk");
    return [
      r.text.document.path,
      r.kinds.map((k) => k.title).join(", ") || "—",
      `${r.score.grade} (${r.score.score})`,
      severities.map((s) => risks.filter((f) => f.severity === s).length).join("/"),
      String(r.missing.length),
    ];
  });
}
