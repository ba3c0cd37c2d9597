import { pagedFormats, severities } from "../../types.js";
import { excerpt } from "../excerpt.js";
import { keyPointText } from "../key-points.js";
import type { FindingView, ReportView, RiskGroup } from "../view.js";
import type { Messages } from "../messages/index.js";
import { esc } from "./escape.js";
import { markText } from "./mark-text.js";
import { sentenceCase } from "../messages/messages.js";
import { acceptedItem } from "../accepted.js";
import { shortId } from "../fingerprint.js";
import { findingSource, identifierNotice, languageNotice } from "../notices.js";

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
  const language = languageNotice(view.report, view.messages);
  const identifiers = identifierNotice(view.report, view.messages);
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

const badge = ({ finding: f }: FindingView, m: Messages) =>
  f.polarity === "risk"
    ? `<span class="badge ${f.severity}">${m.severity[f.severity]}</span>`
    : `<span class="badge protection">✓ ${m.html.protection.toUpperCase()}</span>`;

function note(view: FindingView, matched: string, id: string, m: Messages): string {
  const { finding: f, rule, place } = view;
  const asks = f.polarity === "risk" ? rule.questions : [];
  return `<div class="note" id="${id}">
<p class="head">${badge(view, m)} ${esc(rule.title)} <span class="muted">(${place})</span></p>
<p class="quote">“${esc(matched)}”</p>
<p>${esc(rule.explanation)}</p>${f.cue ? `\n<p>${esc(m.html.turnedRoundBy(f.cue))}</p>` : ""}${
    asks.length ? `\n<ul class="ask">${asks.map((q) => `<li>${m.ask} ${esc(q)}</li>`).join("")}</ul>` : ""
  }
${view.accepted ? `<p>${esc(m.acceptance(view.accepted))}</p>\n` : ""}<p class="small">${esc(m.categoryTitles[f.category])} · ${esc(m.html.rule(f.ruleId))}${rule.citation ? ` · ${esc(rule.citation)}` : ""}${sourceText(f)} · id ${shortId(view.fingerprint)}</p>
</div>`;
}

function summary(view: ReportView, id: Ids, baseline: string | undefined): string {
  const { report, messages: m } = view;
  const { grade, score } = report.score;
  const read = report.readability;
  const counts = severities.filter((s) => view.riskCounts[s] > 0).map((s) => `${view.riskCounts[s]} ${m.severity[s].toLowerCase()}`);
  const pages = pagedFormats.includes(report.text.document.format) ? `, ${m.pageCount(view.pages)}` : "";
  const kinds = view.kinds.length ? view.kinds.map((k) => esc(k.title) + (k.given ? ` ${m.asGiven}` : "")).join("; ") : m.notRecognised;
  const notes = report.text.document.notes;
  return `<header class="summary">
<h2 id="${id("title")}">${esc(view.path)}</h2>
<p class="meta">${view.formatName}${pages}, ${m.words(report.text.words)} · ${m.kindOfForm}: ${kinds}</p>
<dl class="stats">
<div class="stat grade grade-${grade?.toLowerCase() ?? "none"}"><dt>${m.html.gradeColumn}</dt><dd>${
    grade ? `<strong>${grade}</strong> ${m.html.ofHundred(score)}` : `<strong>${m.html.none}</strong> ${esc(view.ungraded ?? "")}`
  }</dd></div>
<div class="stat"><dt>${m.html.stats.risks}</dt><dd>${
    report.coverage.checked
      ? `<strong>${view.risks.length}</strong> ${counts.join(", ") || m.html.noneFound}`
      : `<strong>?</strong> ${m.notChecked}`
  }</dd></div>
<div class="stat"><dt>${m.html.stats.protections}</dt><dd><strong>${view.protections.length}</strong> ${m.html.promisesThatLimit}</dd></div>
<div class="stat"><dt>${m.html.stats.missing}</dt><dd><strong>${view.missing.length}</strong> ${m.html.neverSays}</dd></div>
<div class="stat"><dt>${m.html.stats.readingLevel}</dt><dd>${
    !read.sentences
      ? m.html.noSentences
      : read.measure === "fernandez-huerta"
        ? m.html.easeAgainst(read.ease, read.target, read.ease < read.target)
        : m.html.readingAgainst(read.grade, read.target, read.grade > read.target)
  }</dd></div>
</dl>${noticeList(view, notes)}${baseline ? `\n<p class="meta">${esc(m.baselineLine(baseline, view.accepted.length))}</p>` : ""}
</header>`;
}

function nav(view: ReportView, id: Ids): string {
  const { html } = view.messages;
  return `<nav aria-label="${esc(html.sectionsOf(view.path))}">
<a href="#${id("text")}">${html.formMarked}</a>
<a href="#${id("findings")}">${html.findings} (${view.findings.length})</a>
<a href="#${id("missing")}">${html.notInForm} (${view.missing.length})</a>
<a href="#${id("grade")}">${html.theGrade}</a>
<a href="#${id("questions")}">${html.askQuestions} (${view.questions.length})</a>
<button type="button" class="print" hidden>${html.printQuestions}</button>
</nav>`;
}

function form(view: ReportView, id: Ids): string {
  const m = view.messages;
  return `<section class="form" id="${id("text")}" aria-labelledby="${id("text-h")}">
<h3 id="${id("text-h")}">${m.html.formWithFindings}</h3>
<p class="legend">${severities.map((s) => `<mark class="risk ${s}">${m.html.risk(m.severity[s])}</mark>`).join(" ")} <mark class="protection">✓ ${m.html.protection}</mark></p>
<p class="hint">${m.html.hint} <a href="#${id("findings")}">${m.html.findings}</a>.</p>
<div class="form-text">
${markText(view, id)}
</div>
</section>`;
}

function keyPoints(view: ReportView, id: Ids): string {
  const points = view.report.keyPoints;
  if (!points.length) return "";
  const items = points.map((p) => {
    const pages = p.kind === "silent" ? "" : view.messages.pages(p.pages);
    return `<li class="${p.kind}">${esc(keyPointText(view, p))}${pages ? ` <span class="muted">(${pages})</span>` : ""}</li>`;
  });
  return `<section class="key-points" aria-labelledby="${id("key-h")}">
<h3 id="${id("key-h")}">${view.messages.keyPoints}</h3>
<ul>
${items.join("\n")}
</ul>
</section>`;
}

// The notes the marks show on focus or hover, one per finding; the page's script clones them.
function notes(view: ReportView, id: Ids): string {
  const { text } = view.report;
  return `<div class="note-store" hidden>
${view.findings.map((f, i) => note(f, text.value.slice(f.finding.span.start, f.finding.span.end), id(`n${i}`), view.messages)).join("\n")}
</div>`;
}

// Risks by topic, each rule's explanation once with its sentences under it; then the protections.
function findingList(view: ReportView, id: Ids): string {
  const m = view.messages;
  const index = new Map(view.findings.map((f, i) => [f, i]));
  const topics = view.riskGroups.map((g) => topicHtml(view, g, (f) => id(`f${index.get(f)}`)));
  const protections = view.protections.map((f) => {
    const e = excerpt(view.report.text, f.finding, 200);
    return `<li class="item protection"><p class="head">${badge(f, m)} ${esc(m.categoryTitles[f.finding.category])} <span class="muted">(${f.place})</span>${sourceText(f.finding)}</p>
<p class="quote">“${esc(e.before)}<strong>${esc(e.match)}</strong>${esc(e.after)}” <a class="small" href="#${id(`f${index.get(f)}`)}">${m.html.showInForm}</a></p></li>`;
  });
  const none = `<p>${m.html.noMatch}</p>`;
  return `<section class="findings" id="${id("findings")}" aria-labelledby="${id("findings-h")}">
<h3 id="${id("findings-h")}">${m.html.findingsByTopic}</h3>
${topics.length || protections.length ? topics.join("\n") : none}
${protections.length ? `<h4>${m.protectionsPromised}</h4>\n<ul class="list">\n${protections.join("\n")}\n</ul>` : ""}
</section>`;
}

function topicHtml(view: ReportView, group: RiskGroup, markId: (f: FindingView) => string): string {
  const m = view.messages;
  const rules = group.rules.map(({ rule, severity, sentences }) => {
    const items = sentences.map(({ first, places, quoted, alsoIn }) => {
      const also = alsoIn.length ? ` <span class="muted">${esc(m.alsoIn(alsoIn.map((c) => m.categoryTitles[c])))}</span>` : "";
      const link = `<a class="small" href="#${markId(first)}">${m.html.showInForm}</a>`;
      if (!quoted) return `<li>${esc(places.join(", "))}: ${m.quotedAbove}${also} ${link}</li>`;
      const e = excerpt(view.report.text, first.finding, 320);
      return `<li><span class="muted">${esc(places.join(", "))}</span> <span class="quote">“${esc(e.before)}<strong>${esc(e.match)}</strong>${esc(e.after)}”</span>${also} ${link}</li>`;
    });
    const asks = rule.questions.length ? `\n<ul class="ask">${rule.questions.map((q) => `<li>${m.ask} ${esc(q)}</li>`).join("")}</ul>` : "";
    return `<li class="item ${severity}">
<p class="head"><span class="badge ${severity}">${m.severity[severity]}</span> ${esc(rule.title)} <span class="small">${esc(m.html.rule(rule.id))}${rule.citation ? ` · ${esc(rule.citation)}` : ""}${sentences[0] ? sourceText(sentences[0].first.finding) : ""}</span></p>
<p>${esc(rule.explanation)}</p>${asks}
<ul class="sentences">
${items.join("\n")}
</ul>
</li>`;
  });
  return `<h4>${esc(group.title)} <span class="muted">(${m.pages(group.pages)})</span></h4>
<ul class="list">
${rules.join("\n")}
</ul>`;
}

function missing(view: ReportView, id: Ids): string {
  const m = view.messages;
  const items = view.missing.map(
    (e) => `<li class="item ${e.severity}">
<p class="head"><span class="badge ${e.severity}">${m.severity[e.severity]}</span> <strong>${esc(e.title)}</strong></p>
<p>${esc(e.explanation)}</p>
<p>${m.ask} ${esc(e.question)}</p>
<p class="small">${esc(e.checklist)}${e.citation ? ` · ${esc(e.citation)}` : ""} · ${esc(m.html.element(e.id))}</p>
</li>`,
  );
  return `<section class="missing" id="${id("missing")}" aria-labelledby="${id("missing-h")}">
<h3 id="${id("missing-h")}">${m.missing}</h3>
${items.length ? `<ul class="list">\n${items.join("\n")}\n</ul>` : `<p>${m.html.everyElement}</p>`}
</section>`;
}

// Findings a team accepted, apart from the risks, with who accepted them, why and when.
function accepted(view: ReportView, id: Ids): string {
  if (!view.accepted.length) return "";
  const items = view.accepted.map((a) => {
    const { severity, title, place, id: findingId } = acceptedItem(a, view.messages);
    return `<li class="item ${severity}">
<p class="head"><span class="badge ${severity}">${view.messages.severity[severity]}</span> ${esc(title)} <span class="muted">(${place ? `${place}, ` : ""}id ${findingId})</span></p>
<p>${esc(view.messages.acceptance(a.accepted))}</p>
</li>`;
  });
  return `<section class="accepted" id="${id("accepted")}" aria-labelledby="${id("accepted-h")}">
<h3 id="${id("accepted-h")}">${view.messages.acceptedFindings}</h3>
<p>${sentenceCase(view.messages.notCountedFor("<code>--fail-on</code>"))}.</p>
<ul class="list">
${items.join("\n")}
</ul>
</section>`;
}

function breakdown(view: ReportView, id: Ids): string {
  const { score, grade } = view.report.score;
  const m = view.messages;
  const rows = view.breakdown.map(
    (l) => `<tr><td class="num">${l.points > 0 && l.term.kind !== "start" ? "+" : ""}${l.points}</td><td>${esc(l.label)}</td></tr>`,
  );
  return `<section class="grade-work" id="${id("grade")}" aria-labelledby="${id("grade-h")}">
<h3 id="${id("grade-h")}">${m.gradeWork}</h3>
<div class="table-wrap"><table>
<thead><tr><th scope="col" class="num">${m.html.points}</th><th scope="col">${m.html.for}</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
<tfoot><tr><td class="num">${grade ? score : ""}</td><td>${grade ? m.grade(grade) : `${m.noGrade}: ${esc(view.ungraded ?? "")}`}</td></tr></tfoot>
</table></div>
</section>`;
}

function questions(view: ReportView, id: Ids): string {
  const m = view.messages;
  const items = view.questions.map(
    (q) =>
      `<li>${esc(q.text)} <span class="muted">${q.pages.length ? `(${m.pages(q.pages)})` : m.formIsSilent}</span>${
        q.related.length ? `<ul class="related">${q.related.map((r) => `<li>${esc(r)}</li>`).join("")}</ul>` : ""
      }</li>`,
  );
  return `<section class="questions" id="${id("questions")}" aria-labelledby="${id("questions-h")}">
<h3 id="${id("questions-h")}">${m.questions}</h3>
${
  items.length
    ? `<ol>\n${items.join("\n")}\n</ol>`
    : view.report.coverage.checked
      ? `<p>${m.noQuestionsRaised}</p>`
      : `<p><strong>${m.noQuestionsUnchecked}</strong></p>`
}
</section>`;
}
