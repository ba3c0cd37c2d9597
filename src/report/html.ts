import { createHash } from "node:crypto";
import { severities, type Finding, type Report, type Severity, type Span } from "../types.js";
import { categoryTitles, formatNames } from "./labels.js";

export interface HtmlOptions {
  version: string;
}

const severityLabels: Record<Severity, string> = { high: "HIGH", medium: "MEDIUM", low: "LOW", info: "INFO" };

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
/** Escapes for element content and quoted attributes alike: every string from a form or a rule pack goes through it. */
const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => entities[ch]!);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

// Severity shows as a word and a border style as well as a colour: solid, dashed, dotted, thin; double for protections.
const css = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #4a4a4a; --line: #c4c4c4; --focus: #0b57d0;
  --high: #a3151b; --medium: #7a4b00; --low: #1f4e8c; --info: #4d4d4d; --ok: #17653a; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
.page { max-width: 64rem; margin: 0 auto; padding: 1rem 2rem 4rem; }
.page-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: .25rem 1rem; border-bottom: 1px solid var(--line); padding-bottom: .5rem; }
.page-head h1 { font-size: 1.05rem; margin: 0; }
.page-head p { margin: 0; color: var(--muted); font-size: .85rem; }
h2 { font-size: 1.5rem; margin: 1rem 0 .1rem; overflow-wrap: anywhere; }
h3 { font-size: 1.2rem; margin: 1.6rem 0 .5rem; }
a { color: #0a4fb3; }
.meta, .muted { color: var(--muted); }
.meta { margin: 0 0 .75rem; }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr)); gap: .6rem; margin: 0; }
.stat { border: 1px solid var(--line); border-radius: 8px; padding: .35rem .7rem; }
.stat dt { font-size: .8rem; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.stat dd { margin: 0; font-size: .88rem; color: var(--muted); }
.stat dd strong { display: block; font-size: 1.45rem; line-height: 1.2; color: var(--ink); }
.stat.grade { border-width: 2px; }
.stat.grade dd strong { font-size: 1.8rem; }
.grade-a, .grade-b { border-color: var(--ok); }
.grade-c { border-color: var(--medium); border-style: dashed; }
.grade-d, .grade-e { border-color: var(--high); }
.notes { margin: .6rem 0 0; padding-left: 1.2rem; color: var(--medium); }
nav { display: flex; flex-wrap: wrap; align-items: center; gap: .3rem 1.1rem; margin: .9rem 0 0; padding: .45rem 0; border-top: 1px solid var(--line); border-bottom: 1px solid var(--line); font-size: .95rem; }
button { font: inherit; font-size: .9rem; padding: .2rem .7rem; border: 1px solid #5a5a5a; border-radius: 6px; background: #f3f3f3; color: var(--ink); cursor: pointer; }
a:focus-visible, button:focus-visible, mark[tabindex]:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem .9rem; align-items: center; font-size: .9rem; margin: 0 0 .4rem; }
.legend mark { padding: .1em .4em 2px; }
.hint { font-size: .9rem; color: var(--muted); margin: 0 0 1rem; }
kbd { font: .85em ui-monospace, monospace; border: 1px solid #8a8a8a; border-radius: 3px; padding: 0 .3em; }
.form-text { max-width: 46rem; line-height: 1.8; }
.form-text p { margin: 0 0 .9em; white-space: pre-line; }
mark { color: inherit; background: none; padding: 0 .1em 3px; border-radius: 2px; }
mark mark { padding-bottom: 0; }
.risk.high { background: #fde3e2; border-bottom: 3px solid var(--high); }
.risk.medium { background: #fdefcc; border-bottom: 2px dashed var(--medium); }
.risk.low { background: #e3edfb; border-bottom: 2px dotted var(--low); }
.risk.info { background: #ececec; border-bottom: 1px solid var(--info); }
.protection { background: #ddf1e3; border-bottom: 3px double var(--ok); }
mark[data-finding]::before, .badge { font: 700 .68rem/1 system-ui, sans-serif; letter-spacing: .04em; color: #fff; border-radius: 3px; padding: .18em .35em; white-space: nowrap; }
mark[data-finding]::before { margin-right: .3em; vertical-align: .2em; }
mark.high[data-finding]::before { content: "HIGH"; background: var(--high); }
mark.medium[data-finding]::before { content: "MEDIUM"; background: var(--medium); }
mark.low[data-finding]::before { content: "LOW"; background: var(--low); }
mark.info[data-finding]::before { content: "INFO"; background: var(--info); }
mark.protection[data-finding]::before { content: "✓"; background: var(--ok); }
.badge { display: inline-block; vertical-align: .12em; }
.badge.high { background: var(--high); } .badge.medium { background: var(--medium); } .badge.low { background: var(--low); }
.badge.info { background: var(--info); } .badge.protection { background: var(--ok); }
.list { list-style: none; padding: 0; margin: 0; max-width: 46rem; }
.item { border-left: 5px solid var(--line); background: #f7f7f7; padding: .5rem .9rem; margin: 0 0 .6rem; }
.item.high { border-left: 5px solid var(--high); } .item.medium { border-left: 5px dashed var(--medium); }
.item.low { border-left: 5px dotted var(--low); } .item.info { border-left: 3px solid var(--info); }
.item.protection { border-left: 6px double var(--ok); }
.note p, .item p { margin: .25rem 0; }
.note .head { font-weight: 600; }
.note .ask { padding-left: 1.1rem; margin: .25rem 0; }
.quote { font-style: italic; }
.small { font-size: .85rem; color: var(--muted); }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: .2rem .9rem .2rem 0; border-bottom: 1px solid #dedede; }
td.num, th.num { text-align: right; }
tfoot th, tfoot td { border-top: 2px solid var(--ink); font-weight: 700; }
.questions ol { padding-left: 1.8rem; max-width: 46rem; }
.questions li { margin: 0 0 .45rem; }
.tip { position: absolute; z-index: 10; width: max-content; max-width: min(30rem, calc(100vw - 1rem)); background: #fff; border: 1px solid #6b6b6b; border-radius: 6px; box-shadow: 0 4px 18px rgba(0, 0, 0, .2); padding: .5rem .9rem; font-size: .92rem; line-height: 1.45; }
.tip[hidden] { display: none; }
footer { margin-top: 3rem; font-size: .85rem; color: var(--muted); }
@media print {
  body { font-size: 11pt; }
  .page { max-width: none; padding: 0; }
  .form, .findings, .missing, .grade-work, nav, .tip, .page-head p, footer { display: none !important; }
  .report + .report { break-before: page; }
  .questions { break-before: avoid; }
  .questions li { break-inside: avoid; }
  .stat { break-inside: avoid; }
}
`;

// Static, so nothing from a form can reach it: notes beside the focused or hovered mark, n / p between marks, the print button.
const script = `"use strict";
(() => {
  const tip = document.getElementById("tip");
  const marks = [...document.querySelectorAll("mark[data-finding]")];
  const markOf = (node) => (node instanceof Element ? node.closest("mark[data-note]") : null);
  let shown = null;
  let timer = 0;
  const hide = () => { tip.hidden = true; shown = null; };
  const show = (mark) => {
    if (shown === mark) return;
    const note = document.getElementById(mark.dataset.note).cloneNode(true);
    note.removeAttribute("id");
    tip.replaceChildren(note);
    tip.hidden = false;
    shown = mark;
    const box = mark.getBoundingClientRect();
    const right = document.documentElement.clientWidth - tip.offsetWidth - 8;
    tip.style.left = scrollX + Math.max(8, Math.min(box.left, right)) + "px";
    // Below the mark, unless only above it does the note fit on screen.
    const below = box.bottom + tip.offsetHeight + 8 < innerHeight || box.top < tip.offsetHeight + 8;
    tip.style.top = scrollY + (below ? box.bottom + 4 : box.top - tip.offsetHeight - 4) + "px";
  };
  document.addEventListener("focusin", (e) => { const mark = markOf(e.target); if (mark) show(mark); });
  document.addEventListener("focusout", (e) => { if (!markOf(e.relatedTarget)) hide(); });
  // A short grace period lets the pointer move from a mark onto its note.
  document.addEventListener("mouseover", (e) => {
    clearTimeout(timer);
    const mark = markOf(e.target);
    if (mark) show(mark);
    else if (shown && !tip.contains(e.target) && document.activeElement !== shown) timer = setTimeout(hide, 300);
  });
  addEventListener("resize", hide);
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") return hide();
    if ((e.key !== "n" && e.key !== "p") || e.altKey || e.ctrlKey || e.metaKey) return;
    const here = document.activeElement || document.body;
    const next = e.key === "n"
      ? marks.find((m) => here.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING)
      : marks.findLast((m) => here.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_PRECEDING);
    if (next) { e.preventDefault(); next.focus(); }
  });
  for (const button of document.querySelectorAll("button.print")) {
    button.hidden = false;
    button.addEventListener("click", () => print());
  }
})();
`;

// Only this file's own style and script may run, and nothing may be fetched: the page stays offline
// even if some text of a form were to get past the escaping.
const hash = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;
const policy = `default-src 'none'; style-src ${hash(css)}; script-src ${hash(script)}; base-uri 'none'; form-action 'none'`;

/** The HTML formatter: one self-contained page with every form's whole text, its findings marked in place. */
export function formatHtml(reports: Report[], options: HtmlOptions): string {
  const files = reports.map((r) => r.text.document.path);
  const title = files.length === 1 ? `${files[0]}: consent-lens report` : `consent-lens report: ${plural(files.length, "form")}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="consent-lens ${esc(options.version)}">
<title>${esc(title)}</title>
<style>${css}</style>
</head>
<body>
<div class="page">
<header class="page-head">
<h1>consent-lens report</h1>
<p>This page holds the whole text of the form: keep it as private as the form itself.</p>
</header>
<main>
${reports.map(reportHtml).join("\n")}
</main>
<footer>Made by consent-lens ${esc(options.version)}, offline. It only knows the phrasings it has rules for: read the form itself too.</footer>
</div>
<div id="tip" class="tip" hidden aria-hidden="true"></div>
<script>${script}</script>
</body>
</html>
`;
}

function reportHtml(report: Report, r: number): string {
  const { text, findings, rules } = report;
  const doc = text.document;
  const id = (name: string) => `r${r}-${name}`;
  const where = (f: Finding) => (doc.format === "pdf" ? `p${f.position.page}:${f.position.line}` : `line ${f.position.line}`);
  const risks = findings.filter((f) => f.polarity === "risk");
  const protections = findings.length - risks.length;
  const counts = severities
    .map((s) => [s, risks.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  const pages = doc.pageStarts.length;
  const { grade, score } = report.score;
  const read = report.readability;
  // Reading order, which is also the order Tab and n / p visit the marks in.
  const ordered = findings.map((f, i) => ({ f, i })).sort((a, b) => a.f.span.start - b.f.span.start || b.f.span.end - a.f.span.end);

  const badge = (f: Finding) =>
    f.polarity === "risk" ? `<span class="badge ${f.severity}">${severityLabels[f.severity]}</span>` : `<span class="badge protection">✓ PROTECTION</span>`;
  const note = (f: Finding, i: number) => {
    const rule = rules.get(f.ruleId)!;
    const asks = f.polarity === "risk" ? rule.questions : [];
    return `<div class="note" id="${id(`n${i}`)}">
<p class="head">${badge(f)} ${esc(rule.title)} <span class="muted">(${where(f)})</span></p>
<p class="quote">“${esc(text.value.slice(f.span.start, f.span.end))}”</p>
<p>${esc(rule.explanation)}</p>${f.cue ? `\n<p>Turned round by “${esc(f.cue)}”.</p>` : ""}${
      asks.length ? `\n<ul class="ask">${asks.map((q) => `<li>Ask: ${esc(q)}</li>`).join("")}</ul>` : ""
    }
<p class="small">${esc(categoryTitles[f.category] ?? f.category)} · rule ${esc(f.ruleId)}${rule.citation ? ` · ${esc(rule.citation)}` : ""}</p>
</div>`;
  };

  const summary = `<header class="summary">
<h2 id="${id("title")}">${esc(doc.path)}</h2>
<p class="meta">${formatNames[doc.format]}${doc.format === "pdf" ? `, ${plural(pages, "page")}` : ""}, ${text.words.toLocaleString("en-US")} words · Kind of form: ${
    report.kinds.length ? report.kinds.map((k) => esc(k.title) + (k.given ? " (as given)" : "")).join("; ") : "not recognised"
  }</p>
<dl class="stats">
<div class="stat grade grade-${grade.toLowerCase()}"><dt>Grade</dt><dd><strong>${grade}</strong> ${score} of 100; A is best</dd></div>
<div class="stat"><dt>Risks</dt><dd><strong>${risks.length}</strong> ${counts.join(", ") || "none found"}</dd></div>
<div class="stat"><dt>Protections</dt><dd><strong>${protections}</strong> promises that limit use</dd></div>
<div class="stat"><dt>Missing elements</dt><dd><strong>${report.missing.length}</strong> things the form never says</dd></div>
<div class="stat"><dt>Reading level</dt><dd>${
    !read.sentences
      ? "no sentences to measure"
      : `<strong>grade ${read.grade}</strong> ${read.grade > read.target ? "above" : "within"} the grade ${read.target} review boards ask for`
  }</dd></div>
</dl>${doc.notes.length ? `\n<ul class="notes">${doc.notes.map((n) => `<li>Note: ${esc(n)}</li>`).join("")}</ul>` : ""}
</header>`;

  const nav = `<nav aria-label="Sections of the report on ${esc(doc.path)}">
<a href="#${id("text")}">The form, marked</a>
<a href="#${id("findings")}">Findings (${findings.length})</a>
<a href="#${id("missing")}">Not in the form (${report.missing.length})</a>
<a href="#${id("grade")}">The grade</a>
<a href="#${id("questions")}">Questions to ask (${report.questions.length})</a>
<button type="button" class="print" hidden>Print the questions</button>
</nav>`;

  const form = `<section class="form" id="${id("text")}" aria-labelledby="${id("text-h")}">
<h3 id="${id("text-h")}">The form, with findings marked</h3>
<p class="legend">${severities.map((s) => `<mark class="risk ${s}">${severityLabels[s]} risk</mark>`).join(" ")} <mark class="protection">✓ protection</mark></p>
<p class="hint"><kbd>Tab</kbd> (or <kbd>n</kbd> and <kbd>p</kbd>) moves from finding to finding, and each one’s note appears beside it; <kbd>Esc</kbd> hides it. The same notes are listed under <a href="#${id(
    "findings",
  )}">Findings</a>.</p>
<div class="form-text">
${markText(report, id)}
</div>
</section>`;

  const list = `<section class="findings" id="${id("findings")}" aria-labelledby="${id("findings-h")}">
<h3 id="${id("findings-h")}">Findings, in the order of the form</h3>
${
  ordered.length
    ? `<ol class="list">
${ordered
  .map(
    ({ f, i }) => `<li class="item ${f.polarity === "risk" ? f.severity : "protection"}">
${note(f, i)}
<p class="small"><a href="#${id(`f${i}`)}">Show it in the form</a></p>
</li>`,
  )
  .join("\n")}
</ol>`
    : `<p>No sentence of the form matched a rule.</p>`
}
</section>`;

  const missing = `<section class="missing" id="${id("missing")}" aria-labelledby="${id("missing-h")}">
<h3 id="${id("missing-h")}">What the form does not say</h3>
${
  report.missing.length
    ? `<ul class="list">
${report.missing
  .map(
    ({ element: e }) => `<li class="item ${e.severity}">
<p class="head"><span class="badge ${e.severity}">${severityLabels[e.severity]}</span> <strong>${esc(e.title)}</strong></p>
<p>${esc(e.explanation)}</p>
<p>Ask: ${esc(e.question)}</p>
<p class="small">${esc(e.checklist)}${e.citation ? ` · ${esc(e.citation)}` : ""} · element ${esc(e.id)}</p>
</li>`,
  )
  .join("\n")}
</ul>`
    : `<p>The form addresses every element checked for its kind.</p>`
}
</section>`;

  const breakdown = `<section class="grade-work" id="${id("grade")}" aria-labelledby="${id("grade-h")}">
<h3 id="${id("grade-h")}">How the grade was worked out</h3>
<table>
<thead><tr><th scope="col" class="num">Points</th><th scope="col">For</th></tr></thead>
<tbody>
${report.score.breakdown.map((l) => `<tr><td class="num">${l.points > 0 && l.label !== "start" ? "+" : ""}${l.points}</td><td>${esc(l.label)}</td></tr>`).join("\n")}
</tbody>
<tfoot><tr><td class="num">${score}</td><td>Grade ${grade}</td></tr></tfoot>
</table>
</section>`;

  const questions = `<section class="questions" id="${id("questions")}" aria-labelledby="${id("questions-h")}">
<h3 id="${id("questions-h")}">Questions to ask before you sign</h3>
${
  report.questions.length
    ? `<ol>
${report.questions
  .map(
    (q) =>
      `<li>${esc(q.text)} <span class="muted">(${q.pages.length ? `page${q.pages.length > 1 ? "s" : ""} ${q.pages.join(", ")}` : "the form is silent"})</span></li>`,
  )
  .join("\n")}
</ol>`
    : `<p>No questions raised. Read the form anyway: the tool only knows the phrasings it has rules for.</p>`
}
</section>`;

  return `<section class="report" aria-labelledby="${id("title")}">
${summary}
${nav}
${form}
${list}
${missing}
${breakdown}
${questions}
</section>`;
}

/** A stretch of one finding's span inside one paragraph; only the first stretch carries data-finding. */
interface Piece extends Span {
  index: number;
  first: boolean;
}

const byStartThenLongest = (a: Span, b: Span) => a.start - b.start || b.end - a.end;

/** The form's whole text as paragraphs, with each finding's span marked in place. */
function markText(report: Report, id: (name: string) => string): string {
  const { value } = report.text;
  const paragraphs = [...value.matchAll(/[^\n]+(?:\n[^\n]+)*/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  // A <mark> cannot cross a paragraph's end, so a span is cut at each paragraph break.
  const pieces: Piece[][] = paragraphs.map(() => []);
  report.findings.forEach((f, index) => {
    let first = true;
    paragraphs.forEach((p, i) => {
      const start = Math.max(f.span.start, p.start);
      const end = Math.min(f.span.end, p.end);
      if (start >= end) return;
      pieces[i]!.push({ start, end, index, first });
      first = false;
    });
  });

  const open = (piece: Piece) => {
    const f = report.findings[piece.index]!;
    const kind = f.polarity === "risk" ? `risk ${f.severity}` : "protection";
    const target = `data-note="${id(`n${piece.index}`)}"`;
    return piece.first
      ? `<mark class="${kind}" id="${id(`f${piece.index}`)}" data-finding="${piece.index}" tabindex="0" aria-describedby="${id(`n${piece.index}`)}" ${target}>`
      : `<mark class="${kind}" ${target}>`;
  };

  return paragraphs
    .map((paragraph, i) => {
      const queue = pieces[i]!.sort(byStartThenLongest);
      const stack: Piece[] = [];
      let html = "";
      let at = paragraph.start;
      const upTo = (to: number) => {
        html += esc(value.slice(at, to));
        at = to;
      };
      const close = () => {
        upTo(stack.pop()!.end);
        html += "</mark>";
      };
      for (let piece = queue.shift(); piece; piece = queue.shift()) {
        while (stack.length && stack.at(-1)!.end <= piece.start) close();
        upTo(piece.start);
        const parent = stack.at(-1);
        if (parent && piece.end > parent.end) {
          // Spans that cross nest as far as the enclosing mark; the rest goes on in a mark of its own.
          const rest = { ...piece, start: parent.end, first: false };
          const after = queue.findIndex((q) => byStartThenLongest(rest, q) < 0);
          queue.splice(after < 0 ? queue.length : after, 0, rest);
          piece = { ...piece, end: parent.end };
        }
        html += open(piece);
        stack.push(piece);
      }
      while (stack.length) close();
      upTo(paragraph.end);
      return `<p>${html}</p>`;
    })
    .join("\n");
}
