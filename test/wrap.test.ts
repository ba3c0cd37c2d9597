import { describe, expect, it } from "vitest";
import wrapAnsi from "wrap-ansi";
import { Chalk } from "chalk";
import { narrowCharacters, wrapText } from "../src/report/wrap.js";

const narrow = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).filter((c) => narrowCharacters.test(c));
const slow = (text: string, columns: number) => wrapAnsi(text, columns, { hard: true });
const c = new Chalk({ level: 1 });

describe("wrapText", () => {
  it("covers the typographic characters of real forms", () => {
    for (const ch of "“”‘’–—…•·é ñ ó ü ç ß § ° ± ✓".replaceAll(" ", "")) expect(narrow).toContain(ch);
    for (const wide of ["的", "，", "\u00AD", "\u00A0", "\u200B", "\u2028", "\u0301", "✔️"]) expect(narrow).not.toContain(wide);
  });

  it("wraps every character of its fast path as wrap-ansi does", () => {
    for (const ch of narrow) {
      const text = `The clinic ${ch}may share${ch} ${ch.repeat(30)} your ${c.bold(`records${ch}`)} with \`partners\` ${ch}`;
      for (const columns of [7, 12, 20])
        expect(wrapText(text, columns), `U+${ch.charCodeAt(0).toString(16)} at ${columns}`).toBe(slow(text, columns));
    }
  });

  it("leaves other text to wrap-ansi", () => {
    const text = "We may share your data 与合作伙伴 and “affiliates” 👍🏽 to improve e\u0301 services";
    for (const columns of [5, 10, 30]) expect(wrapText(text, columns)).toBe(slow(text, columns));
  });
});
