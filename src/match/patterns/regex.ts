import type { MatchSentence, TokenMatch } from "../sentence.js";
import type { PatternKind } from "./kind.js";

/*
 * Rule regular expressions are written in RE2 syntax and are case-insensitive. A user's
 * run on RE2 (linear time: see re2.ts), so a pattern such as (a+)+$ cannot hang the tool.
 * The bundled pack's are vetted (test/regex.test.ts: no nested unbounded quantifiers, no
 * blow-up on adversarial sentences, the same matches as RE2) and run on native RegExp,
 * which starts at once where compiling them on RE2 took a tenth of a second.
 */
export interface RegexPattern {
  regex: string;
}

/** A compiled rule regex: where it first matches in a text, if it does. */
export type RegexSearch = (text: string) => { start: number; end: number } | undefined;

/** Compiles a rule regex (RE2 syntax, case-insensitive); throws on bad syntax. */
export type RegexEngine = (source: string) => RegexSearch;

export const regexKind: PatternKind<RegexPattern> = {
  key: "regex",
  schema: (z) =>
    z.strictObject({ regex: z.string().min(1) }).describe("A regular expression (RE2 syntax, case-insensitive) on the sentence"),
  compile: (pattern, { regex: engine }) => {
    const search = engine(pattern.regex);
    return (s) => findRegex(search, s);
  },
  describe: (p) => `regex ${p.regex}`,
};

function findRegex(search: RegexSearch, sentence: MatchSentence): TokenMatch | undefined {
  const found = search(sentence.text);
  if (!found) return undefined;
  const from = sentence.span.start + found.start;
  const to = sentence.span.start + found.end;
  const words = sentence.tokens.flatMap((t, i) => (t.end > from && t.start < to ? [i] : []));
  if (words.length === 0) return undefined;
  return { start: words[0]!, end: words.at(-1)! + 1, words };
}

/** The vetted regexes of the bundled pack, on native RegExp. */
export const nativeRegex: RegexEngine = (source) => {
  const regex = new RegExp(nativeSource(source), "u");
  return (text) => {
    const m = regex.exec(text);
    return m ? { start: m.index, end: m.index + m[0].length } : undefined;
  };
};

// RE2's \s is ASCII white space; its `.` is anything but a newline.
const re2Space = String.raw`\t\n\f\r `;
const perlClasses = new Set([..."dDwW"]);
const controls = new Set([..."tnfrv"]);
// Characters a `u` regex lets be escaped: outside a class, and inside one (where `-` is one too).
const syntax = new Set([..."^$\\.*+?()[]{}|/"]);
const classSyntax = new Set([...syntax, "-"]);

type Fail = (what: string) => never;

/**
 * The same regex in JavaScript's syntax, for the `u` flag. Case-insensitivity is spelled out
 * ([sS]) rather than the `i` flag, so that RE2's case-sensitive groups `(?-i:...)` keep their
 * meaning. Only the part of RE2 the pack uses is accepted (groups, classes, \b \d \w \s,
 * \x{...}, quantifiers, anchors); anything else throws, and the bundled pack's test fails.
 */
export function nativeSource(source: string): string {
  const fail: Fail = (what) => {
    throw new Error(`not supported for native regexes: ${what} in ${source}`);
  };
  let out = "";
  let i = 0;
  // One entry per open group: whether its contents are case-sensitive.
  const groups: boolean[] = [];
  const caseSensitive = () => groups.at(-1) ?? false;
  while (i < source.length) {
    const c = source[i]!;
    if (c === "\\") {
      const [escape, next] = readEscape(source, i, fail);
      out += escape;
      i = next;
    } else if (c === "[") {
      const [cls, next] = readClass(source, i, !caseSensitive(), fail);
      out += cls;
      i = next;
    } else if (c === "(") {
      const [opening, sensitive] = groupOpening(source.slice(i), caseSensitive(), fail);
      groups.push(sensitive);
      out += opening.startsWith("(?") ? "(?:" : "(";
      i += opening.length;
    } else if (c === ")") {
      if (groups.pop() === undefined) fail("an unbalanced )");
      out += ")";
      i++;
    } else if (c === "{") {
      const quantifier = /^\{\d+(?:,\d*)?\}/.exec(source.slice(i))?.[0] ?? fail("a brace that is not a quantifier");
      out += quantifier;
      i += quantifier.length;
    } else if (c === ".") {
      out += "[^\\n]";
      i++;
    } else if ("^$|*+?".includes(c)) {
      out += c;
      i++;
    } else {
      const char = String.fromCodePoint(source.codePointAt(i)!);
      out += literal(char, !caseSensitive(), fail);
      i += char.length;
    }
  }
  if (groups.length) fail("an unclosed group");
  return out;
}

// A group's opening, and whether its contents are case-sensitive: (?-i: makes them so, (?i: not.
function groupOpening(rest: string, caseSensitive: boolean, fail: Fail): [string, boolean] {
  const flags = /^\(\?(-?)i:/.exec(rest);
  if (flags) return [flags[0], flags[1] === "-"];
  if (rest.startsWith("(?:")) return ["(?:", caseSensitive];
  if (rest.startsWith("(?")) fail(`the group ${rest.slice(0, 4)}`);
  return ["(", caseSensitive];
}

// An escape outside a class: \b \d \w as they are, \s as RE2 means it, \x{...} as \u{...}, escaped punctuation as itself.
function readEscape(source: string, at: number, fail: Fail): [string, number] {
  const c = source[at + 1] ?? fail("a trailing backslash");
  if (c === "x") {
    const hex = /^\\x(?:\{([0-9a-fA-F]+)\}|([0-9a-fA-F]{2}))/.exec(source.slice(at)) ?? fail("a bad \\x escape");
    return [`\\u{${hex[1] ?? hex[2]}}`, at + hex[0].length];
  }
  if (c === "s") return [`[${re2Space}]`, at + 2];
  if (c === "S") return [`[^${re2Space}]`, at + 2];
  if (c === "b" || c === "B" || perlClasses.has(c) || controls.has(c)) return [`\\${c}`, at + 2];
  if (/[\p{L}\p{N}]/u.test(c)) fail(`the escape \\${c}`);
  return [syntax.has(c) ? `\\${c}` : c, at + 2];
}

// A class, with the other case of each ASCII letter and range added where it is case-insensitive.
function readClass(source: string, at: number, fold: boolean, fail: Fail): [string, number] {
  let i = at + 1;
  let out = "[";
  if (source[i] === "^") {
    out += "^";
    i++;
  }
  // One member: its text in the output, and its code point when it can end a range.
  const member = (): [string, number | undefined] => {
    const c = source[i]!;
    if (c === "[") fail("a nested class or [:name:]");
    if (c !== "\\") {
      const char = String.fromCodePoint(source.codePointAt(i)!);
      i += char.length;
      return [classSyntax.has(char) ? `\\${char}` : char, char.codePointAt(0)];
    }
    const e = source[i + 1] ?? fail("a trailing backslash");
    if (e === "x") {
      const [escape, next] = readEscape(source, i, fail);
      i = next;
      return [escape, Number.parseInt(escape.slice(3, -1), 16)];
    }
    i += 2;
    if (e === "s") return [re2Space, undefined];
    if (perlClasses.has(e) || controls.has(e)) return [`\\${e}`, undefined];
    if (/[\p{L}\p{N}]/u.test(e)) fail(`the escape \\${e} in a class`);
    return [classSyntax.has(e) ? `\\${e}` : e, e.codePointAt(0)];
  };
  for (let first = true; i < source.length && (source[i] !== "]" || first); first = false) {
    const [from, low] = member();
    if (source[i] === "-" && i + 1 < source.length && source[i + 1] !== "]") {
      i++;
      const [to, high] = member();
      if (low === undefined || high === undefined) fail("a range that starts or ends with a class escape");
      out += `${from}-${to}${fold ? otherCase(low, high) : ""}`;
    } else out += from + (fold && low !== undefined ? otherCase(low, low) : "");
  }
  if (source[i] !== "]") fail("an unclosed class");
  return [out + "]", i + 1];
}

// A character outside a class; where case does not matter, a letter is both its cases.
function literal(char: string, fold: boolean, fail: Fail): string {
  const lower = char.toLowerCase();
  const upper = char.toUpperCase();
  const text = syntax.has(char) ? `\\${char}` : char;
  if (!fold || lower === upper) return text;
  if (!/^[a-zA-Z]$/.test(char)) fail(`the non-ASCII letter ${char} outside a case-sensitive group`);
  return `[${lower}${upper}]`;
}

// The ASCII letters among code points low..high, in the other case (a-f gives A-F).
function otherCase(low: number, high: number): string {
  const shifted = (from: number, to: number, shift: number) => {
    const a = Math.max(low, from);
    const b = Math.min(high, to);
    if (a > b) return "";
    return a === b ? String.fromCharCode(a + shift) : `${String.fromCharCode(a + shift)}-${String.fromCharCode(b + shift)}`;
  };
  return shifted(97, 122, -32) + shifted(65, 90, 32);
}
