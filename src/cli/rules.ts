import { Chalk } from "chalk";
import { isBundled, type CompiledFormKind, type Rulebook } from "../rules/load.js";
import { didYouMean, UserError } from "../errors.js";
import { checkExamples } from "../rules/examples.js";
import { describePattern } from "../match/patterns/index.js";
import { categoryTitles } from "../report/labels.js";
import { display } from "../display.js";
import type { Element, Example, Rule } from "../rules/schema.js";
import type { Classifier } from "../match/model/train.js";
import { classifierOf } from "../match/model/model.js";

/** Where a rule, element or kind comes from: "bundled", or the pack file as the user would name it. */
const origin = (file: string | undefined) => (file === undefined ? "" : isBundled(file) ? "bundled" : display(file));

// Columns padded to their widest cell; the last one runs on.
function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) =>
    r
      .map((cell, i) => (i < r.length - 1 ? cell.padEnd(widths[i]!) : cell))
      .join("  ")
      .trimEnd(),
  );
}

/** The rules, then the model's findings (its entries are rules with no patterns). */
const allRules = (rulebook: Rulebook) => [
  ...rulebook.rules.map((c) => c.rule),
  ...(rulebook.model?.findings.map((f) => rulebook.rulesById.get(f.head.id)!) ?? []),
];

/** `rules list`: the rules (and the model's findings), the checklist elements and the kinds of form, one line each, with where each comes from. */
export function listRules(rulebook: Rulebook): string {
  const rules = allRules(rulebook).map((rule) => [
    rule.id,
    rule.category,
    rule.polarity === "risk" ? rule.severity : "protection",
    rule.title,
    origin(rulebook.files.get(rule.id)) + (rule.overrides ? `, replaces ${rule.overrides}` : ""),
  ]);
  const elements = rulebook.elements.map(({ element }) => [
    element.id,
    element.checklist,
    element.severity,
    element.title,
    origin(rulebook.files.get(element.id)),
  ]);
  const kinds = rulebook.kinds.map((k) => [k.definition.id, k.definition.title, origin(k.file)]);
  return (
    [
      `Rules (${rules.length})`,
      ...table([["id", "category", "severity", "title", "from"], ...rules]),
      "",
      `Checklist elements (${elements.length}): reported when a form of their kinds leaves them out`,
      ...table([["id", "checklist", "severity", "title", "from"], ...elements]),
      "",
      `Kinds of form (${kinds.length}): they decide which checklist elements apply`,
      ...table([["id", "title", "from"], ...kinds]),
    ].join("\n") + "\n"
  );
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
    return `${c.red("✗")} ${c.bold(f.ruleId)} ${display(rulebook.files.get(f.ruleId) ?? "")}\n    expected ${expected}, got ${got}\n    “${f.sentence}”`;
  });
  const summary = `${rulebook.rules.length} rules, ${results.length} examples: ${results.length - failures.length} passed, ${failures.length} failed`;
  lines.push(failures.length ? c.red(summary) : c.green(summary));
  return { output: lines.join("\n") + "\n", passed: failures.length === 0 };
}

/** `explain <id>`: what a rule, a checklist element or a kind of form looks for, and why. */
export function explain(rulebook: Rulebook, id: string): string {
  const rule = allRules(rulebook).find((r) => r.id === id);
  if (rule) return explainRule(rulebook, rule);
  const element = rulebook.elements.find((e) => e.element.id === id)?.element;
  if (element) return explainElement(rulebook, element);
  const kind = rulebook.kinds.find((k) => k.definition.id === id);
  if (kind) return explainKind(rulebook, kind);
  const ids = [
    ...allRules(rulebook).map((r) => r.id),
    ...rulebook.elements.map((e) => e.element.id),
    ...rulebook.kinds.map((k) => k.definition.id),
  ];
  throw new UserError(`no rule, checklist element or kind of form "${id}"${didYouMean(id, ids)} (see consent-lens rules list)`);
}

// Sections of an explanation; a section that does not apply is false.
const lines = (...parts: (string[] | false)[]) => parts.flatMap((p) => p || []).join("\n") + "\n";
const fromLine = (file: string | undefined) => `from: ${origin(file)}${file && isBundled(file) ? ` (${display(file)})` : ""}`;

function explainRule(rulebook: Rulebook, rule: Rule): string {
  const finding = rulebook.model?.findings.find((f) => f.head.id === rule.id);
  const classifier = finding && classifierOf(rulebook.model!.weights, finding.head.category);
  return lines(
    [
      `${rule.id}: ${rule.title}`,
      `rule, category ${rule.category} (${categoryTitles[rule.category]}), ${rule.polarity}, severity ${rule.severity}`,
      fromLine(rulebook.files.get(rule.id)) + (rule.overrides ? `, replacing the rule ${rule.overrides}` : ""),
      "",
      rule.explanation,
    ],
    rule.questions.length > 0 && ["", "Questions to ask:", ...rule.questions.map((q) => `  - ${q}`)],
    rule.citation !== undefined && ["", `Source: ${rule.citation}`],
    [
      "",
      "Looks for:",
      ...(classifier ? modelLooksFor(classifier, rulebook.model!.threshold) : rule.patterns.map((p) => `  - ${describePattern(p)}`)),
    ],
    rule.requires.length > 0 && [`  and the sentence also mentions: ${rule.requires.join("; ")}`],
    rule.excludes.length > 0 && [`  but not when it mentions: ${rule.excludes.join("; ")}`],
    rule.leadIn.length > 0 && [`  only in a list introduced by: ${rule.leadIn.join("; ")}`],
    [
      "",
      "Examples:",
      ...rule.examples.risk.map((s) => `  risk:       ${exampleText(s)}`),
      ...rule.examples.protection.map((s) => `  protection: ${exampleText(s)}`),
      ...rule.examples.none.map((s) => `  not this:   ${s}`),
    ],
  );
}

function explainElement(rulebook: Rulebook, element: Element): string {
  const kinds = element.appliesTo.map((k) => (k === "any" ? "every form" : k)).join(", ");
  return lines(
    [
      `${element.id}: ${element.title}`,
      `checklist element (${element.checklist}), severity ${element.severity}${element.category ? `, category ${element.category}` : ""}`,
      `applies to: ${kinds}`,
      fromLine(rulebook.files.get(element.id)),
      "",
      element.explanation,
      "",
      "Question to ask when the form is silent:",
      `  - ${element.question}`,
    ],
    element.citation !== undefined && ["", `Source: ${element.citation}`],
    ["", "The form says it when it has:"],
    element.patterns.map((p) => `  - a sentence with: ${describePattern(p)}`),
    element.requires.length > 0 && [`    and also: ${element.requires.join("; ")}`],
    element.excludes.length > 0 && [`    but not: ${element.excludes.join("; ")}`],
    element.categories.length > 0 && [`  - or any finding (risk or protection) of: ${element.categories.join(", ")}`],
    [
      "",
      "Examples:",
      ...element.examples.present.map((s) => `  says it:    ${exampleText(s)}`),
      ...element.examples.absent.map((s) => `  does not:   ${s}`),
    ],
  );
}

function explainKind(rulebook: Rulebook, { definition: kind, file }: CompiledFormKind): string {
  const elements = rulebook.elements.filter(({ element }) => element.appliesTo.includes(kind.id)).map(({ element }) => element.id);
  return lines(
    [
      `${kind.id}: ${kind.title}`,
      "kind of form (--kind takes it to skip detection)",
      fromLine(file),
      "",
      `A form is of this kind when it has at least ${kind.minSignals} of these signals:`,
      ...kind.signals.map((p) => `  - ${describePattern(p)}`),
    ],
    kind.requires.length > 0 && ["and all of these somewhere:", ...kind.requires.map((p) => `  - ${describePattern(p)}`)],
    ["", `Checklist elements it brings (besides those of every form): ${elements.join(", ") || "none"}`],
  );
}

const exampleText = (example: Example) => (typeof example === "string" ? example : example.sentence);

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
