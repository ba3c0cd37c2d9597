import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { bundledRules, packFiles } from "../src/rules/load.js";
import { nativeRegex, nativeSource } from "../src/match/patterns/regex.js";
import { re2Regex } from "../src/match/patterns/re2.js";
import { fixture } from "./helpers.js";

// The bundled pack's regexes run on native RegExp, which backtracks: they are vetted here,
// each on its own line of the test output. A user's regexes run on RE2 (test/rules.test.ts).
const found: { file: string; regex: string }[] = [];
const strings: string[] = [];
const walk = (value: unknown, file: string): void => {
  if (typeof value === "string") strings.push(value);
  else if (Array.isArray(value)) value.forEach((v) => walk(v, file));
  else if (value && typeof value === "object") {
    const { regex } = value as { regex?: unknown };
    if (typeof regex === "string") found.push({ file, regex });
    Object.values(value).forEach((v) => walk(v, file));
  }
};
for (const file of packFiles(bundledRules)) walk(parse(readFileSync(file, "utf8")), file.slice(bundledRules.length));
const regexes = found.map(({ file, regex }) => [`${file}: ${regex.slice(0, 60)}`, regex] as const);

// Where an escape (\\x{...} included) or a class that starts at `i` ends.
function afterAtom(source: string, i: number): number {
  if (source[i] === "\\") return source[i + 1] === "x" && source[i + 2] === "{" ? source.indexOf("}", i) + 1 : i + 2;
  let j = i + 1;
  if (source[j] === "^") j++;
  if (source[j] === "]") j++;
  while (source[j] !== "]") j += source[j] === "\\" ? 2 : 1;
  return j + 1;
}

/** An unbounded repeat (*, +, {n,}) of a group that holds a quantifier or a `|` can backtrack exponentially: such groups. */
function nestedUnboundedQuantifiers(source: string): string[] {
  const problems: string[] = [];
  const open: { start: number; holdsRepeat: boolean }[] = [];
  const quantifierAt = (at: number) => /^(?:[*+?]|\{(\d+)(,(\d*))?\})/.exec(source.slice(at));
  const repeats = (q: RegExpExecArray | null) => q !== null && q[0] !== "?" && !(q[1] === "0" && q[3] === "1");
  const unbounded = (q: RegExpExecArray | null) => q !== null && (q[0] === "*" || q[0] === "+" || q[3] === "");
  const markOpen = () => open.forEach((g) => (g.holdsRepeat = true));
  for (let i = 0; i < source.length;) {
    const c = source[i]!;
    if (c === "(") open.push({ start: i, holdsRepeat: false });
    if (c === ")") {
      const group = open.pop()!;
      const q = quantifierAt(i + 1);
      if (unbounded(q) && group.holdsRepeat) problems.push(source.slice(group.start, i + 1 + q![0].length));
      // A group that repeats, or holds something that does, makes the groups around it hold a repeat.
      if (repeats(q) || group.holdsRepeat) markOpen();
      i++;
      continue;
    }
    i = c === "\\" || c === "[" ? afterAtom(source, i) : i + 1;
    if (c === "|" || (c !== "(" && repeats(quantifierAt(i)))) markOpen();
  }
  return problems;
}

// Sentences as normalization leaves them (single spaces, at most 2,000 characters), made of the
// regex's own words repeated, after a bullet or a number or nothing: what makes a backtracking
// engine try every way of splitting them.
function adversarial(source: string): string[] {
  const words = new Set([...source.replace(/\\x\{[^}]*\}|\\./g, " ").matchAll(/[a-z]+/gi)].map((m) => m[0].toLowerCase()));
  const out: string[] = [];
  for (const word of [...words, ""])
    for (const separator of [" ", "", ", ", ". ", ": "])
      for (const start of ["", "• ", "1. ", "(a) "]) {
        const unit = word + separator;
        if (unit.trim())
          out.push(
            start +
              unit
                .repeat(Math.ceil(2000 / unit.length))
                .slice(0, 1990)
                .trim() +
              " !",
          );
      }
  return out;
}

describe("the bundled pack's regexes on native RegExp", () => {
  it("finds the pack's regexes", () => expect(found.length).toBeGreaterThanOrEqual(10));

  it.each(regexes)("%s: has a native form", (_name, regex) => {
    expect(() => new RegExp(nativeSource(regex), "u")).not.toThrow();
  });

  it.each(regexes)("%s: repeats no group that holds a quantifier or alternatives without a bound", (_name, regex) => {
    expect(nestedUnboundedQuantifiers(regex)).toEqual([]);
  });

  it.each(regexes)("%s: takes linear time on sentences built to make it backtrack", (_name, regex) => {
    const search = nativeRegex(regex);
    let slowest = 0;
    for (const sentence of adversarial(regex)) {
      const start = performance.now();
      search(sentence);
      slowest = Math.max(slowest, performance.now() - start);
    }
    // Linear work on 2,000 characters takes a few milliseconds; a blow-up takes seconds or never ends.
    expect(slowest).toBeLessThan(200);
  });

  // Every sentence of the pack (examples and all), of a fixture form, and the adversarial ones, in
  // their case and in capitals: the same match, at the same place, as RE2 finds.
  const fixtureText = readFileSync(fixture("imaging-ai-consent.txt"), "utf8");
  const texts = [...strings, ...fixtureText.split(/(?<=[.:;])\s+|\n/)];
  it.each(regexes)("%s: matches what RE2 matches", (_name, regex) => {
    const native = nativeRegex(regex);
    const re2 = re2Regex(regex);
    const inputs = [...texts, ...adversarial(regex).map((s) => s.slice(0, 120))].flatMap((s) => [s, s.toUpperCase()]);
    const differing = inputs.filter((s) => JSON.stringify(native(s)) !== JSON.stringify(re2(s)));
    expect(differing).toEqual([]);
    expect(inputs.some((s) => native(s))).toBe(true);
  });
});

describe("native forms of RE2 syntax", () => {
  it.each([
    ["share", "share", "SHARE data"],
    ["(?-i:[A-Z][a-z]+) shares", "(?-i:[A-Z][a-z]+) shares", "Acme SHARES"],
    ["[a-c]x", "[a-c]x", "Bx"],
    ["\\x{E000}", "\\x{E000}", "\uE000"],
    ["a.b", "a.b", "a b"],
    ["a\\sb", "a\\sb", "a\tb"],
  ])("%s", (_name, regex, text) => {
    expect(nativeRegex(regex)(text)).toEqual(re2Regex(regex)(text));
    expect(nativeRegex(regex)(text)).toBeDefined();
  });

  it("finds nested unbounded quantifiers, and lets bounded ones be", () => {
    expect(nestedUnboundedQuantifiers("^(?:(?:the|us)\\s+)*x")).toEqual(["(?:(?:the|us)\\s+)*"]);
    expect(nestedUnboundedQuantifiers("(a+)+$")).toEqual(["(a+)+"]);
    expect(nestedUnboundedQuantifiers("^(?:(?:the|us)\\s+){0,8}x(?:ab)*[(+]*")).toEqual([]);
  });

  it("keeps case where RE2 keeps it, and refuses what it cannot translate", () => {
    expect(nativeRegex("(?-i:Acme)")("acme")).toBeUndefined();
    expect(nativeRegex("a.b")("a\nb")).toBeUndefined();
    expect(() => nativeSource("(?P<name>x)")).toThrow(/not supported/);
    expect(() => nativeSource("\\pL")).toThrow(/not supported/);
    expect(() => nativeSource("é")).toThrow(/non-ASCII/);
  });
});
