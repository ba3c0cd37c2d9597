// Reports the HTML tests (html.test.ts as text, html.slow.test.ts in Chromium) format.
import { documentFromPages } from "../src/extract/document.js";
import { normalize } from "../src/text/normalize.js";
import { match } from "../src/match/match.js";
import { assess } from "../src/assess/assess.js";
import { formatHtml as htmlFormatter } from "../src/report/html/index.js";
import type { Finding, Report, Text } from "../src/types.js";
import { formatWith, rulebook } from "./helpers.js";

const assessed = (text: Text) => assess(text, match(text, rulebook().rules, rulebook().language), rulebook(), {});
export const formatHtml = (reports: Report[]) => formatWith(htmlFormatter, reports, { version: "0.0.0-test" });

/** What each finding's marks should cover: its span, less the paragraph breaks a mark cannot cross. */
export const spanText = (report: Report, f: Finding) =>
  report.text.value
    .slice(f.span.start, f.span.end)
    .split(/\n{2,}/)
    .join("");

/** A report on a made-up form full of markup and web addresses, with a finding whose words and rule are markup too. */
export function hostileReport(): Report {
  const lines = [
    `Sharing <script>alert("x")</script> & "Friends"`,
    "",
    "Your images may be shared with partners listed at https://example.org/partners?a=1&b=2 <img src=x onerror=alert(1)>.",
    "",
    "We will never sell your data to data brokers; see http://example.com/<policy>.",
  ];
  const report = assessed(normalize(documentFromPages(`<b>form</b> & "notes".txt`, "text", [lines], { linesAreParagraphs: false })));
  const base = report.findings[0]!;
  const value = report.text.value;
  const start = value.indexOf("<script>");
  const rule = {
    ...report.rulesById.get(base.ruleId)!,
    id: "markup",
    title: "Shares <i>everything</i>",
    explanation: "</div><script>alert(2)</script>",
  };
  report.rulesById = new Map([...report.rulesById, ["markup", rule]]);
  report.findings.push({
    ...base,
    ruleId: "markup",
    polarity: "risk",
    span: { start, end: value.indexOf("\n") },
    sentence: { start, end: value.indexOf("\n") },
  });
  return report;
}
