import { severities, type Finding, type Missing, type Score, type ScoreLine } from "../types.js";
import type { Grading } from "../rules/schema.js";

/**
 * The A-E grade, ToS;DR style but for consent forms: risks take points off by
 * severity (only the `perCategory` most severe of each category count), each
 * protection gives a point back up to a cap, and each checklist element the form is
 * silent on takes points off. Every step is kept so the report can show the sum.
 */
export function score(findings: Finding[], missing: Missing[], grading: Grading): Score {
  const breakdown: ScoreLine[] = [{ label: "start", points: grading.start }, ...riskLines(findings, grading)];
  const protections = findings.filter((f) => f.polarity === "protection").length;
  if (protections)
    breakdown.push({
      label: `${protections} protection${protections > 1 ? "s" : ""}`,
      points: Math.min(protections * grading.protection, grading.protectionCap),
    });
  for (const { element } of missing) {
    const points = grading.missing[element.severity] ?? 0;
    if (points) breakdown.push({ label: `missing ${element.id}`, points: -points });
  }
  const total = Math.max(
    0,
    Math.min(
      100,
      breakdown.reduce((sum, line) => sum + line.points, 0),
    ),
  );
  const { A, B, C, D } = grading.grades;
  const letter = total >= A ? "A" : total >= B ? "B" : total >= C ? "C" : total >= D ? "D" : "E";
  return { score: Math.round(total * 10) / 10, grade: letter, breakdown };
}

// The `perCategory` most severe risks of each category take points off.
function riskLines(findings: Finding[], grading: Grading): ScoreLine[] {
  const byCategory = new Map<string, Finding[]>();
  for (const f of findings.filter((f) => f.polarity === "risk")) byCategory.set(f.category, [...(byCategory.get(f.category) ?? []), f]);
  return [...byCategory].flatMap(([category, risks]) => {
    const counted = risks.sort((a, b) => severities.indexOf(a.severity) - severities.indexOf(b.severity)).slice(0, grading.perCategory);
    const points = counted.reduce((sum, f) => sum + (grading.risk[f.severity] ?? 0), 0);
    const of = risks.length > counted.length ? ` (of ${risks.length})` : "";
    return points
      ? [{ label: `${category}: ${counted.map((f) => f.severity).join(" + ")} risk${counted.length > 1 ? "s" : ""}${of}`, points: -points }]
      : [];
  });
}
