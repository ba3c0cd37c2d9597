import { severities, type Finding, type Report, type Text } from "../types.js";
import type { RuleSet } from "../rules/load.js";

/** assess: findings of one text -> Report. Collects the questions the risks raise, most severe first. */
export function assess(text: Text, findings: Finding[], rules: RuleSet): Report {
  const risks = findings
    .filter((f) => f.polarity === "risk")
    .sort((a, b) => severities.indexOf(a.severity) - severities.indexOf(b.severity) || a.span.start - b.span.start);
  const questions = [...new Set(risks.flatMap((f) => rules.byId.get(f.ruleId)?.questions ?? []))];
  return { text, findings, questions, rules: rules.byId };
}
