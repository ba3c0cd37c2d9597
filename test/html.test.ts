import { beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../src/types.js";
import { reportOf } from "./helpers.js";
import { formatHtml, hostileReport, spanText } from "./html-reports.js";

const decode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

/** Reads the marked text back out of the HTML: the text it shows, and the text each finding's marks cover. Throws if marks do not nest. */
function readBack(html: string, r = 0) {
  const form = html.match(new RegExp(`id="r${r}-text"[\\s\\S]*?<div class="form-text">([\\s\\S]*?)</div>`))![1]!;
  const covered = new Map<number, string>();
  const open: number[] = [];
  const paragraphs: string[] = [];
  let inside = false;
  for (const [token, note] of form.matchAll(/<mark [^>]*data-note="r\d+-n(\d+)"[^>]*>|<\/mark>|<p>|<\/p>|[^<]+/g)) {
    if (note !== undefined) open.push(Number(note));
    else if (token === "</mark>") expect(open.pop(), "a </mark> without its <mark>").toBeDefined();
    else if (token === "<p>") inside = paragraphs.push("") > 0;
    else if (token === "</p>") {
      expect(open, "a mark left open at a paragraph's end").toEqual([]);
      inside = false;
    } else if (inside) {
      paragraphs[paragraphs.length - 1] += decode(token);
      for (const i of open) covered.set(i, (covered.get(i) ?? "") + decode(token));
    }
  }
  return { shown: paragraphs.join("\n\n"), covered, findings: [...form.matchAll(/data-finding="(\d+)"/g)].map((m) => Number(m[1])) };
}

let imaging: Report;
beforeAll(async () => {
  imaging = await reportOf("imaging-ai-consent.pdf");
});

describe("HTML report, as text", () => {
  it("shows the form's whole text unchanged, with exactly one data-finding element per finding", () => {
    const html = formatHtml([imaging]);
    const back = readBack(html);
    expect(back.shown).toBe(imaging.text.value);
    expect(back.findings.sort((a, b) => a - b)).toEqual(imaging.findings.map((_, i) => i));
    imaging.findings.forEach((f, i) => expect(back.covered.get(i), f.ruleId).toBe(spanText(imaging, f)));
  });

  it("marks nested, identical, crossing and paragraph-crossing spans, one data-finding each", () => {
    const report = { ...imaging, findings: [...imaging.findings] };
    const [a, b] = report.findings;
    const { value } = report.text;
    const paragraphEnd = value.indexOf("\n\n", a!.span.end);
    report.findings.push(
      { ...a!, span: { start: a!.span.start + 2, end: a!.span.end - 2 } },
      { ...a! },
      { ...b!, span: { start: a!.span.start + 3, end: a!.span.end + 12 } },
      { ...b!, span: { start: paragraphEnd - 10, end: paragraphEnd + 12 } },
    );
    const back = readBack(formatHtml([report]));
    expect(back.shown).toBe(value);
    expect(back.findings.sort((x, y) => x - y)).toEqual(report.findings.map((_, i) => i));
    report.findings.forEach((f, i) => expect(back.covered.get(i), `finding ${i}`).toBe(spanText(report, f)));
  });

  it("refers to no web address except inside the form's own text", () => {
    const html = formatHtml([imaging, hostileReport()]);
    expect(html).toContain("https://example.org/partners?a=1&amp;b=2");
    const ours = html.replace(/<div class="form-text">[\s\S]*?<\/div>/g, "").replace(/<p class="quote">.*?<\/p>/g, "");
    expect(ours).not.toMatch(/https?:\/\//);
    expect(ours).not.toMatch(/\ssrc=|url\(|@import/);
    expect([...ours.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!).filter((href) => !href.startsWith("#"))).toEqual([]);
  });

  it("escapes the form's text, its file name and the rules' words", () => {
    const report = hostileReport();
    const html = formatHtml([report]);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/<img|<b>|<i>|<\/div><script/);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Friends&quot;");
    expect(html).toContain("<title>&lt;b&gt;form&lt;/b&gt; &amp; &quot;notes&quot;.txt: consent-lens report</title>");
    expect(html).toContain("Shares &lt;i&gt;everything&lt;/i&gt;");
    const back = readBack(html);
    expect(back.shown).toBe(report.text.value);
    expect(back.covered.get(report.findings.length - 1)).toBe(`<script>alert("x")</script> & "Friends"`);
  });
});
