import { severities, type Finding, type Report } from "../types.js";
import { categoryTitles } from "./labels.js";
import { excerpt } from "./excerpt.js";
import { summaryHeader, summaryRows } from "./summary.js";

// Markdown is shared on GitHub and in issues: escape what would turn form text into markup.
export const escapeMarkdown = (s: string) => s.replace(/([\\`*_[\]<>|#])/g, "\\$1").replace(/\s+/g, " ");
const quoteLimit = 320;

/** The Markdown formatter: summary, table by category, findings with quotes and pages, missing elements, questions. */
export function formatMarkdown(
  reports: Report[],
  options: { questionsOnly?: boolean; errors?: { path: string; error: string }[] } = {},
): string {
  const parts = reports.map((r) => (options.questionsOnly ? `## ${escapeMarkdown(r.text.document.path)}\n\n${questionList(r)}` : fileSection(r)));
  const errors = options.errors ?? [];
  if (reports.length + errors.length > 1 && !options.questionsOnly) parts.unshift(summaryTable(reports, errors));
  return `# consent-lens report\n\n${parts.join("\n\n")}\n`;
}

function summaryTable(reports: Report[], errors: { path: string; error: string }[]): string {
  const row = (cells: string[]) => `| ${cells.map(escapeMarkdown).join(" | ")} |`;
  return [
    "## Summary",
    "",
    row(summaryHeader),
    `|${" --- |".repeat(summaryHeader.length)}`,
    ...summaryRows(reports).map(row),
    ...errors.map((e) => `\n- ${escapeMarkdown(e.path)}: could not be read (${escapeMarkdown(e.error)})`),
  ].join("\n");
}

function where(report: Report, f: Finding) {
  return report.text.document.format === "pdf" ? `page ${f.position.page}, line ${f.position.line}` : `line ${f.position.line}`;
}

function fileSection(report: Report): string {
  const { text, findings, rules, readability: r, score } = report;
  const risks = findings.filter((f) => f.polarity === "risk");
  const protections = findings.filter((f) => f.polarity === "protection");
  const out: string[] = [`## ${escapeMarkdown(text.document.path)}`, ""];
  out.push(
    `**Grade ${score.grade}** (${score.score}/100) · ${risks.length} risks · ${protections.length} protections · ${report.missing.length} missing elements`,
    "",
    `- Kind of form: ${report.kinds.map((k) => k.title).join("; ") || "not recognised"}`,
    `- ${text.document.pageStarts.length} page(s), ${text.words} words; reading level grade ${r.grade} (IRBs ask for ${r.target}), reading ease ${r.ease}`,
  );
  for (const note of text.document.notes) out.push(`- Note: ${escapeMarkdown(note)}`);

  const categories = [...new Set(risks.map((f) => f.category))];
  if (categories.length) {
    out.push("", "### Risks by category", "", "| category | high | medium | low | info |", "| --- | --- | --- | --- | --- |");
    for (const c of categories)
      out.push(`| ${categoryTitles[c] ?? c} | ${severities.map((s) => risks.filter((f) => f.category === c && f.severity === s).length).join(" | ")} |`);
    out.push("", "### Findings");
    for (const f of [...risks].sort((a, b) => severities.indexOf(a.severity) - severities.indexOf(b.severity) || a.span.start - b.span.start)) {
      const rule = rules.get(f.ruleId)!;
      const e = excerpt(text, f, quoteLimit);
      out.push(
        "",
        `- **${f.severity.toUpperCase()}** ${escapeMarkdown(rule.title)} (${where(report, f)}, \`${f.ruleId}\`)`,
        `  > ${escapeMarkdown(e.before)}**${escapeMarkdown(e.match)}**${escapeMarkdown(e.after)}`,
        "",
        `  ${escapeMarkdown(rule.explanation)}${rule.citation ? ` (${escapeMarkdown(rule.citation)})` : ""}`,
      );
    }
  }
  if (report.missing.length) {
    out.push("", "### What the form does not say", "");
    for (const { element } of report.missing)
      out.push(`- **${escapeMarkdown(element.title)}** (\`${element.id}\`${element.citation ? `, ${escapeMarkdown(element.citation)}` : ""}): ${escapeMarkdown(element.explanation)}`);
  }
  if (protections.length) {
    out.push("", "### Protections", "");
    for (const f of protections) {
      const e = excerpt(text, f, 160);
      out.push(`- ${categoryTitles[f.category] ?? f.category} (${where(report, f)}): ${escapeMarkdown(e.before)}**${escapeMarkdown(e.match)}**${escapeMarkdown(e.after)}`);
    }
  }
  out.push("", "### Grade arithmetic", "", "| points | for |", "| ---: | --- |");
  for (const line of score.breakdown) out.push(`| ${line.points > 0 && line.label !== "start" ? "+" : ""}${line.points} | ${escapeMarkdown(line.label)} |`);
  out.push("", questionList(report));
  return out.join("\n");
}

function questionList(report: Report): string {
  if (!report.questions.length) return "### Questions to ask before you sign\n\nNone raised.";
  return [
    "### Questions to ask before you sign",
    "",
    ...report.questions.map(
      (q, i) => `${i + 1}. ${escapeMarkdown(q.text)} ${q.pages.length ? `(page${q.pages.length > 1 ? "s" : ""} ${q.pages.join(", ")})` : "(the form is silent)"}`,
    ),
  ].join("\n");
}
