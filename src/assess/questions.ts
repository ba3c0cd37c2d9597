import { severities, type Finding, type Missing, type Question } from "../types.js";
import type { Rule } from "../rules/schema.js";

/**
 * One ranked list of questions to ask before signing: those the risky sentences
 * raise (with their pages) and those the form's silence raises. The same question
 * asked by several rules appears once. Most severe first, then the most often
 * raised, then in reading order.
 */
export function rankQuestions(findings: Finding[], missing: Missing[], rulesById: Map<string, Rule>): Question[] {
  const byText = new Map<string, Question & { first: number }>();
  const add = (text: string, severity: Question["severity"], source: string, page: number | undefined, first: number) => {
    const key = text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, " ")
      .trim();
    const q = byText.get(key) ?? { text, severity, pages: [], sources: [], first };
    if (severities.indexOf(severity) < severities.indexOf(q.severity)) q.severity = severity;
    if (page !== undefined && !q.pages.includes(page)) q.pages.push(page);
    if (!q.sources.includes(source)) q.sources.push(source);
    byText.set(key, q);
  };
  for (const f of findings.filter((f) => f.polarity === "risk"))
    for (const text of rulesById.get(f.ruleId)?.questions ?? []) add(text, f.severity, f.ruleId, f.position.page, f.span.start);
  for (const { element } of missing) add(element.question, element.severity, element.id, undefined, Infinity);
  return [...byText.values()]
    .sort(
      (a, b) => severities.indexOf(a.severity) - severities.indexOf(b.severity) || b.sources.length - a.sources.length || a.first - b.first,
    )
    .map(({ first: _first, ...q }) => ({ ...q, pages: q.pages.sort((x, y) => x - y) }));
}
