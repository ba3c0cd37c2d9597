// Hostile input: files built to exhaust memory or time, to trick the terminal, or to hide
// that nothing was checked. Each answer must be one line (or a short report), fast.
import { describe, expect, it } from "vitest";
import { performance } from "node:perf_hooks";
import { documentFromPages } from "../src/extract/document.js";
import { normalize } from "../src/text/normalize.js";
import { cli } from "./helpers.js";

// A text with one line and no line breaks, from pieces that once made a step quadratic: abbreviations and
// letters that continue a sentence, a run of capitals, a long word, clauses with no full stop.
const pieces = [
  "Your samples may be sent to Dr. Ortiz e.g. at St. Anne Co. Inc. and a. b. c. ",
  "WE MAY SHARE YOUR RECORDS WITH OUR PARTNERS, ",
  "your results may be kept by the lab; ",
  `${"x".repeat(300)} `,
  "and the sponsor may keep your data ",
];
const oneLine = (length: number) =>
  pieces
    .join("")
    .repeat(Math.ceil(length / pieces.join("").length))
    .slice(0, length);
const normalizeOneLine = (text: string) => normalize(documentFromPages("long.txt", "text", [[text]], { linesAreParagraphs: false }));

describe("long lines", () => {
  // Fastest of three runs, so a busy machine does not make the ratio flaky.
  const fastest = (text: string) =>
    Math.min(
      ...[1, 2, 3].map(() => {
        const t = performance.now();
        normalizeOneLine(text);
        return performance.now() - t;
      }),
    );

  it("normalizes a one-line text in time linear in its length (4x the text, well under 16x the time)", () => {
    const small = fastest(oneLine(50_000));
    const large = fastest(oneLine(200_000));
    expect(large / small).toBeLessThan(8);
  });

  it("never makes a sentence longer than 2000 characters, so matching stays linear", () => {
    const text = normalizeOneLine(oneLine(30_000));
    expect(text.sentences.length).toBeGreaterThan(15);
    for (const s of text.sentences) expect(s.end - s.start).toBeLessThanOrEqual(2000);
  });

  it("scans a 20 KB form written on one line", async () => {
    const { code, stdout } = await cli(["scan", "--format", "json", "-"], { input: oneLine(20_000) });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).files[0].findings.length).toBeGreaterThan(0);
  });
});
