import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundledRules, loadRules } from "../src/rules/load.js";
import { categories } from "../src/types.js";
import { checkExamples } from "../src/rules/examples.js";
import { cli, rulebook } from "./helpers.js";

const bundled = rulebook();

describe("the bundled rule pack", () => {
  const results = checkExamples(bundled);
  it.each(results.map((r) => [r.ruleId, r.expected, r.sentence, r] as const))("%s: %s “%s”", (_id, _expected, _sentence, r) => {
    expect({ got: r.actual, matched: r.matched, cue: r.cue }).toMatchObject({ got: r.expected });
  });

  // Every rule, and every wording of it in another language (rules/es), is held to the same bar.
  it.each(bundled.rules.map((c) => [c.lang, c.rule.id, c.rule] as const))(
    "%s: %s has 3 examples it must match and 2 it must not",
    (_lang, _id, rule) => {
      const { risk, protection, none } = rule.examples;
      const [matching, other] = rule.polarity === "risk" ? [risk, protection] : [protection, risk];
      expect(matching.length).toBeGreaterThanOrEqual(3);
      expect(other.length + none.length).toBeGreaterThanOrEqual(2);
    },
  );

  it.each(categories.map((c) => [c]))("category %s has risk and protection examples", (category) => {
    const rules = bundled.rules.map((c) => c.rule).filter((r) => r.category === category);
    expect(rules.flatMap((r) => r.examples.risk).length).toBeGreaterThan(0);
    expect(rules.flatMap((r) => r.examples.protection).length).toBeGreaterThan(0);
  });
});

describe("rule files with mistakes", () => {
  const dir = mkdtempSync(join(tmpdir(), "consent-lens-rules-"));
  const pack = (name: string, yaml: string) => {
    const file = join(dir, name);
    writeFileSync(file, yaml);
    return file;
  };
  const rule = (extra: string) => `rules:
  - id: my-rule
    category: third-party-sharing
    severity: high
    title: Shared
    explanation: Why.
    questions: [Who?]
    patterns: ["share ~3 partner*"]
    examples:
      risk: [We share data with partners.]
      none: [Nothing here.]
${extra}`;
  const loadError = (file: string) => {
    try {
      loadRules([bundledRules, file]);
    } catch (error) {
      return (error as Error).message;
    }
    return "loaded";
  };

  it.each([
    [
      "typo-field.yaml",
      rule("    explantion: oops\n"),
      /typo-field\.yaml:12:5: rules\[0\]\.explantion: unknown field "explantion"; did you mean "explanation"\?/,
    ],
    [
      "bad-category.yaml",
      rule("").replace("third-party-sharing", "sharing"),
      /bad-category\.yaml:3:15: rules\[0\]\.category: "sharing" is not one of: research-use, third-party-sharing, /,
    ],
    ["bad-yaml.yaml", "rules:\n  - id: x\n   category: [\n", /bad-yaml\.yaml:\d+:\d+: /],
    [
      "bad-phrase.yaml",
      rule("").replace('"share ~3 partner*"', '"share (partner"'),
      /bad-phrase\.yaml:8:\d+: rules\[0\]\.patterns\[0\]: missing \)/,
    ],
    [
      "bad-list.yaml",
      rule("").replace('"share ~3 partner*"', '"share @nosuchlist"'),
      /bad-list\.yaml:8:\d+: rules\[0\]\.patterns\[0\]: unknown list @nosuchlist/,
    ],
    [
      "bad-regex.yaml",
      rule("").replace('["share ~3 partner*"]', "[{ regex: '(?<=x)y' }]"),
      /bad-regex\.yaml:8:\d+: rules\[0\]\.patterns\[0\]: /,
    ],
    [
      "no-examples.yaml",
      rule("").replace(/examples:[\s\S]*$/, "examples: {}\n"),
      /no-examples\.yaml:\d+:\d+: rules\[0\]\.examples\.risk: give at least one sentence/,
    ],
  ])("%s fails with file:line:col: field: problem", (name, yaml, message) => {
    expect(loadError(pack(name, yaml))).toMatch(message);
  });

  it("reports every problem of every file in one run, in plain words, with the field a typo meant", () => {
    const first = pack(
      "many-problems.yaml",
      rule("    explantion: oops\n")
        .replace("severity: high", "severity: hi")
        .replace('["share ~3 partner*"]', '["share (partner", { near: [share, partners], whitin: 3 }]')
        .replace("risk: [We share data with partners.]", 'risk: [{ sentence: "We share data with partners.", match: "share" }]'),
    );
    const second = pack("more-problems.yaml", rule("").replace("my-rule", "Other_Rule").replace("title: Shared", 'title: ""'));
    const lines = loadError(first).split("\n");
    expect(lines).toEqual([
      expect.stringMatching(
        /many-problems\.yaml:4:15: rules\[0\]\.severity: "hi" is not one of: high, medium, low, info; did you mean "high"\?$/,
      ),
      expect.stringMatching(
        /many-problems\.yaml:8:\d+: rules\[0\]\.patterns\[1\]\.whitin: unknown field "whitin"; did you mean "within"\?$/,
      ),
      expect.stringMatching(
        /many-problems\.yaml:10:\d+: rules\[0\]\.examples\.risk\[0\]\.match: unknown field "match"; did you mean "matches"\?$/,
      ),
      expect.stringMatching(/many-problems\.yaml:12:5: rules\[0\]\.explantion: unknown field "explantion"; did you mean "explanation"\?$/),
    ]);
    // Every file's problems come in one run, and once the files read, their compile problems come all together too.
    let message = "";
    try {
      loadRules([bundledRules, first, second]);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split("\n")).toHaveLength(6);
    expect(message).toMatch(
      /\n.*more-problems\.yaml:2:9: rules\[0\]\.id: use lower-case words joined by hyphens\n.*more-problems\.yaml:5:12: rules\[0\]\.title: cannot be empty$/,
    );
    const fixed = pack("compile-problems.yaml", rule("").replace('["share ~3 partner*"]', '["share (partner", "share @nosuchlist"]'));
    expect(loadError(fixed).split("\n")).toEqual([
      expect.stringMatching(/compile-problems\.yaml:8:\d+: rules\[0\]\.patterns\[0\]: missing \)$/),
      expect.stringMatching(/compile-problems\.yaml:8:\d+: rules\[0\]\.patterns\[1\]: unknown list @nosuchlist$/),
    ]);
  });

  it("rejects a rule id that is used twice", () => {
    const file = pack("twice.yaml", rule("") + rule("").replace("rules:\n", ""));
    expect(loadError(file)).toMatch(
      /twice\.yaml:\d+:\d+: rules\[1\]\.id: rule id "my-rule" is already used in .*twice\.yaml; to replace that rule, say "overrides: my-rule"/,
    );
  });

  it("runs a user's pathological regex in linear time", () => {
    const file = pack(
      "redos.yaml",
      rule("")
        .replace('["share ~3 partner*"]', () => "[{ regex: '(a+)+$' }]")
        .replace(/risk: \[.*\]/, `risk: ["${"a".repeat(40)}"]`)
        // No match here, after trying every way to split the a's: what backtracking engines cannot do in time.
        .replace(/none: \[.*\]/, `none: ["${"a".repeat(40)}!"]`),
    );
    expect(loadError(file)).toBe("loaded");
    const rules = loadRules([bundledRules, file], { only: [file] });
    const started = Date.now();
    expect(checkExamples(rules).every((r) => r.passed)).toBe(true);
    // Backtracking takes about 2^40 steps (hours) on this input; RE2 takes milliseconds, so even a loaded machine is far below.
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  // The bundled pack's examples are each a test above: running `rules test` on it again here would double the cost.
  it("rules test: fails clearly on a broken example", async () => {
    const broken = pack("broken-example.yaml", rule("").replace("We share data with partners.", "We keep data to ourselves."));
    const { code, stdout } = await cli(["rules", "test", "--rules", broken]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ my-rule .*broken-example\.yaml\n\s+expected risk, got no match\n\s+“We keep data to ourselves\.”/);
    expect(stdout).toMatch(/1 rules, 2 examples: 1 passed, 1 failed/);
  });

  it("an example may say which words the rule must match, and rules test checks them", async () => {
    const right = pack(
      "where-right.yaml",
      rule("").replace(
        "risk: [We share data with partners.]",
        'risk: [{ sentence: "We share data with partners.", matches: "share data with partners" }]',
      ),
    );
    expect((await cli(["rules", "test", "--rules", right])).code).toBe(0);
    const wrong = pack(
      "where-wrong.yaml",
      rule("").replace("risk: [We share data with partners.]", 'risk: [{ sentence: "We share data with partners.", matches: "partners" }]'),
    );
    const { code, stdout } = await cli(["rules", "test", "--rules", wrong]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/expected risk on “partners”, got risk on “share data with partners”/);
  });

  it("a broken rule file makes scan exit 2 with one line per problem", async () => {
    const { code, stderr } = await cli(["scan", "--rules", pack("typo2.yaml", rule("    explantion: oops\n")), "fixtures/short-notice.md"]);
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/typo2\.yaml:12:5: rules\[0\]\.explantion: unknown field/);
  });
});

describe("the phrase language", () => {
  it("refuses side-by-side bare alternations, which nearly always mean a phrase choice", async () => {
    const { parsePhrase } = await import("../src/match/patterns/phrase/parse.js");
    expect(() => parsePhrase("opt out|withdraw|refuse", new Map())).not.toThrow();
    expect(() => parsePhrase("voluntary|opt out|withdraw", new Map())).toThrow(/ambiguous "\|"/);
    expect(() => parsePhrase("(voluntary|opt out|withdraw)", new Map())).not.toThrow();
  });
});

describe("rules with a lead-in", () => {
  const dir = mkdtempSync(join(tmpdir(), "consent-lens-leadin-"));
  const file = join(dir, "lead-in.yaml");
  writeFileSync(
    file,
    `rules:
  - id: listed-recipient
    category: third-party-sharing
    severity: medium
    title: Listed recipient
    explanation: Why.
    questions: [Who?]
    patterns: ["sponsor*|laborator*"]
    leadIn: ["share|=seen", "@data"]
    examples:
      risk: ["Who may see and share your records:\\n• the study sponsor"]
      none: ["• the study sponsor", "The sponsor pays for the study."]
`,
  );
  const rules = loadRules([bundledRules, file], { only: [file] });
  const run = (example: string) => {
    const rule = rules.rules[0]!;
    const withExample = { ...rule, rule: { ...rule.rule, examples: { risk: [], protection: [], none: [example] } } };
    return checkExamples({ ...rules, rules: [withExample], elements: [] })[0]!.actual;
  };

  it("match list items whose lead-in holds every leadIn phrase, and nothing else", () => {
    expect(
      checkExamples(rules)
        .filter((r) => r.ruleId === "listed-recipient")
        .every((r) => r.passed),
    ).toBe(true);
    expect(run("Your records may be seen by:\n• an outside laboratory")).toBe("risk");
    expect(run("Your records may be seen by:\n• your family doctor")).toBe("none");
    expect(run("Questions about the study:\n• the study sponsor")).toBe("none");
  });
});
