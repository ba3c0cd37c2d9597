import { Chalk } from "chalk";
import type { Rulebook } from "../rules/load.js";
import { UserError } from "../errors.js";
import { checkExamples } from "../rules/examples.js";
import { describePattern } from "../match/patterns/index.js";
import { categoryTitles } from "../report/labels.js";
import type { Example } from "../rules/schema.js";
import type { Classifier } from "../match/model/train.js";

/** The rules, then the model's findings (its entries are rules with no patterns). */
const allRules = (rulebook: Rulebook) => [
  ...rulebook.rules.map((c) => c.rule),
  ...(rulebook.model?.findings.map((f) => rulebook.rulesById.get(f.head.id)!) ?? []),
];

/** `rules list`: one line per rule and model finding. */
export function listRules(rulebook: Rulebook): string {
  const rows = allRules(rulebook).map((rule) => [
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
  const model = rulebook.model ? `, ${rulebook.model.findings.length} model findings` : "";
  const summary = `${rulebook.rules.length} rules${model}, ${results.length} examples: ${results.length - failures.length} passed, ${failures.length} failed`;
  lines.push(failures.length ? c.red(summary) : c.green(summary));
  return { output: lines.join("\n") + "\n", passed: failures.length === 0 };
}

/** `explain <rule-id>`: what the rule (or model finding) looks for and why. */
export function explainRule(rulebook: Rulebook, id: string): string {
  const rule = allRules(rulebook).find((r) => r.id === id);
  if (!rule) throw new UserError(`no rule "${id}" (see consent-lens rules list)`);
  const classifier = rulebook.model?.findings.find((f) => f.head.id === id)?.classifier;
  const looksFor = classifier
    ? modelLooksFor(classifier, rulebook.model!.threshold)
    : [
        ...rule.patterns.map((p) => `  - ${describePattern(p)}`),
        ...(rule.requires.length ? [`  and the sentence also mentions: ${rule.requires.join("; ")}`] : []),
        ...(rule.excludes.length ? [`  but not when it mentions: ${rule.excludes.join("; ")}`] : []),
      ];
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
      ...looksFor,
      "",
      "Examples:",
      ...rule.examples.risk.map((s) => `  risk:       ${exampleText(s)}`),
      ...rule.examples.protection.map((s) => `  protection: ${exampleText(s)}`),
      ...rule.examples.none.map((s) => `  not this:   ${s}`),
    ].join("\n") + "\n"
  );
}

// A model's "patterns": the features that weigh most for and against, in the words of features.ts.
function modelLooksFor(classifier: Classifier, threshold: number): string[] {
  const ranked = Object.entries(classifier.weights).sort(([, a], [, b]) => b - a);
  const show = (list: [string, number][]) => list.map(([f, w]) => `${f} (${w > 0 ? "+" : ""}${w.toFixed(2)})`).join(", ");
  return [
    `  a sentence no rule of this category matched, whose features add up to a probability of at least ${threshold}`,
    `  (the model: ${ranked.length} weighted features; s: a word's stem, b: two stems, @: a vocabulary of lists.yaml, in: the list's lead-in)`,
    `  weighs most for: ${show(ranked.slice(0, 12))}`,
    `  weighs most against: ${show(ranked.slice(-8).reverse())}`,
  ];
}

const exampleText = (example: Example) => (typeof example === "string" ? example : example.sentence);
