import { Chalk, type ChalkInstance } from "chalk";
import wrapAnsi from "wrap-ansi";
import { severities, type Grade, type Severity } from "../types.js";
import { categoryTitles } from "./labels.js";
import { excerpt } from "./excerpt.js";
import { summaryHeader, summaryRows } from "./summary.js";
import type { Formatter } from "./format.js";
import type { FindingView, ReportView, Unreadable } from "./view.js";

// Long sentences are trimmed around the match: the report quotes no more of the form than it needs.
const quoteLimit = 320;
const gradeColors = { A: "green", B: "green", C: "yellow", D: "red", E: "red" } as const;

/** Writes wrapped, indented paragraphs in one style. */
class Writer {
  readonly lines: string[] = [];
  constructor(
    readonly c: ChalkInstance,
    readonly width: number,
  ) {}

  line(s = "") {
    this.lines.push(s);
  }

  para(s: string, indent = 0, firstIndent = indent) {
    this.lines.push(
      wrapAnsi(s, this.width - indent, { hard: true })
        .split("\n")
        .map((line, i) => " ".repeat(i === 0 ? firstIndent : indent) + line)
        .join("\n"),
    );
  }

  heading(s: string) {
    this.lines.push("", this.c.bold.underline(s));
  }

  severity(s: Severity) {
    return { high: this.c.bold.red("HIGH"), medium: this.c.bold.yellow("MEDIUM"), low: this.c.cyan("LOW"), info: this.c.dim("INFO") }[s];
  }

  grade(grade: Grade) {
    return this.c.bold[gradeColors[grade]](`Grade ${grade}`);
  }
}

/** The terminal formatter: findings by category, most severe first, then the questions to ask. */
export const formatTerminal: Formatter = (views, options) => {
  if (!views.length) return "";
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.max(40, Math.min(options.width, 100));
  if (options.questionsOnly) return views.map((view) => `${c.bold(view.path)}\n${formatQuestions(view, c, width)}\n`).join("\n");
  const body = views.map((view) => formatReport(view, new Writer(c, width))).join("\n");
  return views.length + options.unreadable.length > 1 ? `${body}\n${summary(views, options.unreadable, c)}` : body;
};

// The batch overview: one aligned row per form, then the files that could not be read.
function summary(views: ReportView[], unreadable: Unreadable[], c: ChalkInstance): string {
  const rows = [summaryHeader, ...summaryRows(views)];
  const widths = summaryHeader.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r, n) => {
    const line = r
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
    return n === 0 ? c.bold(line) : line;
  });
  for (const e of unreadable) lines.push(c.red(`${e.path}  could not be read: ${e.error}`));
  return `${c.bold.underline("Summary")}\n${lines.join("\n")}\n`;
}

function formatReport(view: ReportView, w: Writer): string {
  header(view, w);
  for (const group of view.riskGroups) {
    w.heading(group.title);
    for (const f of group.findings) risk(view, f, w);
  }
  missing(view, w);
  protections(view, w);
  const { grade, score, breakdown } = view.report.score;
  w.heading(`How the grade was worked out: ${grade} (${score}/100)`);
  for (const line of breakdown)
    w.line(`  ${`${line.points > 0 && line.label !== "start" ? "+" : ""}${line.points}`.padStart(4)}  ${line.label}`);
  w.line();
  w.line(formatQuestions(view, w.c, w.width));
  return w.lines.join("\n") + "\n";
}

function header(view: ReportView, w: Writer) {
  const { c } = w;
  const { report } = view;
  w.line(c.bold(view.path));
  const pages = view.report.text.document.format === "pdf" ? `, ${view.pages} page${view.pages === 1 ? "" : "s"}` : "";
  w.line(c.dim(`${view.formatName}${pages}, ${report.text.words.toLocaleString("en-US")} words`));
  if (report.kinds.length)
    w.para(`${c.dim("Kind of form:")} ${report.kinds.map((k) => k.title + (k.given ? " (as given)" : "")).join("; ")}`);
  const counts = severities.filter((s) => view.riskCounts[s] > 0).map((s) => `${view.riskCounts[s]} ${s}`);
  const plural = (n: number, word: string) => `${c.bold(String(n))} ${word}${n === 1 ? "" : "s"}`;
  w.para(
    `${w.grade(report.score.grade)} ${c.dim(`(${report.score.score}/100)`)}  ` +
      `${plural(view.risks.length, "risk")}${counts.length ? ` (${counts.join(", ")})` : ""}, ` +
      `${plural(view.protections.length, "protection")}, ${plural(view.missing.length, "missing element")}`,
  );
  const r = report.readability;
  if (r.sentences)
    w.para(
      `${c.dim("Reading level:")} grade ${r.grade} ${r.grade > r.target ? c.yellow(`(harder than the grade ${r.target} IRBs ask for)`) : c.green(`(within grade ${r.target})`)}, ` +
        `reading ease ${r.ease}, ${r.averageSentenceLength} words per sentence`,
    );
  for (const note of report.text.document.notes) w.para(c.yellow(`note: ${note}`));
}

function risk(view: ReportView, { finding: f, rule, place }: FindingView, w: Writer) {
  const { c } = w;
  const e = excerpt(view.report.text, f, quoteLimit);
  w.line();
  w.para(`${w.severity(f.severity)}  ${c.bold(place)}  ${rule.title} ${c.dim(`[${f.ruleId}]`)}`, 2);
  w.para(`“${e.before}${c.bold.underline(e.match)}${e.after}”`, 4);
  if (f.cue) w.para(c.dim(`(still a risk: “${f.cue}” leaves the door open)`), 4);
  w.para(`${c.dim("Why it matters:")} ${rule.explanation.trim()}`, 4);
  for (const q of rule.questions) w.para(`${c.dim("Ask:")} ${q}`, 4);
}

function missing(view: ReportView, w: Writer) {
  if (!view.missing.length) return;
  w.heading("What the form does not say");
  for (const element of view.missing) {
    w.line();
    w.para(
      `${w.severity(element.severity)}  ${element.title} ${w.c.dim(`[${element.id}${element.citation ? `, ${element.citation}` : ""}]`)}`,
      2,
    );
    w.para(element.explanation, 4);
    w.para(`${w.c.dim("Ask:")} ${element.question}`, 4);
  }
}

function protections(view: ReportView, w: Writer) {
  if (!view.protections.length) return;
  w.heading("Protections the form promises");
  for (const { finding: f, place } of view.protections) {
    const e = excerpt(view.report.text, f, 160);
    w.para(`${w.c.green("✓")} ${w.c.bold(place)} ${categoryTitles[f.category]}: “${e.before}${w.c.green(e.match)}${e.after}”`, 4, 2);
  }
}

/** The numbered questions to ask before signing, with the pages they concern. */
export function formatQuestions(view: ReportView, c: ChalkInstance, width: number): string {
  const { questions } = view.report;
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
