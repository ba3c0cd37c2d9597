import { severities, type Severity } from "../../types.js";
import { categoryTitles } from "../labels.js";
import type { FindingView, ReportView } from "../view.js";
import { esc, plural } from "./escape.js";
import { markText } from "./mark-text.js";

const severityLabels: Record<Severity, string> = { high: "HIGH", medium: "MEDIUM", low: "LOW", info: "INFO" };

/** Ids of one report's parts, unique in a page that holds several reports. */
type Ids = (name: string) => string;

/** One form's report: summary, the marked text, findings, missing elements, the grade, the questions. */
export function reportHtml(view: ReportView, r: number): string {
  const id: Ids = (name) => `r${r}-${name}`;
  return `<section class="report" aria-labelledby="${id("title")}">
${summary(view, id)}
${nav(view, id)}
${form(view, id)}
${findingList(view, id)}
${missing(view, id)}
${breakdown(view, id)}
${questions(view, id)}
</section>`;
}

const badge = ({ finding: f }: FindingView) =>
  f.polarity === "risk"
    ? `<span class="badge ${f.severity}">${severityLabels[f.severity]}</span>`
    : `<span class="badge protection">✓ PROTECTION</span>`;

function note(view: FindingView, matched: string, id: string): string {
  const { finding: f, rule, place } = view;
  const asks = f.polarity === "risk" ? rule.questions : [];
  return `<div class="note" id="${id}">
<p class="head">${badge(view)} ${esc(rule.title)} <span class="muted">(${place})</span></p>
<p class="quote">“${esc(matched)}”</p>
<p>${esc(rule.explanation)}</p>${f.cue ? `\n<p>Turned round by “${esc(f.cue)}”.</p>` : ""}${
    asks.length ? `\n<ul class="ask">${asks.map((q) => `<li>Ask: ${esc(q)}</li>`).join("")}</ul>` : ""
  }
<p class="small">${esc(categoryTitles[f.category])} · rule ${esc(f.ruleId)}${rule.citation ? ` · ${esc(rule.citation)}` : ""}</p>
</div>`;
}

function summary(view: ReportView, id: Ids): string {
  const { report } = view;
  const { grade, score } = report.score;
  const read = report.readability;
  const counts = severities.filter((s) => view.riskCounts[s] > 0).map((s) => `${view.riskCounts[s]} ${s}`);
  const pages = report.text.document.format === "pdf" ? `, ${plural(view.pages, "page")}` : "";
  const kinds = report.kinds.length ? report.kinds.map((k) => esc(k.title) + (k.given ? " (as given)" : "")).join("; ") : "not recognised";
  const notes = report.text.document.notes;
  return `<header class="summary">
<h2 id="${id("title")}">${esc(view.path)}</h2>
<p class="meta">${view.formatName}${pages}, ${report.text.words.toLocaleString("en-US")} words · Kind of form: ${kinds}</p>
<dl class="stats">
<div class="stat grade grade-${grade.toLowerCase()}"><dt>Grade</dt><dd><strong>${grade}</strong> ${score} of 100; A is best</dd></div>
<div class="stat"><dt>Risks</dt><dd><strong>${view.risks.length}</strong> ${counts.join(", ") || "none found"}</dd></div>
<div class="stat"><dt>Protections</dt><dd><strong>${view.protections.length}</strong> promises that limit use</dd></div>
<div class="stat"><dt>Missing elements</dt><dd><strong>${view.missing.length}</strong> things the form never says</dd></div>
<div class="stat"><dt>Reading level</dt><dd>${
    !read.sentences
      ? "no sentences to measure"
      : `<strong>grade ${read.grade}</strong> ${read.grade > read.target ? "above" : "within"} the grade ${read.target} review boards ask for`
  }</dd></div>
</dl>${notes.length ? `\n<ul class="notes">${notes.map((n) => `<li>Note: ${esc(n)}</li>`).join("")}</ul>` : ""}
</header>`;
}

function nav(view: ReportView, id: Ids): string {
  return `<nav aria-label="Sections of the report on ${esc(view.path)}">
<a href="#${id("text")}">The form, marked</a>
<a href="#${id("findings")}">Findings (${view.findings.length})</a>
<a href="#${id("missing")}">Not in the form (${view.missing.length})</a>
<a href="#${id("grade")}">The grade</a>
<a href="#${id("questions")}">Questions to ask (${view.report.questions.length})</a>
<button type="button" class="print" hidden>Print the questions</button>
</nav>`;
}

function form(view: ReportView, id: Ids): string {
  return `<section class="form" id="${id("text")}" aria-labelledby="${id("text-h")}">
<h3 id="${id("text-h")}">The form, with findings marked</h3>
<p class="legend">${severities.map((s) => `<mark class="risk ${s}">${severityLabels[s]} risk</mark>`).join(" ")} <mark class="protection">✓ protection</mark></p>
<p class="hint"><kbd>Tab</kbd> (or <kbd>n</kbd> and <kbd>p</kbd>) moves from finding to finding, and each one’s note appears beside it; <kbd>Esc</kbd> hides it. The same notes are listed under <a href="#${id("findings")}">Findings</a>.</p>
<div class="form-text">
${markText(view, id)}
</div>
</section>`;
}

function findingList(view: ReportView, id: Ids): string {
  const { text } = view.report;
  // Reading order, which is also the order Tab and n / p visit the marks in; ids keep the report's order.
  const ordered = view.findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.finding.span.start - b.f.finding.span.start || b.f.finding.span.end - a.f.finding.span.end);
  const items = ordered.map(
    ({ f, i }) => `<li class="item ${f.finding.polarity === "risk" ? f.finding.severity : "protection"}">
${note(f, text.value.slice(f.finding.span.start, f.finding.span.end), id(`n${i}`))}
<p class="small"><a href="#${id(`f${i}`)}">Show it in the form</a></p>
</li>`,
  );
  return `<section class="findings" id="${id("findings")}" aria-labelledby="${id("findings-h")}">
<h3 id="${id("findings-h")}">Findings, in the order of the form</h3>
${items.length ? `<ol class="list">\n${items.join("\n")}\n</ol>` : `<p>No sentence of the form matched a rule.</p>`}
</section>`;
}

function missing(view: ReportView, id: Ids): string {
  const items = view.missing.map(
    (e) => `<li class="item ${e.severity}">
<p class="head"><span class="badge ${e.severity}">${severityLabels[e.severity]}</span> <strong>${esc(e.title)}</strong></p>
<p>${esc(e.explanation)}</p>
<p>Ask: ${esc(e.question)}</p>
<p class="small">${esc(e.checklist)}${e.citation ? ` · ${esc(e.citation)}` : ""} · element ${esc(e.id)}</p>
</li>`,
  );
  return `<section class="missing" id="${id("missing")}" aria-labelledby="${id("missing-h")}">
<h3 id="${id("missing-h")}">What the form does not say</h3>
${items.length ? `<ul class="list">\n${items.join("\n")}\n</ul>` : `<p>The form addresses every element checked for its kind.</p>`}
</section>`;
}

function breakdown(view: ReportView, id: Ids): string {
  const { score, grade, breakdown: lines } = view.report.score;
  const rows = lines.map(
    (l) => `<tr><td class="num">${l.points > 0 && l.label !== "start" ? "+" : ""}${l.points}</td><td>${esc(l.label)}</td></tr>`,
  );
  return `<section class="grade-work" id="${id("grade")}" aria-labelledby="${id("grade-h")}">
<h3 id="${id("grade-h")}">How the grade was worked out</h3>
<table>
<thead><tr><th scope="col" class="num">Points</th><th scope="col">For</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
<tfoot><tr><td class="num">${score}</td><td>Grade ${grade}</td></tr></tfoot>
</table>
</section>`;
}

function questions(view: ReportView, id: Ids): string {
  const items = view.report.questions.map(
    (q) =>
      `<li>${esc(q.text)} <span class="muted">(${q.pages.length ? `page${q.pages.length > 1 ? "s" : ""} ${q.pages.join(", ")}` : "the form is silent"})</span></li>`,
  );
  return `<section class="questions" id="${id("questions")}" aria-labelledby="${id("questions-h")}">
<h3 id="${id("questions-h")}">Questions to ask before you sign</h3>
${
  items.length
    ? `<ol>\n${items.join("\n")}\n</ol>`
    : `<p>No questions raised. Read the form anyway: the tool only knows the phrasings it has rules for.</p>`
}
</section>`;
}
