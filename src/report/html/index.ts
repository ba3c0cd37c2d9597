import { formatterOf, type Formatter, type FormatOptions, type FormatStream } from "../format.js";
import { css, cssHash, script, scriptHash } from "./assets.generated.js";
import { esc, plural } from "./escape.js";
import { idsOf, questionsHtml, reportHtml } from "./sections.js";
import { ruleChangeLines } from "../notices.js";
import type { RuleChanges } from "../../rules/load.js";
import { gradeLabel } from "../labels.js";
import { keyPointText } from "../key-points.js";
import type { ReportView } from "../view.js";

// Only this file's own style and script may run, and nothing may be fetched: the page stays offline
// even if some text of a form were to get past the escaping.
const policy = `default-src 'none'; style-src ${cssHash}; script-src ${scriptHash}; base-uri 'none'; form-action 'none'`;

/** The HTML formatter: one self-contained page with every form's whole text, its findings marked in place. */
type HtmlPart = { path: string; html: string; row: string };

export const htmlStream: FormatStream<HtmlPart> = {
  part: (view, r, options) => ({
    path: view.path,
    html: options.questionsOnly ? questionsHtml(view, r) : reportHtml(view, r, options.baseline),
    row: summaryRow(view, r),
  }),
  // The page opens with the batch's summary: the forms' HTML waits for it.
  open: (options) => {
    const parts: HtmlPart[] = [];
    return { add: (part) => (parts.push(part), ""), end: () => page(parts, options) };
  },
};

export const formatHtml: Formatter = formatterOf(htmlStream);

function page(parts: HtmlPart[], options: FormatOptions): string {
  const files = parts.map((p) => p.path);
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
${[rulesUsed(options.changes), parts.length > 1 && !options.questionsOnly ? batchSummary(parts.map((p) => p.row)) : ""].join("")}
${parts.map((p) => p.html).join("\n")}
</main>
<footer>Made by consent-lens ${esc(options.version)}, offline. It only knows the phrasings it has rules for: read the form itself too.</footer>
</div>
<div id="tip" class="tip" hidden aria-hidden="true"></div>
<script>${script}</script>
</body>
</html>
`;
}

// The rules of the run, when they are not just the bundled pack.
function rulesUsed(changes: RuleChanges): string {
  const lines = ruleChangeLines(changes);
  if (!lines.length) return "";
  return `<section class="rules-used" aria-labelledby="rules-h">
<h2 id="rules-h">Rules used: the bundled pack, changed</h2>
<ul>
${lines.map((l) => `<li>${esc(l)}</li>`).join("\n")}
</ul>
</section>`;
}

// A batch opens with one row per form, linking to its report.
function summaryRow(view: ReportView, r: number): string {
  const { report } = view;
  const risks = report.keyPoints.filter((p) => p.kind === "allows").slice(0, 2);
  return `<tr><th scope="row"><a href="#${idsOf(r)("title")}">${esc(view.path)}</a></th><td>${esc(report.kinds.map((k) => k.title).join(", ") || "—")}</td>
<td>${esc(gradeLabel(report.score))}</td><td>${risks.map((p) => esc(keyPointText(report, p))).join("<br>") || "none found"}</td><td class="num">${view.missing.length}</td></tr>`;
}

function batchSummary(rows: string[]): string {
  return `<section class="batch" aria-labelledby="batch-h">
<h2 id="batch-h">${plural(rows.length, "form")}</h2>
<div class="table-wrap"><table>
<thead><tr><th scope="col">Form</th><th scope="col">Kind</th><th scope="col">Grade</th><th scope="col">Key risks</th><th scope="col" class="num">Missing</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table></div>
</section>`;
}
