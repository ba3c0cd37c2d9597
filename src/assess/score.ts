import { severities, type Category, type Finding, type Missing, type Score, type ScoreLine, type Span, type Text } from "../types.js";
import type { Rulebook } from "../rules/load.js";

const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The A-E grade, ToS;DR style but for consent forms. Each category of risk counts once,
 * for its most severe risk, weighed by how unusual the practice is, plus a point for each
 * further rule of it (to a cap): a long form that repeats one practice is not graded worse
 * than a short one that states it once, and a few bounded disclosures cost less than
 * open-ended ones. Categories count in order of weight, each a little less than the one
 * before (`decay`), so that forms that allow much are still told apart. Protections (one per category) and choices give points back, to a cap;
 * silence on a required element takes points off, to a cap. Every step is kept so the
 * report can show the sum. Too little text, or none about data, is not graded at all.
 */
export function score(text: Text, findings: Finding[], missing: Missing[], choices: Span[], rulebook: Rulebook): Score {
  const { grading } = rulebook;
  // Text that could not be read may say anything: a grade would look like good news.
  const { garbled } = text.document;
  if (garbled.length)
    return {
      score: 0,
      ungraded: `the text of ${plural(garbled.length, "page")} cannot be read and was not checked`,
      because: { kind: "garbled", pages: garbled },
      breakdown: [],
    };
  if (text.words < grading.minWords)
    return {
      score: 0,
      ungraded: `not enough text to grade (${plural(text.words, "word")})`,
      because: { kind: "few-words", words: text.words },
      breakdown: [],
    };
  // Silence is not good news: a form that says nothing about data has nothing to grade.
  if (!findings.length && !choices.length)
    return {
      score: 0,
      ungraded: "the form says nothing about what happens to your data",
      because: { kind: "says-nothing" },
      breakdown: [],
    };
  const breakdown: ScoreLine[] = [
    { points: grading.start, term: { kind: "start" } },
    ...riskLines(findings, rulebook),
    ...protectionLines(findings, choices, rulebook),
    ...missingLines(missing, rulebook),
  ];
  const total = Math.max(
    0,
    Math.min(
      100,
      breakdown.reduce((sum, line) => sum + line.points, 0),
    ),
  );
  const { A, B, C, D } = grading.grades;
  const grade = total >= A ? "A" : total >= B ? "B" : total >= C ? "C" : total >= D ? "D" : "E";
  return { score: round(total), grade, breakdown };
}

function riskLines(findings: Finding[], rulebook: Rulebook): ScoreLine[] {
  const { grading, keyPoints, rulesById } = rulebook;
  const byCategory = new Map<Category, Finding[]>();
  for (const f of findings.filter((f) => f.polarity === "risk")) byCategory.set(f.category, [...(byCategory.get(f.category) ?? []), f]);
  const weighed = [...byCategory].map(([category, risks]) => {
    const worst = [...risks].sort((a, b) => severities.indexOf(a.severity) - severities.indexOf(b.severity))[0]!;
    const rule = rulesById.get(worst.ruleId);
    const unusual = rule?.unusual ?? keyPoints.categories.get(category)?.unusual ?? 3;
    const factor = grading.unusual[String(unusual) as keyof typeof grading.unusual] ?? 1;
    const rules = new Set(risks.map((f) => f.ruleId)).size;
    const more = Math.min((rules - 1) * grading.moreRisks, grading.moreRisksCap);
    const term = { kind: "risk", category, severity: worst.severity, unusual, moreKinds: rules - 1 } as const;
    return { term, points: (grading.risk[worst.severity] ?? 0) * factor + more };
  });
  return weighed
    .sort((a, b) => b.points - a.points)
    .map(({ term, points }, i) => {
      const weight = grading.decay ** i;
      return i ? { term: { ...term, weight }, points: -round(points * weight) } : { term, points: -round(points) };
    });
}

function protectionLines(findings: Finding[], choices: Span[], rulebook: Rulebook): ScoreLine[] {
  const { grading } = rulebook;
  // A pack's protection that disputes a risk found in the same sentence earns nothing: the risk stands.
  const protectedCategories = new Set(findings.filter((f) => f.polarity === "protection" && !f.disputes).map((f) => f.category)).size;
  const lines: ScoreLine[] = [];
  if (protectedCategories)
    lines.push({
      term: { kind: "protections", categories: protectedCategories },
      points: Math.min(protectedCategories * grading.protection, grading.protectionCap),
    });
  if (choices.length)
    lines.push({
      term: { kind: "choices", count: choices.length },
      points: Math.min(choices.length * grading.choice, grading.choiceCap),
    });
  return lines;
}

function missingLines(missing: Missing[], rulebook: Rulebook): ScoreLine[] {
  const { grading } = rulebook;
  let left = grading.missingCap;
  return missing.flatMap(({ element }) => {
    const points = Math.min(grading.missing[element.severity] ?? 0, left);
    left -= points;
    return points ? [{ term: { kind: "missing", element: element.id } as const, points: -points }] : [];
  });
}
