import { severities, type ReportLanguage } from "../types.js";
import { excerpt, excerptOf } from "./excerpt.js";
import { keyPointText } from "./key-points.js";
import { formatterOf, type Formatter, type FormatOptions, type FormatStream } from "./format.js";
import { sentenceCase } from "./messages/messages.js";
import { acceptedItem } from "./accepted.js";
import { shortId } from "./fingerprint.js";
import { findingSource, identifierNotice, languageNotice, ruleChangeLines } from "./notices.js";
import { summaryRow } from "./summary.js";
import { messagesIn, type Messages } from "./messages/index.js";
import { en } from "./messages/en.js";
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
export const markdownStream: FormatStream<{ text: string; row: string[]; language: ReportLanguage }> = {
  part: (v, _index, options) => ({
    text: options.questionsOnly
      ? [`## ${escapeMarkdown(printable(v.path))}`, "", ...notices(v), questionList(v, options.details)].join("\n")
      : fileSection(v, options),
    row: summaryRow(v),
    language: v.language,
  }),
  // The summary opens the document: the forms' texts wait for it.
  open: (options) => {
    const parts: { text: string; row: string[]; language: ReportLanguage }[] = [];
    return {
      add: (part) => (parts.push(part), ""),
      end: (unreadable) => {
        // The document's own words are in the forms' language when they share one, else in English.
        const languages = new Set(parts.map((p) => p.language));
        const m = languages.size === 1 ? messagesIn[[...languages][0]!] : en;
        const texts = parts.map((p) => p.text);
        if (parts.length + unreadable.length > 1 && !options.questionsOnly)
          texts.unshift(
            summaryTable(
              parts.map((p) => p.row),
              unreadable,
              m,
            ),
          );
        const rules = ruleChangeLines(options.changes);
        if (rules.length)
          texts.unshift(["## Rules used", "", "The bundled pack, changed:", "", ...rules.map((l) => `- ${escapeMarkdown(l)}`)].join("\n"));
        return `# ${m.markdown.title}\n\n${texts.join("\n\n")}\n`;
      },
    };
  },
};

export const formatMarkdown: Formatter = formatterOf(markdownStream);

// Parts of the form no rule read, and identifiers masked, as quoted notes under the file's heading.
function notices(view: ReportView): string[] {
  return [languageNotice(view.report, view.messages), identifierNotice(view.report, view.messages)].flatMap((n) =>
    n ? [`> ${escapeMarkdown(n)}`, ""] : [],
  );
}

function summaryTable(rows: string[][], unreadable: Unreadable[], m: Messages): string {
  const row = (cells: string[]) => `| ${cells.map(escapeMarkdown).join(" | ")} |`;
  return [
    `## ${m.summary}`,
    "",
    row(m.summaryHeader),
    `|${" --- |".repeat(m.summaryHeader.length)}`,
    ...rows.map(row),
    ...unreadable.map((e) => `\n- ${escapeMarkdown(printable(e.path))}: could not be read (${escapeMarkdown(printable(e.error))})`),
  ].join("\n");
}

function fileSection(view: ReportView, { details, baseline }: FormatOptions): string {
  const { report, messages: m } = view;
  const { readability: r } = report;
  const out: string[] = [`## ${escapeMarkdown(printable(view.path))}`, "", ...notices(view)];
  out.push(
    `**${escapeMarkdown(m.markdown.gradeLine(view.gradeLabel))}**` +
      (report.coverage.checked
        ? ` · ${m.risks(view.risks.length)} · ${m.protections(view.protections.length)} · ${m.missingElements(view.missing.length)}`
        : ""),
    "",
    `- ${m.kindOfForm}: ${view.kinds.map((k) => k.title).join("; ") || m.notRecognised}`,
    `- ${
      r.measure === "fernandez-huerta"
        ? m.markdown.factsByEase(view.pages, report.text.words, r.ease, r.target)
        : m.markdown.facts(view.pages, report.text.words, r.grade, r.target, r.ease)
    }`,
  );
  for (const note of report.text.document.notes) out.push(`- ${m.note}: ${escapeMarkdown(printable(note))}`);
  if (baseline) out.push(`- ${escapeMarkdown(m.baselineLine(baseline, view.accepted.length))}`);
  out.push(...keyPoints(view), ...risks(view, details), ...missing(view, details), ...protections(view), ...accepted(view));
  if (details) {
    out.push("", `### ${m.gradeArithmetic}`, "", `| ${m.html.points.toLowerCase()} | ${m.html.for.toLowerCase()} |`, "| ---: | --- |");
    for (const line of view.breakdown)
      out.push(`| ${line.points > 0 && line.term.kind !== "start" ? "+" : ""}${line.points} | ${escapeMarkdown(line.label)} |`);
  }
  out.push("", questionList(view, details));
  return out.join("\n");
}

function keyPoints(view: ReportView): string[] {
  const points = view.report.keyPoints;
  if (!points.length) return [];
  return [
    "",
    `### ${view.messages.keyPoints}`,
    "",
    ...points.map((p) => {
      const pages = p.kind === "silent" ? "" : view.messages.pages(p.pages);
      return `- ${escapeMarkdown(keyPointText(view, p))}${pages ? ` (${pages})` : ""}`;
    }),
  ];
}

function risks(view: ReportView, details: boolean): string[] {
  if (!view.riskGroups.length) return [];
  const m = view.messages;
  const out = ["", `### ${m.markdown.risksByTopic}`, "", m.markdown.topicTableHeader, "| --- | --- | --- | --- | --- | --- |"];
  for (const g of view.riskGroups)
    out.push(
      `| ${g.title} | ${severities.map((s) => g.findings.filter((f) => f.finding.severity === s).length).join(" | ")} | ${g.pages.join(", ")} |`,
    );
  if (!details) {
    out.push("");
    for (const g of view.riskGroups) {
      const top = g.findings[0]!;
      const packs = [...new Set(g.findings.flatMap((f) => f.finding.pack ?? []))].map((p) =>
        m.markdown.withPackFindings(escapeMarkdown(p)),
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
  const m = view.messages;
  const out = ["", `#### ${group.title}`];
  for (const { rule, severity, sentences } of group.rules) {
    const pack = sentences[0]?.first.finding.pack;
    out.push(
      "",
      `- **${m.severity[severity]}** ${escapeMarkdown(rule.title)} (\`${rule.id}\`${pack === undefined ? "" : `, ${m.fromPack(escapeMarkdown(pack))}`}): ${escapeMarkdown(rule.explanation)}${rule.citation ? ` (${escapeMarkdown(rule.citation)})` : ""}`,
    );
    for (const { first, places, quoted, alsoIn } of sentences) {
      const also = alsoIn.length ? ` ${m.alsoIn(alsoIn.map((c) => m.categoryTitles[c]))}` : "";
      if (!quoted) {
        out.push(`  - ${places.join(", ")}: ${m.quotedAbove}${also}`);
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
    `### ${view.messages.missing}`,
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
    `### ${view.messages.protectionsHeading}`,
    "",
    ...view.protections.map(({ finding: f, placeInWords }) => {
      const e = excerpt(view.report.text, f, 160);
      const source = findingSource(f);
      return `- ${f.disputes ? `**${view.messages.markdown.disputed}** ` : ""}${view.messages.categoryTitles[f.category]} (${placeInWords}): ${escapeMarkdown(e.before)}**${escapeMarkdown(e.match)}**${escapeMarkdown(e.after)}${source ? ` (${escapeMarkdown(source)})` : ""}`;
    }),
  ];
}

function accepted(view: ReportView): string[] {
  if (!view.accepted.length) return [];
  return [
    "",
    `### ${view.messages.acceptedFindings}`,
    "",
    `${sentenceCase(view.messages.notCountedFor("`--fail-on`"))}.`,
    "",
    ...view.accepted.map((a) => {
      const { severity, title, place, id } = acceptedItem(a, view.messages);
      return `- **${view.messages.severity[severity]}** ${escapeMarkdown(title)} (${place ? `${place}, ` : ""}id \`${id}\`): ${escapeMarkdown(view.messages.acceptance(a.accepted))}`;
    }),
  ];
}

function questionList(view: ReportView, all: boolean): string {
  const { questions, messages: m } = view;
  const heading = `### ${m.questions}`;
  if (!view.report.coverage.checked) return `${heading}\n\n${m.markdown.noneUnchecked}`;
  if (!questions.length) return `${heading}\n\n${m.markdown.noneRaised}`;
  const shown = all ? questions : questions.slice(0, shortQuestions);
  return [
    heading,
    "",
    ...shown.flatMap((q, i) => [
      `${i + 1}. ${escapeMarkdown(q.text)} ${q.pages.length ? `(${m.pages(q.pages)})` : m.formIsSilent}`,
      ...(all ? q.related.map((r) => `   - ${m.also} ${escapeMarkdown(r)}`) : []),
    ]),
    ...(shown.length < questions.length ? ["", m.markdown.moreQuestions(questions.length - shown.length)] : []),
  ].join("\n");
}
