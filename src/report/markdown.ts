import { severities } from "../types.js";
import { excerpt } from "./excerpt.js";
import { categoryTitles } from "./labels.js";
import type { Formatter } from "./format.js";
import { summaryHeader, summaryRows } from "./summary.js";
import type { ReportView, Unreadable } from "./view.js";

// Markdown is shared on GitHub and in issues: escape what would turn form text into markup.
export const escapeMarkdown = (s: string) => s.replace(/([\\`*_[\]<>|#])/g, "\\$1").replace(/\s+/g, " ");
const quoteLimit = 320;

/** The Markdown formatter: summary, table by category, findings with quotes and pages, missing elements, questions. */
export const formatMarkdown: Formatter = (views, options) => {
  const parts = views.map((v) => (options.questionsOnly ? `## ${escapeMarkdown(v.path)}\n\n${questionList(v)}` : fileSection(v)));
  if (views.length + options.unreadable.length > 1 && !options.questionsOnly) parts.unshift(summaryTable(views, options.unreadable));
  return `# consent-lens report\n\n${parts.join("\n\n")}\n`;
};

function summaryTable(views: ReportView[], unreadable: Unreadable[]): string {
  const row = (cells: string[]) => `| ${cells.map(escapeMarkdown).join(" | ")} |`;
  return [
    "## Summary",
    "",
    row(summaryHeader),
    `|${" --- |".repeat(summaryHeader.length)}`,
    ...summaryRows(views).map(row),
    ...unreadable.map((e) => `\n- ${escapeMarkdown(e.path)}: could not be read (${escapeMarkdown(e.error)})`),
  ].join("\n");
}

function fileSection(view: ReportView): string {
  const { report } = view;
  const { readability: r, score } = report;
  const out: string[] = [`## ${escapeMarkdown(view.path)}`, ""];
  out.push(
    `**Grade ${score.grade}** (${score.score}/100) · ${view.risks.length} risks · ${view.protections.length} protections · ${view.missing.length} missing elements`,
    "",
    `- Kind of form: ${report.kinds.map((k) => k.title).join("; ") || "not recognised"}`,
    `- ${view.pages} page(s), ${report.text.words} words; reading level grade ${r.grade} (IRBs ask for ${r.target}), reading ease ${r.ease}`,
  );
  for (const note of report.text.document.notes) out.push(`- Note: ${escapeMarkdown(note)}`);
  out.push(...risks(view), ...missing(view), ...protections(view));
  out.push("", "### Grade arithmetic", "", "| points | for |", "| ---: | --- |");
  for (const line of score.breakdown)
    out.push(`| ${line.points > 0 && line.label !== "start" ? "+" : ""}${line.points} | ${escapeMarkdown(line.label)} |`);
  out.push("", questionList(view));
  return out.join("\n");
}

function risks(view: ReportView): string[] {
  if (!view.riskGroups.length) return [];
  const out = ["", "### Risks by category", "", "| category | high | medium | low | info |", "| --- | --- | --- | --- | --- |"];
  for (const g of view.riskGroups)
    out.push(`| ${g.title} | ${severities.map((s) => g.findings.filter((f) => f.finding.severity === s).length).join(" | ")} |`);
  out.push("", "### Findings");
  for (const { finding: f, rule, placeInWords } of view.risks) {
    const e = excerpt(view.report.text, f, quoteLimit);
    out.push(
      "",
      `- **${f.severity.toUpperCase()}** ${escapeMarkdown(rule.title)} (${placeInWords}, \`${f.ruleId}\`)`,
      `  > ${escapeMarkdown(e.before)}**${escapeMarkdown(e.match)}**${escapeMarkdown(e.after)}`,
      "",
      `  ${escapeMarkdown(rule.explanation)}${rule.citation ? ` (${escapeMarkdown(rule.citation)})` : ""}`,
    );
  }
  return out;
}

function missing(view: ReportView): string[] {
  if (!view.missing.length) return [];
  return [
    "",
    "### What the form does not say",
    "",
    ...view.missing.map(
      (e) =>
        `- **${escapeMarkdown(e.title)}** (\`${e.id}\`${e.citation ? `, ${escapeMarkdown(e.citation)}` : ""}): ${escapeMarkdown(e.explanation)}`,
    ),
  ];
}

function protections(view: ReportView): string[] {
  if (!view.protections.length) return [];
  return [
    "",
    "### Protections",
    "",
    ...view.protections.map(({ finding: f, placeInWords }) => {
      const e = excerpt(view.report.text, f, 160);
      return `- ${categoryTitles[f.category]} (${placeInWords}): ${escapeMarkdown(e.before)}**${escapeMarkdown(e.match)}**${escapeMarkdown(e.after)}`;
    }),
  ];
}

function questionList(view: ReportView): string {
  const { questions } = view.report;
  if (!questions.length) return "### Questions to ask before you sign\n\nNone raised.";
  return [
    "### Questions to ask before you sign",
    "",
    ...questions.map(
      (q, i) =>
        `${i + 1}. ${escapeMarkdown(q.text)} ${q.pages.length ? `(page${q.pages.length > 1 ? "s" : ""} ${q.pages.join(", ")})` : "(the form is silent)"}`,
    ),
  ].join("\n");
}
