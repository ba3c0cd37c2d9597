import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, fixture } from "./helpers.js";

const workspace = (config: string, files: Record<string, string> = {}) => {
  const dir = mkdtempSync(join(tmpdir(), "consent-lens-config-"));
  writeFileSync(join(dir, ".consent-lens.yaml"), config);
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  mkdirSync(join(dir, "sub"));
  return dir;
};
const scan = async (cwd: string, ...args: string[]) => {
  const result = await cli(["scan", "--format", "json", ...args], { cwd });
  return { ...result, file: result.stdout ? JSON.parse(result.stdout).files[0] : undefined };
};
const form = "Your scans may be shared with our technology partners. You will keep a copy of this form.";
const ruleIds = (file: { findings: { ruleId: string; kind: string }[] }) =>
  file.findings.filter((f) => f.kind === "phrase").map((f) => f.ruleId);

const customPack = `rules:
  - id: copy-of-form
    category: policy-change
    severity: high
    title: Copy of the form
    explanation: Test rule.
    questions: [Do I get a copy?]
    patterns: ["keep ~2 copy"]
    examples:
      risk: [You will keep a copy of this form.]
      none: [Nothing here.]
`;

describe("configuration and custom packs", () => {
  it("a custom pack adds its rules to the scan", async () => {
    const dir = workspace("rules: [team.yaml]\n", { "team.yaml": customPack });
    writeFileSync(join(dir, "form.txt"), form);
    expect(ruleIds((await scan(dir, "form.txt")).file)).toContain("copy-of-form");
    // without the config, --rules does the same
    writeFileSync(join(dir, ".consent-lens.yaml"), "{}\n");
    expect(ruleIds((await scan(dir, "form.txt")).file)).not.toContain("copy-of-form");
    expect(ruleIds((await scan(dir, "--rules", "team.yaml", "form.txt")).file)).toContain("copy-of-form");
  });

  it("is found from a parent folder, and can turn rules off and change severities", async () => {
    const dir = workspace("rules: [team.yaml]\n", { "team.yaml": customPack });
    writeFileSync(join(dir, "form.txt"), form);
    const before = (await scan(join(dir, "sub"), join(dir, "form.txt"))).file;
    const sharing = before.findings.find((f: { category: string }) => f.category === "third-party-sharing");
    expect(sharing).toBeDefined();
    writeFileSync(join(dir, ".consent-lens.yaml"), `rules: [team.yaml]\ndisable: [${sharing.ruleId}]\nseverity:\n  copy-of-form: low\n`);
    const after = (await scan(join(dir, "sub"), join(dir, "form.txt"))).file;
    expect(ruleIds(after)).not.toContain(sharing.ruleId);
    expect(after.findings.find((f: { ruleId: string }) => f.ruleId === "copy-of-form").severity).toBe("low");
  });

  it("sets fail-on, and the flag wins over it", async () => {
    const dir = workspace("rules: [team.yaml]\nfail-on: high\n", { "team.yaml": customPack });
    writeFileSync(join(dir, "form.txt"), form);
    expect((await cli(["scan", "form.txt"], { cwd: dir })).code).toBe(1);
    expect((await cli(["scan", "--fail-on", "info", "form.txt"], { cwd: dir })).code).toBe(1);
    writeFileSync(join(dir, ".consent-lens.yaml"), "rules: [team.yaml]\ndisable: [copy-of-form]\nfail-on: high\n");
    writeFileSync(join(dir, "calm.txt"), "You may withdraw at any time.");
    expect((await cli(["scan", "calm.txt"], { cwd: dir })).code).toBe(0);
  });

  it.each([
    ["disable: [no-such-rule]\n", /\.consent-lens\.yaml:1:11: disable\[0\]: no rule or element "no-such-rule"/],
    ["severity:\n  no-such-rule: low\n", /\.consent-lens\.yaml:2:3: severity\.no-such-rule: no rule or element/],
    ["fail-on: severe\n", /\.consent-lens\.yaml:1:10: fail-on: "severe" is not one of: none, info, low, medium, high/],
    ["disabled: [x]\n", /\.consent-lens\.yaml:1:1: disabled: unknown field "disabled"; did you mean "disable"\?/],
  ])("a mistake in the config is one line with file:line:col: field (%s)", async (config, message) => {
    const { code, stderr } = await cli(["scan", fixture("short-notice.md")], { cwd: workspace(config) });
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it("reports every mistake of the config in one run, with the id or field a typo meant", async () => {
    const config = "disable: [no-such-rule, sharing-with-outsider]\nfail-on: hihg\nseverity:\n  nothing-here: low\nfail-on-mising: true\n";
    const { code, stderr } = await cli(["scan", fixture("short-notice.md")], { cwd: workspace(config) });
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        /\.consent-lens\.yaml:2:10: fail-on: "hihg" is not one of: none, info, low, medium, high; did you mean "high"\?$/,
      ),
      expect.stringMatching(/\.consent-lens\.yaml:5:1: fail-on-mising: unknown field "fail-on-mising"; did you mean "fail-on-missing"\?$/),
      expect.stringMatching(/\.consent-lens\.yaml:1:11: disable\[0\]: no rule or element "no-such-rule"$/),
      expect.stringMatching(
        /\.consent-lens\.yaml:1:25: disable\[1\]: no rule or element "sharing-with-outsider"; did you mean "sharing-with-outsiders"\?$/,
      ),
      expect.stringMatching(/\.consent-lens\.yaml:4:3: severity\.nothing-here: no rule or element "nothing-here"$/),
    ]);
  });

  const replacement = (id: string, overrides: string) => `rules:
  - id: ${id}
    overrides: ${overrides}
    category: policy-change
    severity: low
    title: Shared with our partners (our wording)
    explanation: Our own explanation.
    questions: [Which partners?]
    patterns: ["share ~3 partner*"]
    examples:
      risk: [We may share your scans with partners.]
      none: [Nothing here.]
`;

  it("a custom rule replaces a bundled one when it says so, and rules list shows where each rule comes from", async () => {
    const dir = workspace("{}\n", { "ours.yaml": replacement("sharing-with-outsiders", "sharing-with-outsiders") });
    const list = await cli(["rules", "list", "--rules", "ours.yaml"], { cwd: dir });
    expect(list.stdout).toMatch(
      /\nsharing-with-outsiders +policy-change +low +Shared with our partners \(our wording\) +\S*ours\.yaml, replaces sharing-with-outsiders\n/,
    );
    expect(list.stdout.match(/^sharing-with-outsiders /gm)).toHaveLength(1);
    expect(list.stdout).toMatch(/\nai-train-algorithms +ai-training +high +Used to train or test AI and algorithms +bundled\n/);
    const explained = await cli(["explain", "--rules", "ours.yaml", "sharing-with-outsiders"], { cwd: dir });
    expect(explained.stdout).toMatch(/\nfrom: \S*ours\.yaml, replacing the rule sharing-with-outsiders\n/);
    // under a new id, the old one is gone
    writeFileSync(join(dir, "ours.yaml"), replacement("our-partners", "sharing-with-outsiders"));
    const renamed = await cli(["rules", "list", "--rules", "ours.yaml"], { cwd: dir });
    expect(renamed.stdout).toMatch(/\nour-partners +policy-change +low +.+ +\S*ours\.yaml, replaces sharing-with-outsiders\n/);
    expect(renamed.stdout).not.toMatch(/^sharing-with-outsiders /m);
    writeFileSync(join(dir, "form.txt"), "We may share your scans with partners.");
    const { file } = await scan(dir, "--rules", "ours.yaml", "form.txt");
    expect(ruleIds(file)).toContain("our-partners");
    expect(ruleIds(file)).not.toContain("sharing-with-outsiders");
  });

  it("a rule that reuses an id without overrides, or replaces a rule that does not exist, is an error with a hint", async () => {
    const dir = workspace("{}\n", { "ours.yaml": replacement("sharing-with-outsiders", "sharing-with-outsider") });
    const wrong = await cli(["rules", "list", "--rules", "ours.yaml"], { cwd: dir });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(
      /ours\.yaml:3:16: rules\[0\]\.overrides: no rule "sharing-with-outsider" in the packs loaded before this one; did you mean "sharing-with-outsiders"\?/,
    );
    writeFileSync(join(dir, "ours.yaml"), replacement("sharing-with-outsiders", "x").replace("    overrides: x\n", ""));
    const twice = await cli(["rules", "list", "--rules", "ours.yaml"], { cwd: dir });
    expect(twice.stderr).toMatch(
      /ours\.yaml:2:9: rules\[0\]\.id: rule id "sharing-with-outsiders" is already used in .*third-party-sharing\.yaml; to replace that rule, say "overrides: sharing-with-outsiders"/,
    );
  });

  it("rules test of a pack runs a replacing rule's examples", async () => {
    const dir = workspace("{}\n", { "ours.yaml": replacement("sharing-with-outsiders", "sharing-with-outsiders") });
    const { code, stdout } = await cli(["rules", "test", "--rules", "ours.yaml"], { cwd: dir });
    expect(stdout).toMatch(/^1 rules, 2 examples: 2 passed, 0 failed/m);
    expect(code).toBe(0);
  });

  it("--config names a config file explicitly", async () => {
    const dir = workspace("{}\n", { "strict.yaml": "fail-on: info\n" });
    writeFileSync(join(dir, "form.txt"), form);
    expect((await cli(["scan", "form.txt"], { cwd: dir })).code).toBe(0);
    expect((await cli(["scan", "--config", "strict.yaml", "form.txt"], { cwd: dir })).code).toBe(1);
  });
});
