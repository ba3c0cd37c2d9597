import { severities } from "../types.js";
import { excerpt, excerptOf } from "./excerpt.js";
import { categoryTitles, gradeLabel } from "./labels.js";
import { keyPointText, pagesText } from "./key-points.js";
import { formatterOf, type Formatter, type FormatOptions, type FormatStream } from "./format.js";
import { acceptanceText, acceptedItem, baselineText } from "./baseline.js";
import { shortId } from "./fingerprint.js";
import { findingSource, identifierNotice, languageNotice, ruleChangeLines } from "./notices.js";
import { summaryHeader, summaryRow } from "./summary.js";
import { printable } from "../text/printable.js";
import type { ReportView, RiskGroup, Unreadable } from "./view.js";

// Markdown is shared on GitHub and in issues: escape what would turn form text into markup.
export const escapeMarkdown = (s: string) => s.replace(/([\\`*_[\]<>|#])/g, "\\$1").replace(/\s+/g, " ");
const quoteLimit = 320;
const shortQuote = 150;
const shortQuestions = 10;

/**
 * The Markdown formatter: key points, risks by topic, what the form does not say,
 * protections and questions; with `details`, each rule's explanation with its
 * sentences, the grade arithmetic and every question.
 */
export const markdownStream: FormatStream<{ text: string; row: string[] }> = {
  part: (v, _index, options) => ({
    text: options.questionsOnly
      ? [`## ${escapeMarkdown(printable(v.path))}`, "", ...notices(v), questionList(v, options.details)].join("\n")
      : fileSection(v, options),
    row: summaryRow(v),
  }),
  // The summary opens the document: the forms' texts wait for it.
  open: (options) => {
    const parts: { text: string; row: string[] }[] = [];
    return {
      add: (part) => (parts.push(part), ""),
      end: (unreadable) => {
        const texts = parts.map((p) => p.text);
        if (parts.length + unreadable.length > 1 && !options.questionsOnly)
          texts.unshift(
            summaryTable(
              parts.map((p) => p.row),
              unreadable,
            ),
          );
        const rules = ruleChangeLines(options.changes);
        if (rules.length)
          texts.unshift(["## Rules used", "", "The bundled pack, changed:", "", ...rules.map((l) => `- ${escapeMarkdown(l)}`)].join("\n"));
        return `# consent-lens report\n\n${texts.join("\n\n")}\n`;
      },
    };
  },
};

export const formatMarkdown: Formatter = formatterOf(markdownStream);

// Parts of the form no rule read, and identifiers masked, as quoted notes under the file's heading.
function notices(view: ReportView): string[] {
  return [languageNotice(view.report), identifierNotice(view.report)].flatMap((n) => (n ? [`> ${escapeMarkdown(n)}`, ""] : []));
}

function summaryTable(rows: string[][], unreadable: Unreadable[]): string {
  const row = (cells: string[]) => `| ${cells.map(escapeMarkdown).join(" | ")} |`;
  return [
    "## Summary",
    "",
    row(summaryHeader),
    `|${" --- |".repeat(summaryHeader.length)}`,
    ...rows.map(row),
    ...unreadable.map((e) => `\n- ${escapeMarkdown(printable(e.path))}: could not be read (${escapeMarkdown(printable(e.error))})`),
  ].join("\n");
}

function fileSection(view: ReportView, { details, baseline }: FormatOptions): string {
  const { report } = view;
  const { readability: r } = report;
  const out: string[] = [`## ${escapeMarkdown(printable(view.path))}`, "", ...notices(view)];
  out.push(
    `**Grade ${escapeMarkdown(gradeLabel(report.score))}**` +
      (report.coverage.checked
        ? ` · ${view.risks.length} risks · ${view.protections.length} protections · ${view.missing.length} missing elements`
        : ""),
    "",
    `- Kind of form: ${report.kinds.map((k) => k.title).join("; ") || "not recognised"}`,
    `- ${view.pages} page(s), ${report.text.words} words; reading level grade ${r.grade} (IRBs ask for ${r.target}), reading ease ${r.ease}`,
  );
  for (const note of report.text.document.notes) out.push(`- Note: ${escapeMarkdown(printable(note))}`);
  if (baseline) out.push(`- ${escapeMarkdown(baselineText(baseline, view.accepted.length))}`);
  out.push(...keyPoints(view), ...risks(view, details), ...missing(view, details), ...protections(view), ...accepted(view));
  if (details) {
    out.push("", "### Grade arithmetic", "", "| points | for |", "| ---: | --- |");
    for (const line of report.score.breakdown)
      out.push(`| ${line.points > 0 && line.label !== "start" ? "+" : ""}${line.points} | ${escapeMarkdown(line.label)} |`);
  }
  out.push("", questionList(view, details));
  return out.join("\n");
}

function keyPoints(view: ReportView): string[] {
  const points = view.report.keyPoints;
  if (!points.length) return [];
  return [
    "",
    "### What matters most",
    "",
    ...points.map((p) => {
      const pages = p.kind === "silent" ? "" : pagesText(p.pages);
      return `- ${escapeMarkdown(keyPointText(view.report, p))}${pages ? ` (${pages})` : ""}`;
    }),
  ];
}

function risks(view: ReportView, details: boolean): string[] {
  if (!view.riskGroups.length) return [];
  const out = ["", "### Risks by topic", "", "| topic | high | medium | low | info | pages |", "| --- | --- | --- | --- | --- | --- |"];
  for (const g of view.riskGroups)
    out.push(
      `| ${g.title} | ${severities.map((s) => g.findings.filter((f) => f.finding.severity === s).length).join(" | ")} | ${g.pages.join(", ")} |`,
    );
  if (!details) {
    out.push("");
    for (const g of view.riskGroups) {
      const top = g.findings[0]!;
      const packs = [...new Set(g.findings.flatMap((f) => f.finding.pack ?? []))].map(
        (p) => ` (with findings from rule pack ${escapeMarkdown(p)})`,
      );
      out.push(
        `- **${g.title}** (${top.placeInWords}): ${escapeMarkdown(excerptOf(view.report.text, top.finding.sentence, shortQuote))}${packs.join("")}`,
      );
    }
    return out;
  }
  for (const g of view.riskGroups) out.push(...detailedGroup(view, g));
  return out;
}

function detailedGroup(view: ReportView, group: RiskGroup): string[] {
  const out = ["", `#### ${group.title}`];
  for (const { rule, severity, sentences } of group.rules) {
    const pack = sentences[0]?.first.finding.pack;
    out.push(
      "",
      `- **${severity.toUpperCase()}** ${escapeMarkdown(rule.title)} (\`${rule.id}\`${pack === undefined ? "" : `, from rule pack ${escapeMarkdown(pack)}`}): ${escapeMarkdown(rule.explanation)}${rule.citation ? ` (${escapeMarkdown(rule.citation)})` : ""}`,
    );
    for (const { first, places, quoted, alsoIn } of sentences) {
      const also = alsoIn.length ? ` (also: ${alsoIn.map((c) => categoryTitles[c]).join(", ")})` : "";
      if (!quoted) {
        out.push(`  - ${places.join(", ")}: the sentence quoted above${also}`);
        continue;
      }
      const e = excerpt(view.report.text, first.finding, quoteLimit);
      out.push(
        `  - ${places.join(", ")}${also} · id \`${shortId(first.fingerprint)}\``,
        `    > ${escapeMarkdown(e.before)}**${escapeMarkdown(e.match)}**${escapeMarkdown(e.after)}`,
      );
    }
  }
  return out;
}

function missing(view: ReportView, details: boolean): string[] {
  if (!view.missing.length) return [];
  return [
    "",
    "### What the form does not say",
    "",
    ...view.missing.map((e) =>
      details
        ? `- **${escapeMarkdown(e.title)}** (\`${e.id}\`${e.citation ? `, ${escapeMarkdown(e.citation)}` : ""}): ${escapeMarkdown(e.explanation)}`
        : `- ${escapeMarkdown(e.title)}`,
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
      const source = findingSource(f);
      return `- ${f.disputes ? "**Disputed:** " : ""}${categoryTitles[f.category]} (${placeInWords}): ${escapeMarkdown(e.before)}**${escapeMarkdown(e.match)}**${escapeMarkdown(e.after)}${source ? ` (${escapeMarkdown(source)})` : ""}`;
    }),
  ];
}

function accepted(view: ReportView): string[] {
  if (!view.accepted.length) return [];
  return [
    "",
    "### Accepted findings",
    "",
    "Not counted for `--fail-on`.",
    "",
    ...view.accepted.map((a) => {
      const { severity, title, place, id } = acceptedItem(a);
      return `- **${severity.toUpperCase()}** ${escapeMarkdown(title)} (${place ? `${place}, ` : ""}id \`${id}\`): ${escapeMarkdown(acceptanceText(a.accepted))}`;
    }),
  ];
}

function questionList(view: ReportView, all: boolean): string {
  const { questions, coverage } = view.report;
  if (!coverage.checked) return "### Questions to ask before you sign\n\nNone: the form was not checked.";
  if (!questions.length) return "### Questions to ask before you sign\n\nNone raised.";
  const shown = all ? questions : questions.slice(0, shortQuestions);
  return [
    "### Questions to ask before you sign",
    "",
    ...shown.flatMap((q, i) => [
      `${i + 1}. ${escapeMarkdown(q.text)} ${q.pages.length ? `(${pagesText(q.pages)})` : "(the form is silent)"}`,
      ...(all ? q.related.map((r) => `   - also: ${escapeMarkdown(r)}`) : []),
    ]),
    ...(shown.length < questions.length ? ["", `${questions.length - shown.length} more questions with --details.`] : []),
  ].join("\n");
}
