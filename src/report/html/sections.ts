import { pagedFormats, severities, type Severity } from "../../types.js";
import { categoryTitles } from "../labels.js";
import { excerpt } from "../excerpt.js";
import { keyPointText, pagesText } from "../key-points.js";
import type { FindingView, ReportView, RiskGroup } from "../view.js";
import { esc, plural } from "./escape.js";
import { markText } from "./mark-text.js";
import { acceptanceText, acceptedItem, baselineText } from "../baseline.js";
import { shortId } from "../fingerprint.js";
import { findingSource, identifierNotice, languageNotice } from "../notices.js";

const severityLabels: Record<Severity, string> = { high: "HIGH", medium: "MEDIUM", low: "LOW", info: "INFO" };

/** Ids of one report's parts, unique in a page that holds several reports. */
type Ids = (name: string) => string;

/** Ids of the parts of the r-th report on a page. */
export const idsOf =
  (r: number): Ids =>
  (name) =>
    `r${r}-${name}`;

/** One form's questions alone (--questions-only), under its name and what was not checked. */
export function questionsHtml(view: ReportView, r: number): string {
  const id = idsOf(r);
  return `<section class="report" aria-labelledby="${id("title")}">
<header class="summary">
<h2 id="${id("title")}">${esc(view.path)}</h2>${noticeList(view, [])}
</header>
${questions(view, id)}
</section>`;
}

// The extraction's notes, then what was not checked and the identifiers masked.
function noticeList(view: ReportView, notes: string[]): string {
  const language = languageNotice(view.report);
  const identifiers = identifierNotice(view.report);
  const items = [
    ...(language ? [`<li><strong>${esc(language)}</strong></li>`] : []),
    ...notes.map((n) => `<li>Note: ${esc(n)}</li>`),
    ...(identifiers ? [`<li>${esc(identifiers)}</li>`] : []),
  ];
  return items.length ? `\n<ul class="notes">${items.join("")}</ul>` : "";
}

/** One form's report: summary and key points first, then the marked text, findings, missing elements, the grade, the questions. */
export function reportHtml(view: ReportView, r: number, baseline?: string): string {
  const id = idsOf(r);
  return `<section class="report" aria-labelledby="${id("title")}">
${summary(view, id, baseline)}
${keyPoints(view, id)}
${nav(view, id)}
${form(view, id)}
${findingList(view, id)}
${missing(view, id)}
${accepted(view, id)}
${breakdown(view, id)}
${questions(view, id)}
${notes(view, id)}
</section>`;
}

const sourceText = (f: FindingView["finding"]) => {
  const source = findingSource(f);
  return source ? ` · ${f.disputes ? `<strong>${esc(source)}</strong>` : esc(source)}` : "";
};

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
${view.accepted ? `<p>${esc(acceptanceText(view.accepted))}</p>\n` : ""}<p class="small">${esc(categoryTitles[f.category])} · rule ${esc(f.ruleId)}${rule.citation ? ` · ${esc(rule.citation)}` : ""}${sourceText(f)} · id ${shortId(view.fingerprint)}</p>
</div>`;
}

function summary(view: ReportView, id: Ids, baseline: string | undefined): string {
  const { report } = view;
  const { grade, score, ungraded } = report.score;
  const read = report.readability;
  const counts = severities.filter((s) => view.riskCounts[s] > 0).map((s) => `${view.riskCounts[s]} ${s}`);
  const pages = pagedFormats.includes(report.text.document.format) ? `, ${plural(view.pages, "page")}` : "";
  const kinds = report.kinds.length ? report.kinds.map((k) => esc(k.title) + (k.given ? " (as given)" : "")).join("; ") : "not recognised";
  const notes = report.text.document.notes;
  return `<header class="summary">
<h2 id="${id("title")}">${esc(view.path)}</h2>
<p class="meta">${view.formatName}${pages}, ${report.text.words.toLocaleString("en-US")} words · Kind of form: ${kinds}</p>
<dl class="stats">
<div class="stat grade grade-${grade?.toLowerCase() ?? "none"}"><dt>Grade</dt><dd>${
    grade ? `<strong>${grade}</strong> ${score} of 100; A is best` : `<strong>none</strong> ${esc(ungraded ?? "")}`
  }</dd></div>
<div class="stat"><dt>Risks</dt><dd>${
    report.coverage.checked
      ? `<strong>${view.risks.length}</strong> ${counts.join(", ") || "none found"}`
      : "<strong>?</strong> not checked"
  }</dd></div>
<div class="stat"><dt>Protections</dt><dd><strong>${view.protections.length}</strong> promises that limit use</dd></div>
<div class="stat"><dt>Missing elements</dt><dd><strong>${view.missing.length}</strong> things the form never says</dd></div>
<div class="stat"><dt>Reading level</dt><dd>${
    !read.sentences
      ? "no sentences to measure"
      : `<strong>grade ${read.grade}</strong> ${read.grade > read.target ? "above" : "within"} the grade ${read.target} review boards ask for`
  }</dd></div>
</dl>${noticeList(view, notes)}${baseline ? `\n<p class="meta">${esc(baselineText(baseline, view.accepted.length))}</p>` : ""}
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

function keyPoints(view: ReportView, id: Ids): string {
  const points = view.report.keyPoints;
  if (!points.length) return "";
  const items = points.map((p) => {
    const pages = p.kind === "silent" ? "" : pagesText(p.pages);
    return `<li class="${p.kind}">${esc(keyPointText(view.report, p))}${pages ? ` <span class="muted">(${pages})</span>` : ""}</li>`;
  });
  return `<section class="key-points" aria-labelledby="${id("key-h")}">
<h3 id="${id("key-h")}">What matters most</h3>
<ul>
${items.join("\n")}
</ul>
</section>`;
}

// The notes the marks show on focus or hover, one per finding; the page's script clones them.
function notes(view: ReportView, id: Ids): string {
  const { text } = view.report;
  return `<div class="note-store" hidden>
${view.findings.map((f, i) => note(f, text.value.slice(f.finding.span.start, f.finding.span.end), id(`n${i}`))).join("\n")}
</div>`;
}

// Risks by topic, each rule's explanation once with its sentences under it; then the protections.
function findingList(view: ReportView, id: Ids): string {
  const index = new Map(view.findings.map((f, i) => [f, i]));
  const topics = view.riskGroups.map((g) => topicHtml(view, g, (f) => id(`f${index.get(f)}`)));
  const protections = view.protections.map((f) => {
    const e = excerpt(view.report.text, f.finding, 200);
    return `<li class="item protection"><p class="head">${badge(f)} ${esc(categoryTitles[f.finding.category])} <span class="muted">(${f.place})</span>${sourceText(f.finding)}</p>
<p class="quote">“${esc(e.before)}<strong>${esc(e.match)}</strong>${esc(e.after)}” <a class="small" href="#${id(`f${index.get(f)}`)}">Show it in the form</a></p></li>`;
  });
  const none = `<p>No sentence of the form matched a rule.</p>`;
  return `<section class="findings" id="${id("findings")}" aria-labelledby="${id("findings-h")}">
<h3 id="${id("findings-h")}">Findings, by topic</h3>
${topics.length || protections.length ? topics.join("\n") : none}
${protections.length ? `<h4>Protections the form promises</h4>\n<ul class="list">\n${protections.join("\n")}\n</ul>` : ""}
</section>`;
}

function topicHtml(view: ReportView, group: RiskGroup, markId: (f: FindingView) => string): string {
  const rules = group.rules.map(({ rule, severity, sentences }) => {
    const items = sentences.map(({ first, places, quoted, alsoIn }) => {
      const also = alsoIn.length ? ` <span class="muted">(also: ${alsoIn.map((c) => esc(categoryTitles[c])).join(", ")})</span>` : "";
      const link = `<a class="small" href="#${markId(first)}">Show it in the form</a>`;
      if (!quoted) return `<li>${esc(places.join(", "))}: the sentence quoted above${also} ${link}</li>`;
      const e = excerpt(view.report.text, first.finding, 320);
      return `<li><span class="muted">${esc(places.join(", "))}</span> <span class="quote">“${esc(e.before)}<strong>${esc(e.match)}</strong>${esc(e.after)}”</span>${also} ${link}</li>`;
    });
    const asks = rule.questions.length ? `\n<ul class="ask">${rule.questions.map((q) => `<li>Ask: ${esc(q)}</li>`).join("")}</ul>` : "";
    return `<li class="item ${severity}">
<p class="head"><span class="badge ${severity}">${severityLabels[severity]}</span> ${esc(rule.title)} <span class="small">rule ${esc(rule.id)}${rule.citation ? ` · ${esc(rule.citation)}` : ""}${sentences[0] ? sourceText(sentences[0].first.finding) : ""}</span></p>
<p>${esc(rule.explanation)}</p>${asks}
<ul class="sentences">
${items.join("\n")}
</ul>
</li>`;
  });
  return `<h4>${esc(group.title)} <span class="muted">(${pagesText(group.pages)})</span></h4>
<ul class="list">
${rules.join("\n")}
</ul>`;
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

// Findings a team accepted, apart from the risks, with who accepted them, why and when.
function accepted(view: ReportView, id: Ids): string {
  if (!view.accepted.length) return "";
  const items = view.accepted.map((a) => {
    const { severity, title, place, id: findingId } = acceptedItem(a);
    return `<li class="item ${severity}">
<p class="head"><span class="badge ${severity}">${severityLabels[severity]}</span> ${esc(title)} <span class="muted">(${place ? `${place}, ` : ""}id ${findingId})</span></p>
<p>${esc(acceptanceText(a.accepted))}</p>
</li>`;
  });
  return `<section class="accepted" id="${id("accepted")}" aria-labelledby="${id("accepted-h")}">
<h3 id="${id("accepted-h")}">Accepted findings</h3>
<p>Not counted for <code>--fail-on</code>.</p>
<ul class="list">
${items.join("\n")}
</ul>
</section>`;
}

function breakdown(view: ReportView, id: Ids): string {
  const { score, grade, ungraded, breakdown: lines } = view.report.score;
  const rows = lines.map(
    (l) => `<tr><td class="num">${l.points > 0 && l.label !== "start" ? "+" : ""}${l.points}</td><td>${esc(l.label)}</td></tr>`,
  );
  return `<section class="grade-work" id="${id("grade")}" aria-labelledby="${id("grade-h")}">
<h3 id="${id("grade-h")}">How the grade was worked out</h3>
<div class="table-wrap"><table>
<thead><tr><th scope="col" class="num">Points</th><th scope="col">For</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
<tfoot><tr><td class="num">${grade ? score : ""}</td><td>${grade ? `Grade ${grade}` : `No grade: ${esc(ungraded ?? "")}`}</td></tr></tfoot>
</table></div>
</section>`;
}

function questions(view: ReportView, id: Ids): string {
  const items = view.report.questions.map(
    (q) =>
      `<li>${esc(q.text)} <span class="muted">(${q.pages.length ? pagesText(q.pages) : "the form is silent"})</span>${
        q.related.length ? `<ul class="related">${q.related.map((r) => `<li>${esc(r)}</li>`).join("")}</ul>` : ""
      }</li>`,
  );
  return `<section class="questions" id="${id("questions")}" aria-labelledby="${id("questions-h")}">
<h3 id="${id("questions-h")}">Questions to ask before you sign</h3>
${
  items.length
    ? `<ol>\n${items.join("\n")}\n</ol>`
    : view.report.coverage.checked
      ? `<p>No questions raised. Read the form anyway: the tool only knows the phrasings it has rules for.</p>`
      : `<p><strong>No questions: the form was not checked.</strong></p>`
}
</section>`;
}
