import { Chalk } from "chalk";
import type { Finding, Report, ReportLanguage } from "../types.js";
import type { ReportDiff } from "../assess/diff.js";
import type { Element } from "../rules/schema.js";
import { messagesIn, type Messages } from "./messages/index.js";
import { sentenceCase } from "./messages/messages.js";
import { excerpt } from "./excerpt.js";
import { phraseFindingJson } from "./json.js";
import { escapeMarkdown } from "./markdown.js";
import { printable } from "../text/printable.js";
import { findingView, gradeLabelIn, inLanguage, placeOf } from "./view.js";
import { fingerprintsOf } from "./fingerprint.js";
import { wrapText } from "./wrap.js";

/** The diff formatters: terminal, Markdown and JSON views of what changed between two versions of a form; terminal and Markdown in the report's language. */
const quoteLimit = 200;

interface Line {
  sign: "+" | "-";
  report: Report;
  finding: Finding;
}

const changes = (d: ReportDiff): Line[] => [
  ...d.added.map((finding) => ({ sign: "+" as const, report: d.after, finding })),
  ...d.removed.map((finding) => ({ sign: "-" as const, report: d.before, finding })),
];

const describe = ({ report, finding: f }: Line, m: Messages) =>
  `${m.diff.polarity[f.polarity]} ${f.severity === "info" || f.polarity === "protection" ? "" : `(${m.diff.severity[f.severity]}) `}${m.categoryTitles[f.category]}, ${placeOf(report, f.position, m).placeInWords}`;

const quoted = ({ report, finding }: Line) => {
  const e = excerpt(report.text, finding, quoteLimit);
  return `${e.before}${e.match}${e.after}`;
};

const grades = (d: ReportDiff, m: Messages) => m.diff.grade(gradeLabelIn(d.before.score, m), gradeLabelIn(d.after.score, m));
const counts = (d: ReportDiff, m: Messages) => m.diff.counts(d.added.length, d.removed.length, d.unchanged.length);
const titled = (language: ReportLanguage) => (e: Element) => inLanguage(language, e);

export function formatDiffTerminal(d: ReportDiff, options: { color: boolean; width: number; language: ReportLanguage }): string {
  const m = messagesIn[options.language];
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.max(40, Math.min(options.width, 100));
  const wrap = (s: string, indent: number) =>
    wrapText(s, width - indent)
      .split("\n")
      .map((l) => " ".repeat(indent) + l)
      .join("\n");
  const out = [c.bold(`${printable(d.before.text.document.path)} → ${printable(d.after.text.document.path)}`), grades(d, m)];
  out.push(counts(d, m));
  for (const line of changes(d)) {
    const color = line.sign === "+" ? c.green : c.red;
    out.push("", color(`${line.sign} ${describe(line, m)} [${line.finding.ruleId}]`), wrap(`“${quoted(line)}”`, 4));
  }
  if (d.missingGained.length || d.missingFilled.length) out.push("");
  for (const e of d.missingGained.map(titled(options.language))) out.push(c.red(`+ ${m.diff.noLongerSays}: ${e.title} [${e.id}]`));
  for (const e of d.missingFilled.map(titled(options.language))) out.push(c.green(`- ${m.diff.nowSays}: ${e.title} [${e.id}]`));
  return out.join("\n") + "\n";
}

export function formatDiffMarkdown(d: ReportDiff, language: ReportLanguage): string {
  const m = messagesIn[language];
  const out = [
    `# ${m.diff.title}: ${escapeMarkdown(printable(d.before.text.document.path))} → ${escapeMarkdown(printable(d.after.text.document.path))}`,
    "",
    `${grades(d, m)} · ${counts(d, m)}`,
  ];
  const section = (title: string, lines: Line[]) => {
    if (!lines.length) return;
    out.push("", `## ${title}`, "");
    for (const l of lines) out.push(`- **${describe(l, m)}** (\`${l.finding.ruleId}\`)`, `  > ${escapeMarkdown(quoted(l))}`);
  };
  section(
    m.diff.added,
    changes(d).filter((l) => l.sign === "+"),
  );
  section(
    m.diff.removed,
    changes(d).filter((l) => l.sign === "-"),
  );
  if (d.missingGained.length || d.missingFilled.length) {
    out.push("", `## ${m.diff.requiredElements}`, "");
    for (const e of d.missingGained.map(titled(language)))
      out.push(`- ${sentenceCase(m.diff.noLongerSays)}: ${escapeMarkdown(e.title)} (\`${e.id}\`)`);
    for (const e of d.missingFilled.map(titled(language)))
      out.push(`- ${sentenceCase(m.diff.nowSays)}: ${escapeMarkdown(e.title)} (\`${e.id}\`)`);
  }
  return out.join("\n") + "\n";
}

export function diffJson(d: ReportDiff, version: string) {
  const side = (r: Report) => ({ path: r.text.document.path, grade: r.score.grade ?? null, score: r.score.score });
  const [before, after] = [fingerprintsOf(d.before), fingerprintsOf(d.after)];
  return {
    tool: "consent-lens",
    version,
    before: side(d.before),
    after: side(d.after),
    added: d.added.map((f) => phraseFindingJson(d.after, findingView(d.after, f, after.get(f)!))),
    removed: d.removed.map((f) => phraseFindingJson(d.before, findingView(d.before, f, before.get(f)!))),
    unchanged: d.unchanged.map(([a, b]) => ({
      ruleId: b.ruleId,
      category: b.category,
      polarity: b.polarity,
      before: a.position,
      after: b.position,
    })),
    missing: { gained: d.missingGained.map((e) => e.id), filled: d.missingFilled.map((e) => e.id) },
  };
}
