import { Chalk, type ChalkInstance } from "chalk";
import { pagedFormats, type Grade, type ReportLanguage, type Severity } from "../types.js";
import { printable } from "../text/printable.js";
import { excerpt, excerptOf } from "./excerpt.js";
import { keyPointText } from "./key-points.js";
import { summaryRow } from "./summary.js";
import { messagesIn, type Messages } from "./messages/index.js";
import { en } from "./messages/en.js";
import { formatterOf, type Formatter, type FormatOptions, type FormatStream } from "./format.js";
import { acceptedItem } from "./accepted.js";
import { shortId } from "./fingerprint.js";
import { findingSource, identifierNotice, languageNotice, ruleChangeLines } from "./notices.js";
import type { ReportView, RiskGroup, SentenceEntry, Unreadable } from "./view.js";
import { wrapText } from "./wrap.js";

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
    readonly m: Messages = en,
  ) {}

  line(s = "") {
    this.lines.push(s);
  }

  para(s: string, indent = 0, firstIndent = indent) {
    this.lines.push(
      wrapText(s, this.width - indent)
        .split("\n")
        .map((line, i) => " ".repeat(i === 0 ? firstIndent : indent) + line)
        .join("\n"),
    );
  }

  heading(s: string) {
    this.lines.push("", this.c.bold.underline(s));
  }

  severity(s: Severity) {
    const label = this.m.severity[s];
    return { high: this.c.bold.red(label), medium: this.c.bold.yellow(label), low: this.c.cyan(label), info: this.c.dim(label) }[s];
  }

  grade(grade: Grade | undefined) {
    return grade ? this.c.bold[gradeColors[grade]](this.m.grade(grade)) : this.c.bold(this.m.noGrade);
  }
}

/**
 * The terminal formatter. By default a report a patient reads in two minutes: what
 * matters most, one line per topic of risk, what the form does not say, and ten
 * questions; `details` adds why each finding matters, every sentence, the protections,
 * the grade arithmetic and all the questions.
 */
export const terminalStream: FormatStream<{ text: string; row: string[]; language: ReportLanguage }> = {
  part: (view, _index, options) => {
    const c = new Chalk({ level: options.color ? 1 : 0 });
    const width = Math.max(40, Math.min(options.width, 100));
    const w = new Writer(c, width, view.messages);
    const { language } = view;
    if (!options.questionsOnly) return { text: formatReport(view, w, options), row: summaryRow(view), language };
    w.line(c.bold(printable(view.path)));
    notices(view, w);
    return { text: `${w.lines.join("\n")}\n${formatQuestions(view, c, width, options.details)}\n`, row: summaryRow(view), language };
  },
  // Each report is written as it comes, after the rules of the run; the summary closes a batch.
  open: (options) => {
    const c = new Chalk({ level: options.color ? 1 : 0 });
    const rows: string[][] = [];
    const languages = new Set<ReportLanguage>();
    return {
      add: ({ text, row, language }) => {
        languages.add(language);
        return (rows.push(row) > 1 ? "\n" : ruleChanges(options, c, Math.max(40, Math.min(options.width, 100)))) + text;
      },
      // The batch's summary is in the forms' language when they share one, else in English.
      end: (unreadable) =>
        rows.length && !options.questionsOnly && rows.length + unreadable.length > 1
          ? `\n${summary(rows, unreadable, c, languages.size === 1 ? messagesIn[[...languages][0]!] : en)}`
          : "",
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
  const language = languageNotice(view.report, view.messages);
  if (language) w.para(w.c.bold.yellow(language));
  const identifiers = identifierNotice(view.report, view.messages);
  if (identifiers) w.para(w.c.dim(identifiers));
}

// The batch overview: one aligned row per form, then the files that could not be read.
function summary(formRows: string[][], unreadable: Unreadable[], c: ChalkInstance, m: Messages): string {
  const rows = [m.summaryHeader, ...formRows];
  const widths = m.summaryHeader.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r, n) => {
    const line = r
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
    return n === 0 ? c.bold(line) : line;
  });
  for (const e of unreadable) lines.push(c.red(`${printable(e.path)}  could not be read: ${printable(e.error)}`));
  return `${c.bold.underline(m.summary)}\n${lines.join("\n")}\n`;
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
  if (!details) w.para(w.c.dim(w.m.moreHint));
  return w.lines.join("\n") + "\n";
}

function header(view: ReportView, w: Writer, baseline: string | undefined) {
  const { c, m } = w;
  const { report } = view;
  w.line(c.bold(printable(view.path)));
  const pages = pagedFormats.includes(report.text.document.format) ? `, ${m.pageCount(view.pages)}` : "";
  const kinds = view.kinds.map((k) => k.title + (k.given ? ` ${m.asGiven}` : "")).join("; ");
  w.para(c.dim(`${view.formatName}${pages}, ${m.words(report.text.words)}${kinds ? ` · ${kinds}` : ""}`));
  const bold = (n: number) => c.bold(String(n));
  const score = report.score.grade ? c.dim(` (${report.score.score}/100)`) : c.dim(`: ${view.ungraded}`);
  const counts = report.coverage.checked
    ? `  ${m.risks(view.risks.length, bold(view.risks.length))}, ${m.protections(view.protections.length, bold(view.protections.length))}, ${m.missingElements(view.missing.length, bold(view.missing.length))}`
    : "";
  w.para(`${w.grade(report.score.grade)}${score}${counts}`);
  const r = report.readability;
  if (r.sentences && r.measure === "fernandez-huerta") {
    const below = r.ease < r.target;
    w.para(`${c.dim(m.readingLevel)} ${m.readingEase(r.ease)} ${(below ? c.yellow : c.green)(m.easeVerdict(r.target, below))}`);
  } else if (r.sentences)
    w.para(
      `${c.dim(m.readingLevel)} ${m.readingGrade(r.grade)} ${r.grade > r.target ? c.yellow(m.harderThan(r.target)) : c.green(m.within(r.target))}`,
    );
  for (const note of view.notes) w.para(c.yellow(`${m.note}: ${printable(note)}`));
  notices(view, w);
  if (baseline) w.para(c.dim(m.baselineLine(baseline, view.accepted.length)));
}

function keyPoints(view: ReportView, w: Writer) {
  const points = view.report.keyPoints;
  if (!points.length) return;
  w.heading(w.m.keyPoints);
  for (const point of points) {
    const pages = point.kind === "silent" ? "" : w.m.pages(point.pages);
    w.para(`• ${keyPointText(view, point)}${pages ? w.c.dim(` (${pages})`) : ""}`, 4, 2);
  }
}

// One line per topic; a high-risk topic also quotes its first sentence not already shown.
function topics(view: ReportView, w: Writer) {
  if (!view.riskGroups.length) return;
  w.heading(w.m.risksByTopic);
  const shown = new Set<number>();
  for (const group of view.riskGroups) {
    const n = new Set(group.findings.map((f) => f.finding.sentence.start)).size;
    const severity = group.findings[0]!.finding.severity;
    const packs = [...new Set(group.findings.flatMap((f) => f.finding.pack ?? []))].map((p) => `; ${w.m.fromPack(p)}`).join("");
    w.para(
      `${w.severity(severity)}  ${w.c.bold(group.title)} ${w.c.dim(`(${w.m.sentences(n)}, ${w.m.pages(group.pages)}${packs})`)}`,
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
      `${w.severity(severity)}  ${w.c.bold(rule.title)} ${w.c.dim(`[${rule.id}${pack === undefined ? "" : `, ${w.m.fromPack(pack)}`}]`)}`,
      2,
    );
    w.para(`${w.c.dim(w.m.whyItMatters)} ${rule.explanation.trim()}`, 4);
    for (const q of rule.questions) w.para(`${w.c.dim(w.m.ask)} ${q}`, 4);
    for (const entry of sentences) sentence(view, entry, w);
  }
}

function sentence(view: ReportView, { first, places, quoted, alsoIn }: SentenceEntry, w: Writer) {
  const { c, m } = w;
  const also = alsoIn.length ? c.dim(` ${m.alsoIn(alsoIn.map((k) => m.categoryTitles[k]))}`) : "";
  if (!quoted) return w.para(`${c.bold(places.join(", "))} ${c.dim(m.quotedAbove)}${also}`, 4);
  const e = excerpt(view.report.text, first.finding, quoteLimit);
  w.para(
    `${c.bold(places.join(", "))} “${e.before}${c.bold.underline(e.match)}${e.after}”${also} ${c.dim(`(id ${shortId(first.fingerprint)})`)}`,
    6,
    4,
  );
  if (first.finding.cue) w.para(c.dim(m.stillRisk(first.finding.cue)), 6);
}

function missing(view: ReportView, w: Writer, details: boolean) {
  if (!view.missing.length) return;
  w.heading(w.m.missing);
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
    w.para(`${w.c.dim(w.m.ask)} ${element.question}`, 4);
  }
  if (shown.length < view.missing.length) w.para(w.c.dim(w.m.andMore(view.missing.length - shown.length)), 2);
}

function protections(view: ReportView, w: Writer, details: boolean) {
  if (!view.protections.length) return;
  w.heading(w.m.protectionsPromised);
  // A pack's protection that disputes a risk is always shown.
  const disputed = view.protections.filter((v) => v.finding.disputes);
  const shown = details
    ? view.protections
    : [...disputed, ...view.protections.filter((v) => !v.finding.disputes)].slice(0, Math.max(shortList, disputed.length));
  for (const { finding: f, place } of shown) {
    const e = excerpt(view.report.text, f, details ? 160 : 110);
    const source = findingSource(f);
    const mark = f.disputes ? w.c.yellow("?") : w.c.green("✓");
    w.para(`${mark} ${w.c.bold(place)} ${w.m.categoryTitles[f.category]}: “${e.before}${w.c.green(e.match)}${e.after}”`, 4, 2);
    if (source) w.para(f.disputes ? w.c.yellow(`(${source})`) : w.c.dim(`(${source})`), 4);
  }
  if (shown.length < view.protections.length) w.para(w.c.dim(w.m.andMore(view.protections.length - shown.length)), 2);
}

// Findings a team has accepted: apart from the risks, with who accepted them, why and when.
function accepted(view: ReportView, w: Writer) {
  if (!view.accepted.length) return;
  w.heading(`${w.m.acceptedFindings} (${w.m.notCountedFor("--fail-on")})`);
  for (const a of view.accepted) {
    const { severity, title, place, id } = acceptedItem(a, w.m);
    w.para(`${w.severity(severity)}  ${title} ${w.c.dim(`(${place ? `${place}, ` : ""}id ${id})`)}`, 4, 2);
    w.para(w.c.dim(w.m.acceptance(a.accepted)), 6);
  }
}

function grade(view: ReportView, w: Writer) {
  const { grade: letter, score } = view.report.score;
  w.heading(letter ? `${w.m.gradeWork}: ${letter} (${score}/100)` : `${w.m.noGrade}: ${view.ungraded}`);
  for (const line of view.breakdown)
    w.line(`  ${`${line.points > 0 && line.term.kind !== "start" ? "+" : ""}${line.points}`.padStart(4)}  ${line.label}`);
}

/** The numbered questions to ask before signing, with the pages they concern; ten unless `all`. */
export function formatQuestions(view: ReportView, c: ChalkInstance, width: number, all: boolean): string {
  const { questions, messages: m } = view;
  if (!view.report.coverage.checked) return c.bold.yellow(m.noQuestionsUnchecked);
  if (!questions.length) return c.green(m.noQuestionsRaised);
  const shown = all ? questions : questions.slice(0, shortQuestions);
  const digits = String(shown.length).length;
  const lines = [c.bold.underline(m.questions)];
  const wrap = (text: string, first: string, rest: string) =>
    wrapText(text, width - rest.length)
      .split("\n")
      .map((line, j) => (j === 0 ? first : rest) + line);
  shown.forEach((q, i) => {
    const where = c.dim(` ${q.pages.length ? `(${m.pages(q.pages)})` : m.formIsSilent}`);
    lines.push(...wrap(`${q.text}${where}`, `  ${`${i + 1}.`.padStart(digits + 1)} `, " ".repeat(digits + 4)));
    if (all)
      for (const related of q.related) lines.push(...wrap(related, `${" ".repeat(digits + 4)}${c.dim(m.also)} `, " ".repeat(digits + 10)));
  });
  if (shown.length < questions.length) lines.push(c.dim(`  ${m.moreQuestions(questions.length - shown.length)}`));
  return lines.join("\n");
}
