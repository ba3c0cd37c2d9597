import { Chalk, type ChalkInstance } from "chalk";
import wrapAnsi from "wrap-ansi";
import { severities, type Finding, type Report } from "../types.js";
import { categoryTitles, formatNames } from "./labels.js";
import { excerpt } from "./excerpt.js";
import { summaryHeader, summaryRows } from "./summary.js";

export interface TerminalOptions {
  color: boolean;
  /** Columns to wrap to. */
  width: number;
}

// Long sentences are trimmed around the match: the report quotes no more of the form than it needs.
const quoteLimit = 320;

/** The terminal formatter: findings by category, most severe first, then the questions to ask. */
export function formatTerminal(
  reports: Report[],
  options: TerminalOptions & { questionsOnly?: boolean; errors?: { path: string; error: string }[] },
): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.max(40, Math.min(options.width, 100));
  if (options.questionsOnly)
    return reports.map((report) => `${c.bold(report.text.document.path)}\n${formatQuestions(report, c, width)}\n`).join("\n");
  const body = reports.map((report) => formatReport(report, c, width)).join("\n");
  const errors = options.errors ?? [];
  return reports.length + errors.length > 1 ? `${body}\n${summary(reports, errors, c)}` : body;
}

// The batch overview: one aligned row per form, then the files that could not be read.
function summary(reports: Report[], errors: { path: string; error: string }[], c: ChalkInstance): string {
  const rows = [summaryHeader, ...summaryRows(reports)];
  const widths = summaryHeader.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r, n) => {
    const line = r.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd();
    return n === 0 ? c.bold(line) : line;
  });
  for (const e of errors) lines.push(c.red(`${e.path}  could not be read: ${e.error}`));
  return `${c.bold.underline("Summary")}\n${lines.join("\n")}\n`;
}

const gradeColors = { A: "green", B: "green", C: "yellow", D: "red", E: "red" } as const;
const gradeTag = (c: ChalkInstance, grade: Report["score"]["grade"]) => c.bold[gradeColors[grade]](`Grade ${grade}`);

function formatReport(report: Report, c: ChalkInstance, width: number): string {
  const { text, findings, rules } = report;
  const doc = text.document;
  const out: string[] = [];
  const para = (s: string, indent = 0, firstIndent = indent) =>
    out.push(
      wrapAnsi(s, width - indent, { hard: true })
        .split("\n")
        .map((line, i) => " ".repeat(i === 0 ? firstIndent : indent) + line)
        .join("\n"),
    );
  const where = (f: Finding) => (doc.format === "pdf" ? `p${f.position.page}:${f.position.line}` : `line ${f.position.line}`);
  const severityTag: Record<Finding["severity"], string> = {
    high: c.bold.red("HIGH"),
    medium: c.bold.yellow("MEDIUM"),
    low: c.cyan("LOW"),
    info: c.dim("INFO"),
  };

  const risks = findings.filter((f) => f.polarity === "risk");
  const protections = findings.filter((f) => f.polarity === "protection").sort((a, b) => a.span.start - b.span.start);
  const pages = doc.pageStarts.length;
  out.push(c.bold(doc.path));
  out.push(
    c.dim(`${formatNames[doc.format]}${doc.format === "pdf" ? `, ${pages} page${pages === 1 ? "" : "s"}` : ""}, ${text.words.toLocaleString("en-US")} words`),
  );
  if (report.kinds.length) para(`${c.dim("Kind of form:")} ${report.kinds.map((k) => k.title + (k.given ? " (as given)" : "")).join("; ")}`);
  const counts = severities
    .map((s) => [s, risks.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  const { grade, score } = report.score;
  para(
    `${gradeTag(c, grade)} ${c.dim(`(${score}/100)`)}  ` +
      `${c.bold(String(risks.length))} risk${risks.length === 1 ? "" : "s"}${counts.length ? ` (${counts.join(", ")})` : ""}, ` +
      `${c.bold(String(protections.length))} protection${protections.length === 1 ? "" : "s"}, ` +
      `${c.bold(String(report.missing.length))} missing element${report.missing.length === 1 ? "" : "s"}`,
  );
  const r = report.readability;
  if (r.sentences)
    para(
      `${c.dim("Reading level:")} grade ${r.grade} ${r.grade > r.target ? c.yellow(`(harder than the grade ${r.target} IRBs ask for)`) : c.green(`(within grade ${r.target})`)}, ` +
        `reading ease ${r.ease}, ${r.averageSentenceLength} words per sentence`,
    );
  for (const note of doc.notes) para(c.yellow(`note: ${note}`));

  // Categories in order of their most severe risk, then by how many.
  const byCategory = new Map<string, Finding[]>();
  for (const f of risks) byCategory.set(f.category, [...(byCategory.get(f.category) ?? []), f]);
  const worst = (fs: Finding[]) => Math.min(...fs.map((f) => severities.indexOf(f.severity)));
  const groups = [...byCategory.entries()].sort(([, a], [, b]) => worst(a) - worst(b) || b.length - a.length);
  for (const [category, group] of groups) {
    out.push("");
    out.push(c.bold.underline(categoryTitles[category] ?? category));
    group.sort((a, b) => severities.indexOf(a.severity) - severities.indexOf(b.severity) || a.span.start - b.span.start);
    for (const f of group) {
      const rule = rules.get(f.ruleId)!;
      const e = excerpt(text, f, quoteLimit);
      out.push("");
      para(`${severityTag[f.severity]}  ${c.bold(where(f))}  ${rule.title} ${c.dim(`[${f.ruleId}]`)}`, 2);
      para(`“${e.before}${c.bold.underline(e.match)}${e.after}”`, 4);
      if (f.cue) para(c.dim(`(still a risk: “${f.cue}” leaves the door open)`), 4);
      para(`${c.dim("Why it matters:")} ${rule.explanation.trim()}`, 4);
      for (const q of rule.questions) para(`${c.dim("Ask:")} ${q}`, 4);
    }
  }

  if (report.missing.length) {
    out.push("");
    out.push(c.bold.underline("What the form does not say"));
    for (const { element } of report.missing) {
      out.push("");
      para(`${severityTag[element.severity]}  ${element.title} ${c.dim(`[${element.id}${element.citation ? `, ${element.citation}` : ""}]`)}`, 2);
      para(element.explanation, 4);
      para(`${c.dim("Ask:")} ${element.question}`, 4);
    }
  }

  if (protections.length) {
    out.push("");
    out.push(c.bold.underline("Protections the form promises"));
    for (const f of protections) {
      const e = excerpt(text, f, 160);
      para(`${c.green("✓")} ${c.bold(where(f))} ${categoryTitles[f.category] ?? f.category}: “${e.before}${c.green(e.match)}${e.after}”`, 4, 2);
    }
  }

  out.push("");
  out.push(c.bold.underline(`How the grade was worked out: ${grade} (${score}/100)`));
  for (const line of report.score.breakdown) out.push(`  ${`${line.points > 0 && line.label !== "start" ? "+" : ""}${line.points}`.padStart(4)}  ${line.label}`);

  out.push("");
  out.push(formatQuestions(report, c, width));
  return out.join("\n") + "\n";
}

/** The numbered questions to ask before signing, with the pages they concern. */
export function formatQuestions(report: Report, c: ChalkInstance, width: number): string {
  const { questions } = report;
  if (!questions.length) return c.green("No questions raised. Read the form anyway: the tool only knows the phrasings it has rules for.");
  const digits = String(questions.length).length;
  const lines = [c.bold.underline("Questions to ask before you sign")];
  questions.forEach((q, i) => {
    const where = q.pages.length ? c.dim(` (page${q.pages.length > 1 ? "s" : ""} ${q.pages.join(", ")})`) : c.dim(" (the form is silent)");
    const wrapped = wrapAnsi(`${`${i + 1}.`.padStart(digits + 1)} ${q.text}${where}`, width - 2, { hard: true }).split("\n");
    lines.push(...wrapped.map((line, j) => (j === 0 ? "  " + line : " ".repeat(digits + 4) + line)));
  });
  return lines.join("\n");
}
