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

  it("a pack that adds to a bundled list widens the bundled rules that name it, through the lists that name it", async () => {
    // recipients-commercial is named by the list recipients, which the bundled sharing rule names
    const dir = workspace("{}\n", { "names.yaml": 'lists:\n  recipients-commercial:\n    - "=quillfern"\n' });
    writeFileSync(join(dir, "form.txt"), "Your records may be disclosed to Quillfern for any purpose.");
    expect(ruleIds((await scan(dir, "form.txt")).file)).not.toContain("sharing-with-outsiders");
    expect(ruleIds((await scan(dir, "--rules", "names.yaml", "form.txt")).file)).toContain("sharing-with-outsiders");
  });

  it("--config names a config file explicitly", async () => {
    const dir = workspace("{}\n", { "strict.yaml": "fail-on: info\n" });
    writeFileSync(join(dir, "form.txt"), form);
    expect((await cli(["scan", "form.txt"], { cwd: dir })).code).toBe(0);
    expect((await cli(["scan", "--config", "strict.yaml", "form.txt"], { cwd: dir })).code).toBe(1);
  });
});

// A team's own rules: one more sharing rule, and one that calls sharing with partners a protection.
const sharingPack = `rules:
  - id: team-partners
    category: third-party-sharing
    severity: low
    title: Shared with technology partners
    explanation: Test rule.
    questions: [Which partners?]
    patterns: ["shared ~3 technology partners"]
    examples:
      risk: [Your scans may be shared with our technology partners.]
      none: [Nothing here.]
`;
const flippingPack = `rules:
  - id: team-partners-fine
    category: third-party-sharing
    severity: low
    polarity: protection
    negatable: false
    title: Partners are fine
    explanation: Test rule.
    patterns: ["shared ~3 technology partners"]
    examples:
      protection: [Your scans may be shared with our technology partners.]
      none: [Nothing here.]
`;

describe("nothing hidden changes a verdict", () => {
  const changed = async () => {
    const dir = workspace("rules: [team.yaml]\nfail-on: high\n", { "team.yaml": customPack });
    writeFileSync(join(dir, "form.txt"), form);
    const sharing = (await scan(dir, "--no-config", "form.txt")).file.findings.find(
      (f: { category: string }) => f.category === "third-party-sharing",
    );
    writeFileSync(
      join(dir, ".consent-lens.yaml"),
      `rules: [team.yaml]\ndisable: [${sharing.ruleId}]\nseverity:\n  copy-of-form: low\nfail-on: high\n`,
    );
    return { dir, sharing: sharing.ruleId as string };
  };

  it.each(["terminal", "markdown", "html"])("the %s report names the config, the pack and every change they make", async (format) => {
    const { dir, sharing } = await changed();
    const { stdout } = await cli(["scan", "-f", format, "form.txt"], { cwd: dir });
    const text = stdout.replace(/\s+/g, " ");
    expect(text).toMatch(/Config file: \S*\.consent-lens\.yaml/);
    expect(text).toMatch(/Rule pack \S*team\.yaml adds 1 rule \(copy-of-form\)/);
    expect(text).toContain(`Turned off by the config: ${sharing}`);
    expect(text).toContain("Severities changed by the config: copy-of-form high → low");
    expect(text).toContain("Exit code: the config sets fail-on high");
  });

  it("JSON and SARIF carry the same as a run object", async () => {
    const { dir, sharing } = await changed();
    const json = JSON.parse((await cli(["scan", "-f", "json", "form.txt"], { cwd: dir })).stdout);
    const run = {
      config: expect.stringMatching(/\.consent-lens\.yaml$/),
      packs: [{ path: expect.stringMatching(/team\.yaml$/), languages: ["en"], rules: ["copy-of-form"], elements: [] }],
      disabled: [sharing],
      severities: [{ id: "copy-of-form", from: "high", to: "low" }],
      failOn: "high",
    };
    expect(json.run).toEqual(run);
    expect(json.files[0].findings.find((f: { ruleId: string }) => f.ruleId === "copy-of-form").pack).toMatch(/team\.yaml$/);
    const sarif = JSON.parse((await cli(["scan", "-f", "sarif", "form.txt"], { cwd: dir })).stdout);
    expect(sarif.runs[0].properties.ruleChanges).toEqual(run);
  });

  it("--no-config ignores a config found in the folder", async () => {
    const { dir, sharing } = await changed();
    const { file, stdout } = await scan(dir, "--no-config", "form.txt");
    expect(JSON.parse(stdout).run).toEqual({ config: null, packs: [], disabled: [], severities: [] });
    expect(ruleIds(file)).toContain(sharing);
    expect((await cli(["scan", "--no-config", "form.txt"], { cwd: dir })).code).toBe(0);
  });

  it("a pack's rule is reported beside a bundled rule of the same category on the same sentence", async () => {
    const dir = workspace("{}\n", { "team.yaml": sharingPack });
    writeFileSync(join(dir, "form.txt"), form);
    const sharing = (await scan(dir, "--rules", "team.yaml", "form.txt")).file.findings.filter(
      (f: { category: string }) => f.category === "third-party-sharing",
    );
    expect(sharing).toHaveLength(2);
    expect(sharing.map((f: { pack?: string }) => f.pack)).toEqual([undefined, expect.stringMatching(/team\.yaml$/)]);
    expect(sharing[0].sentence).toBe(sharing[1].sentence);
  });

  it("a pack that calls a bundled risk a protection is called out in every format, and the risk stands", async () => {
    const dir = workspace("{}\n", { "team.yaml": flippingPack });
    writeFileSync(join(dir, "form.txt"), form);
    const plain = (await scan(dir, "form.txt")).file;
    const { file } = await scan(dir, "--rules", "team.yaml", "form.txt");
    const risk = file.findings.find(
      (f: { category: string; polarity: string }) => f.category === "third-party-sharing" && f.polarity === "risk",
    );
    const protection = file.findings.find((f: { ruleId: string }) => f.ruleId === "team-partners-fine");
    expect(risk).toBeDefined();
    expect(protection).toMatchObject({ polarity: "protection", disputes: risk.ruleId, pack: expect.stringMatching(/team\.yaml$/) });
    expect([file.grade, file.score]).toEqual([plain.grade, plain.score]);
    const called = new RegExp(`which calls this a protection where rule ${risk.ruleId} finds a risk; the risk stands`);
    for (const format of ["terminal", "markdown", "html"]) {
      const { stdout } = await cli(["scan", "-f", format, "--rules", "team.yaml", "form.txt"], { cwd: dir });
      expect(stdout.replace(/\s+/g, " "), format).toMatch(called);
    }
    const sarif = JSON.parse((await cli(["scan", "-f", "sarif", "--rules", "team.yaml", "form.txt"], { cwd: dir })).stdout);
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === risk.ruleId);
    expect(result.properties.disputedBy).toEqual([{ ruleId: "team-partners-fine", pack: expect.stringMatching(/team\.yaml$/) }]);
  });
});
