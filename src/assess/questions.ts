import { severities, type Finding, type Missing, type Question } from "../types.js";
import type { Rule } from "../rules/schema.js";

type Draft = Question & { first: number };

const rank = (q: Question) => severities.indexOf(q.severity);
const key = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/**
 * The questions to ask before signing, merged by meaning and ranked: the questions
 * of one topic (a category, or a checklist element without one) become one, the
 * most pressing, with the others under it as `related` and the pages of them all.
 * Most severe first, then the most often raised, then in reading order.
 */
export function rankQuestions(findings: Finding[], missing: Missing[], rulesById: Map<string, Rule>): Question[] {
  const byText = new Map<string, Draft>();
  const add = (text: string, topic: string, severity: Question["severity"], source: string, page: number | undefined, first: number) => {
    const q = byText.get(key(text)) ?? { text, topic, severity, pages: [], sources: [], related: [], first };
    if (severities.indexOf(severity) < rank(q)) q.severity = severity;
    if (page !== undefined && !q.pages.includes(page)) q.pages.push(page);
    if (!q.sources.includes(source)) q.sources.push(source);
    byText.set(key(text), q);
  };
  for (const f of findings.filter((f) => f.polarity === "risk"))
    for (const text of rulesById.get(f.ruleId)?.questions ?? []) add(text, f.category, f.severity, f.ruleId, f.position.page, f.span.start);
  for (const { element } of missing)
    add(element.question, element.category ?? element.id, element.severity, element.id, undefined, Infinity);
  return mergeTopics(ranked([...byText.values()])).map(({ first: _first, ...q }) => ({ ...q, pages: q.pages.sort((x, y) => x - y) }));
}

const ranked = (questions: Draft[]) =>
  questions.sort((a, b) => rank(a) - rank(b) || b.sources.length - a.sources.length || a.first - b.first);

function mergeTopics(questions: Draft[]): Draft[] {
  const byTopic = new Map<string, Draft>();
  for (const q of questions) {
    const lead = byTopic.get(q.topic);
    if (!lead) {
      byTopic.set(q.topic, { ...q, pages: [...q.pages], sources: [...q.sources] });
      continue;
    }
    lead.related.push(q.text);
    for (const p of q.pages) if (!lead.pages.includes(p)) lead.pages.push(p);
    for (const s of q.sources) if (!lead.sources.includes(s)) lead.sources.push(s);
  }
  return ranked([...byTopic.values()]);
}
