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
    ["disable: [no-such-rule]\n", /\.consent-lens\.yaml:1: disable\[0\]: no rule or element "no-such-rule"/],
    ["severity:\n  no-such-rule: low\n", /\.consent-lens\.yaml:2: severity\.no-such-rule: no rule or element/],
    ["fail-on: severe\n", /\.consent-lens\.yaml:1: fail-on: Invalid option/],
    ["disabled: [x]\n", /\.consent-lens\.yaml:1: disabled: unknown field "disabled"/],
  ])("a mistake in the config is one line with file:line: field (%s)", async (config, message) => {
    const { code, stderr } = await cli(["scan", fixture("short-notice.md")], { cwd: workspace(config) });
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it("--config names a config file explicitly", async () => {
    const dir = workspace("{}\n", { "strict.yaml": "fail-on: info\n" });
    writeFileSync(join(dir, "form.txt"), form);
    expect((await cli(["scan", "form.txt"], { cwd: dir })).code).toBe(0);
    expect((await cli(["scan", "--config", "strict.yaml", "form.txt"], { cwd: dir })).code).toBe(1);
  });
});
