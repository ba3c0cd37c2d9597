import { Chalk } from "chalk";
import type { Rulebook } from "../rules/load.js";
import { UserError } from "../errors.js";
import { checkExamples } from "../rules/examples.js";
import { describePattern } from "../match/patterns/index.js";
import { categoryTitles } from "../report/labels.js";
import type { Example } from "../rules/schema.js";

/** `rules list`: one line per rule. */
export function listRules(rulebook: Rulebook): string {
  const rows = rulebook.rules.map(({ rule }) => [
    rule.id,
    rule.category,
    rule.polarity === "risk" ? rule.severity : "protection",
    rule.title,
  ]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join("  ")).join("\n") + "\n";
}

/** `rules test`: runs every example; the report shows each failure with what matched. */
export function testRules(rulebook: Rulebook, color: boolean): { output: string; passed: boolean } {
  const c = new Chalk({ level: color ? 1 : 0 });
  const results = checkExamples(rulebook);
  const failures = results.filter((r) => !r.passed);
  const lines = failures.map((f) => {
    const got =
      f.actual === "none" || f.actual === "absent" ? "no match" : `${f.actual} on “${f.matched}”${f.cue ? ` (cue “${f.cue}”)` : ""}`;
    const expected = `${f.expected}${f.expectedWords ? ` on “${f.expectedWords}”` : ""}`;
    return `${c.red("✗")} ${c.bold(f.ruleId)} ${rulebook.files.get(f.ruleId) ?? ""}\n    expected ${expected}, got ${got}\n    “${f.sentence}”`;
  });
  const summary = `${rulebook.rules.length} rules, ${results.length} examples: ${results.length - failures.length} passed, ${failures.length} failed`;
  lines.push(failures.length ? c.red(summary) : c.green(summary));
  return { output: lines.join("\n") + "\n", passed: failures.length === 0 };
}

/** `explain <rule-id>`: what the rule looks for and why. */
export function explainRule(rulebook: Rulebook, id: string): string {
  const compiled = rulebook.rules.find((r) => r.rule.id === id);
  if (!compiled) throw new UserError(`no rule "${id}" (see consent-lens rules list)`);
  const { rule } = compiled;
  const patterns = rule.patterns.map(describePattern);
  return (
    [
      `${rule.id}: ${rule.title}`,
      `category: ${rule.category} (${categoryTitles[rule.category]}), ${rule.polarity}, severity ${rule.severity}`,
      `file: ${rulebook.files.get(rule.id)}`,
      "",
      rule.explanation,
      ...(rule.questions.length ? ["", "Questions to ask:", ...rule.questions.map((q) => `  - ${q}`)] : []),
      ...(rule.citation ? ["", `Source: ${rule.citation}`] : []),
      "",
      "Looks for:",
      ...patterns.map((p) => `  - ${p}`),
      ...(rule.requires.length ? [`  and the sentence also mentions: ${rule.requires.join("; ")}`] : []),
      ...(rule.excludes.length ? [`  but not when it mentions: ${rule.excludes.join("; ")}`] : []),
      "",
      "Examples:",
      ...rule.examples.risk.map((s) => `  risk:       ${exampleText(s)}`),
      ...rule.examples.protection.map((s) => `  protection: ${exampleText(s)}`),
      ...rule.examples.none.map((s) => `  not this:   ${s}`),
    ].join("\n") + "\n"
  );
}

const exampleText = (example: Example) => (typeof example === "string" ? example : example.sentence);
