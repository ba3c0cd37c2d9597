import { formatterOf, type Formatter, type FormatOptions, type FormatStream } from "../format.js";
import { css, cssHash, script, scriptHash } from "./assets.generated.js";
import { esc } from "./escape.js";
import { idsOf, questionsHtml, reportHtml } from "./sections.js";
import { ruleChangeLines } from "../notices.js";
import type { RuleChanges } from "../../rules/load.js";
import { keyPointText } from "../key-points.js";
import type { ReportView } from "../view.js";
import type { ReportLanguage } from "../../types.js";
import { messagesIn, type Messages } from "../messages/index.js";
import { en } from "../messages/en.js";

// Only this file's own style and script may run, and nothing may be fetched: the page stays offline
// even if some text of a form were to get past the escaping.
const policy = `default-src 'none'; style-src ${cssHash}; script-src ${scriptHash}; base-uri 'none'; form-action 'none'`;

/** The HTML formatter: one self-contained page with every form's whole text, its findings marked in place. */
type HtmlPart = { path: string; html: string; row: string; language: ReportLanguage };

export const htmlStream: FormatStream<HtmlPart> = {
  part: (view, r, options) => ({
    path: view.path,
    html: options.questionsOnly ? questionsHtml(view, r) : reportHtml(view, r, options.baseline),
    row: summaryRow(view, r),
    language: view.language,
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
  // The page's own words, and its lang, are the forms' language when they share one, else English.
  const languages = new Set(parts.map((p) => p.language));
  const m = languages.size === 1 ? messagesIn[[...languages][0]!] : en;
  const heading = m.markdown.title;
  const title = files.length === 1 ? `${files[0]}: ${heading}` : `${heading}: ${m.html.forms(files.length)}`;
  return `<!doctype html>
<html lang="${m.code}">
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
<h1>${esc(heading)}</h1>
<p>${m.html.privateNote}</p>
</header>
<main>
${[
  rulesUsed(options.changes),
  parts.length > 1 && !options.questionsOnly
    ? batchSummary(
        parts.map((p) => p.row),
        m,
      )
    : "",
].join("")}
${parts.map((p) => p.html).join("\n")}
</main>
<footer>${esc(m.html.footer(options.version))}</footer>
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
  const risks = view.report.keyPoints.filter((p) => p.kind === "allows").slice(0, 2);
  return `<tr><th scope="row"><a href="#${idsOf(r)("title")}">${esc(view.path)}</a></th><td>${esc(view.kinds.map((k) => k.title).join(", ") || "—")}</td>
<td>${esc(view.gradeLabel)}</td><td>${risks.map((p) => esc(keyPointText(view, p))).join("<br>") || view.messages.html.noneFound}</td><td class="num">${view.missing.length}</td></tr>`;
}

function batchSummary(rows: string[], m: Messages): string {
  const { html } = m;
  return `<section class="batch" aria-labelledby="batch-h">
<h2 id="batch-h">${html.forms(rows.length)}</h2>
<div class="table-wrap"><table>
<thead><tr><th scope="col">${html.form}</th><th scope="col">${html.kind}</th><th scope="col">${html.gradeColumn}</th><th scope="col">${html.keyRisks}</th><th scope="col" class="num">${html.missingColumn}</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table></div>
</section>`;
}
