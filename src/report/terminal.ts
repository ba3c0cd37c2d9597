import { Chalk, type ChalkInstance } from "chalk";
import wrapAnsi from "wrap-ansi";
import { pagedFormats, type Grade, type Severity } from "../types.js";
import { categoryTitles } from "./labels.js";
import { printable } from "../text/printable.js";
import { excerpt, excerptOf } from "./excerpt.js";
import { keyPointText, pagesText } from "./key-points.js";
import { summaryHeader, summaryRow } from "./summary.js";
import { formatterOf, type Formatter, type FormatOptions, type FormatStream } from "./format.js";
import { acceptanceText, acceptedItem, baselineText } from "./baseline.js";
import { shortId } from "./fingerprint.js";
import { findingSource, identifierNotice, languageNotice, ruleChangeLines } from "./notices.js";
import type { ReportView, RiskGroup, SentenceEntry, Unreadable } from "./view.js";

// Long sentences are trimmed around the match: the report quotes no more of the form than it needs.
const quoteLimit = 320;
const shortQuote = 110;
/** The short report lists this many questions, this many protections and missing elements. */
const shortQuestions = 10;
const shortList = 3;
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

  grade(grade: Grade | undefined) {
    return grade ? this.c.bold[gradeColors[grade]](`Grade ${grade}`) : this.c.bold("No grade");
  }
}

/**
 * The terminal formatter. By default a report a patient reads in two minutes: what
 * matters most, one line per topic of risk, what the form does not say, and ten
 * questions; `details` adds why each finding matters, every sentence, the protections,
 * the grade arithmetic and all the questions.
 */
export const terminalStream: FormatStream<{ text: string; row: string[] }> = {
  part: (view, _index, options) => {
    const c = new Chalk({ level: options.color ? 1 : 0 });
    const width = Math.max(40, Math.min(options.width, 100));
    if (!options.questionsOnly) return { text: formatReport(view, new Writer(c, width), options), row: summaryRow(view) };
    const w = new Writer(c, width);
    w.line(c.bold(printable(view.path)));
    notices(view, w);
    return { text: `${w.lines.join("\n")}\n${formatQuestions(view, c, width, options.details)}\n`, row: summaryRow(view) };
  },
  // Each report is written as it comes, after the rules of the run; the summary closes a batch.
  open: (options) => {
    const c = new Chalk({ level: options.color ? 1 : 0 });
    const rows: string[][] = [];
    return {
      add: ({ text, row }) => (rows.push(row) > 1 ? "\n" : ruleChanges(options, c, Math.max(40, Math.min(options.width, 100)))) + text,
      end: (unreadable) =>
        rows.length && !options.questionsOnly && rows.length + unreadable.length > 1 ? `\n${summary(rows, unreadable, c)}` : "",
    };
  },
};

export const formatTerminal: Formatter = formatterOf(terminalStream);

// The rules of the run, when they are not just the bundled pack: above every report, so no change goes unseen.
function ruleChanges({ changes }: FormatOptions, c: ChalkInstance, width: number): string {
  const lines = ruleChangeLines(changes);
  if (!lines.length) return "";
  const w = new Writer(c, width);
  w.line(c.bold("Rules used: the bundled pack, changed"));
  for (const line of lines) w.para(`• ${line}`, 4, 2);
  return w.lines.join("\n") + "\n\n";
}

// Parts of the form no rule read, and identifiers masked: said under the header of every form.
function notices(view: ReportView, w: Writer) {
  const language = languageNotice(view.report);
  if (language) w.para(w.c.bold.yellow(language));
  const identifiers = identifierNotice(view.report);
  if (identifiers) w.para(w.c.dim(identifiers));
}

// The batch overview: one aligned row per form, then the files that could not be read.
function summary(formRows: string[][], unreadable: Unreadable[], c: ChalkInstance): string {
  const rows = [summaryHeader, ...formRows];
  const widths = summaryHeader.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r, n) => {
    const line = r
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
    return n === 0 ? c.bold(line) : line;
  });
  for (const e of unreadable) lines.push(c.red(`${printable(e.path)}  could not be read: ${printable(e.error)}`));
  return `${c.bold.underline("Summary")}\n${lines.join("\n")}\n`;
}

function formatReport(view: ReportView, w: Writer, { details, baseline }: FormatOptions): string {
  header(view, w, baseline);
  keyPoints(view, w);
  if (details) for (const group of view.riskGroups) detailedGroup(view, group, w);
  else topics(view, w);
  missing(view, w, details);
  protections(view, w, details);
  accepted(view, w);
  if (details) grade(view, w);
  w.line();
  w.line(formatQuestions(view, w.c, w.width, details));
  if (!details)
    w.para(w.c.dim(`More: add --details for why each finding matters, every sentence, the grade arithmetic and all the questions.`));
  return w.lines.join("\n") + "\n";
}

function header(view: ReportView, w: Writer, baseline: string | undefined) {
  const { c } = w;
  const { report } = view;
  w.line(c.bold(printable(view.path)));
  const pages = pagedFormats.includes(report.text.document.format) ? `, ${view.pages} page${view.pages === 1 ? "" : "s"}` : "";
  const kinds = report.kinds.map((k) => k.title + (k.given ? " (as given)" : "")).join("; ");
  w.para(c.dim(`${view.formatName}${pages}, ${report.text.words.toLocaleString("en-US")} words${kinds ? ` · ${kinds}` : ""}`));
  const plural = (n: number, word: string) => `${c.bold(String(n))} ${word}${n === 1 ? "" : "s"}`;
  const score = report.score.grade ? c.dim(` (${report.score.score}/100)`) : c.dim(`: ${report.score.ungraded}`);
  const counts = report.coverage.checked
    ? `  ${plural(view.risks.length, "risk")}, ${plural(view.protections.length, "protection")}, ${plural(view.missing.length, "missing element")}`
    : "";
  w.para(`${w.grade(report.score.grade)}${score}${counts}`);
  const r = report.readability;
  if (r.sentences)
    w.para(
      `${c.dim("Reading level:")} grade ${r.grade} ${r.grade > r.target ? c.yellow(`(harder than the grade ${r.target} IRBs ask for)`) : c.green(`(within grade ${r.target})`)}`,
    );
  for (const note of report.text.document.notes) w.para(c.yellow(`note: ${printable(note)}`));
  notices(view, w);
  if (baseline) w.para(c.dim(baselineText(baseline, view.accepted.length)));
}

function keyPoints(view: ReportView, w: Writer) {
  const points = view.report.keyPoints;
  if (!points.length) return;
  w.heading("What matters most");
  for (const point of points) {
    const pages = point.kind === "silent" ? "" : pagesText(point.pages);
    w.para(`• ${keyPointText(view.report, point)}${pages ? w.c.dim(` (${pages})`) : ""}`, 4, 2);
  }
}

// One line per topic; a high-risk topic also quotes its first sentence not already shown.
function topics(view: ReportView, w: Writer) {
  if (!view.riskGroups.length) return;
  w.heading("Risks, by topic");
  const shown = new Set<number>();
  for (const group of view.riskGroups) {
    const n = new Set(group.findings.map((f) => f.finding.sentence.start)).size;
    const severity = group.findings[0]!.finding.severity;
    const packs = [...new Set(group.findings.flatMap((f) => f.finding.pack ?? []))].map((p) => `; from rule pack ${p}`).join("");
    w.para(
      `${w.severity(severity)}  ${w.c.bold(group.title)} ${w.c.dim(`(${n} sentence${n === 1 ? "" : "s"}, ${pagesText(group.pages)}${packs})`)}`,
      4,
      2,
    );
    const top = group.findings.find((f) => !shown.has(f.finding.sentence.start));
    if (severity !== "high" || !top) continue;
    shown.add(top.finding.sentence.start);
    w.para(`${w.c.dim(top.place)} “${excerptOf(view.report.text, top.finding.sentence, shortQuote)}”`, 6, 4);
  }
}

function detailedGroup(view: ReportView, group: RiskGroup, w: Writer) {
  w.heading(group.title);
  for (const { rule, severity, sentences } of group.rules) {
    const pack = sentences[0]?.first.finding.pack;
    w.line();
    w.para(
      `${w.severity(severity)}  ${w.c.bold(rule.title)} ${w.c.dim(`[${rule.id}${pack === undefined ? "" : `, from rule pack ${pack}`}]`)}`,
      2,
    );
    w.para(`${w.c.dim("Why it matters:")} ${rule.explanation.trim()}`, 4);
    for (const q of rule.questions) w.para(`${w.c.dim("Ask:")} ${q}`, 4);
    for (const entry of sentences) sentence(view, entry, w);
  }
}

function sentence(view: ReportView, { first, places, quoted, alsoIn }: SentenceEntry, w: Writer) {
  const { c } = w;
  const also = alsoIn.length ? c.dim(` (also: ${alsoIn.map((k) => categoryTitles[k]).join(", ")})`) : "";
  if (!quoted) return w.para(`${c.bold(places.join(", "))} ${c.dim("the sentence quoted above")}${also}`, 4);
  const e = excerpt(view.report.text, first.finding, quoteLimit);
  w.para(
    `${c.bold(places.join(", "))} “${e.before}${c.bold.underline(e.match)}${e.after}”${also} ${c.dim(`(id ${shortId(first.fingerprint)})`)}`,
    6,
    4,
  );
  if (first.finding.cue) w.para(c.dim(`(still a risk: “${first.finding.cue}” leaves the door open)`), 6);
}

function missing(view: ReportView, w: Writer, details: boolean) {
  if (!view.missing.length) return;
  w.heading("What the form does not say");
  const shown = details ? view.missing : view.missing.slice(0, shortList);
  for (const element of shown) {
    if (!details) {
      w.para(`${w.severity(element.severity)}  ${element.title}`, 4, 2);
      continue;
    }
    w.line();
    w.para(
      `${w.severity(element.severity)}  ${element.title} ${w.c.dim(`[${element.id}${element.citation ? `, ${element.citation}` : ""}]`)}`,
      2,
    );
    w.para(element.explanation, 4);
    w.para(`${w.c.dim("Ask:")} ${element.question}`, 4);
  }
  if (shown.length < view.missing.length) w.para(w.c.dim(`and ${view.missing.length - shown.length} more`), 2);
}

function protections(view: ReportView, w: Writer, details: boolean) {
  if (!view.protections.length) return;
  w.heading("Protections the form promises");
  // A pack's protection that disputes a risk is always shown.
  const disputed = view.protections.filter((v) => v.finding.disputes);
  const shown = details
    ? view.protections
    : [...disputed, ...view.protections.filter((v) => !v.finding.disputes)].slice(0, Math.max(shortList, disputed.length));
  for (const { finding: f, place } of shown) {
    const e = excerpt(view.report.text, f, details ? 160 : 110);
    const source = findingSource(f);
    const mark = f.disputes ? w.c.yellow("?") : w.c.green("✓");
    w.para(`${mark} ${w.c.bold(place)} ${categoryTitles[f.category]}: “${e.before}${w.c.green(e.match)}${e.after}”`, 4, 2);
    if (source) w.para(f.disputes ? w.c.yellow(`(${source})`) : w.c.dim(`(${source})`), 4);
  }
  if (shown.length < view.protections.length) w.para(w.c.dim(`and ${view.protections.length - shown.length} more`), 2);
}

// Findings a team has accepted: apart from the risks, with who accepted them, why and when.
function accepted(view: ReportView, w: Writer) {
  if (!view.accepted.length) return;
  w.heading("Accepted findings (not counted for --fail-on)");
  for (const a of view.accepted) {
    const { severity, title, place, id } = acceptedItem(a);
    w.para(`${w.severity(severity)}  ${title} ${w.c.dim(`(${place ? `${place}, ` : ""}id ${id})`)}`, 4, 2);
    w.para(w.c.dim(acceptanceText(a.accepted)), 6);
  }
}

function grade(view: ReportView, w: Writer) {
  const { grade: letter, score, breakdown, ungraded } = view.report.score;
  w.heading(letter ? `How the grade was worked out: ${letter} (${score}/100)` : `No grade: ${ungraded}`);
  for (const line of breakdown)
    w.line(`  ${`${line.points > 0 && line.label !== "start" ? "+" : ""}${line.points}`.padStart(4)}  ${line.label}`);
}

/** The numbered questions to ask before signing, with the pages they concern; ten unless `all`. */
export function formatQuestions(view: ReportView, c: ChalkInstance, width: number, all: boolean): string {
  const { questions, coverage } = view.report;
  if (!coverage.checked) return c.bold.yellow("No questions: the form was not checked.");
  if (!questions.length) return c.green("No questions raised. Read the form anyway: the tool only knows the phrasings it has rules for.");
  const shown = all ? questions : questions.slice(0, shortQuestions);
  const digits = String(shown.length).length;
  const lines = [c.bold.underline("Questions to ask before you sign")];
  const wrap = (text: string, first: string, rest: string) =>
    wrapAnsi(text, width - rest.length, { hard: true })
      .split("\n")
      .map((line, j) => (j === 0 ? first : rest) + line);
  shown.forEach((q, i) => {
    const where = q.pages.length ? c.dim(` (${pagesText(q.pages)})`) : c.dim(" (the form is silent)");
    lines.push(...wrap(`${q.text}${where}`, `  ${`${i + 1}.`.padStart(digits + 1)} `, " ".repeat(digits + 4)));
    if (all)
      for (const related of q.related) lines.push(...wrap(related, `${" ".repeat(digits + 4)}${c.dim("also:")} `, " ".repeat(digits + 10)));
  });
  if (shown.length < questions.length) lines.push(c.dim(`  and ${questions.length - shown.length} more with --details`));
  return lines.join("\n");
}
