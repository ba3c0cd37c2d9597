import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, fixture } from "./helpers.js";

// A HIPAA authorization with no expiration: high risks, and one missing HIPAA element.
const noExpiration = fixture("checklist/hipaa-no-expiration.docx");
const calm = "You may withdraw at any time. We will never sell your data.";

const workspace = (config: string) => {
  const dir = mkdtempSync(join(tmpdir(), "consent-lens-fail-on-"));
  writeFileSync(join(dir, ".consent-lens.yaml"), config);
  return dir;
};

describe("--fail-on and --fail-on-missing", () => {
  it("says why it fails in one line on standard error", async () => {
    const { code, stderr } = await cli(["scan", "--fail-on", "high", noExpiration]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^consent-lens: \d+ high risks?: failing because of --fail-on high\n$/);
  });

  it("counts missing required elements with --fail-on-missing, at or above --fail-on", async () => {
    const both = await cli(["scan", "--fail-on", "high", "--fail-on-missing", noExpiration]);
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(
      /^consent-lens: \d+ high risks?, 1 missing HIPAA authorization element: failing because of --fail-on high and --fail-on-missing\n$/,
    );
    // alone, it fails on any missing element and on no risk
    const alone = await cli(["scan", "--fail-on-missing", noExpiration]);
    expect(alone.code).toBe(1);
    expect(alone.stderr).not.toContain("risk");
    expect(alone.stderr).toContain("1 missing HIPAA authorization element");
    const complete = await cli(["scan", "--fail-on-missing", "--kind", "hipaa-authorization", fixture("checklist/hipaa-complete.pdf")]);
    expect(complete.stderr).not.toContain("missing HIPAA");
  });

  it("without --fail-on-missing, a form that leaves out elements passes --fail-on", async () => {
    const { code, stderr } = await cli(["scan", "--fail-on", "high", "--kind", "hipaa-authorization", "-"], { input: calm });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const missing = await cli(["scan", "--fail-on", "high", "--fail-on-missing", "--kind", "hipaa-authorization", "-"], { input: calm });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/\d+ missing HIPAA authorization elements: failing because of --fail-on high and --fail-on-missing/);
  });

  it("--fail-on none never fails, whatever the config says", async () => {
    const dir = workspace("fail-on: info\nfail-on-missing: true\n");
    const strict = await cli(["scan", "--format", "sarif", noExpiration], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(
      /failing because of fail-on: info in .*\.consent-lens\.yaml and fail-on-missing in .*\.consent-lens\.yaml\n$/,
    );
    const none = await cli(["scan", "--format", "sarif", "--fail-on", "none", noExpiration], { cwd: dir });
    expect(none.code).toBe(0);
    expect(none.stderr).toBe("");
    expect(JSON.parse(none.stdout).runs[0].results.length).toBeGreaterThan(0);
  });

  it("counts the forms of a batch that fail", async () => {
    const { code, stderr } = await cli(["scan", "--fail-on", "high", noExpiration, "-"], { input: calm });
    expect(code).toBe(1);
    expect(stderr).toMatch(/ in 1 of 2 forms: failing because of --fail-on high\n$/);
  });

  it("refuses a severity it does not know", async () => {
    const { code, stderr } = await cli(["scan", "--fail-on", "severe", noExpiration]);
    expect(code).toBe(2);
    expect(stderr).toContain("none, info, low, medium, high");
  });
});

describe("diff --fail-on-new", () => {
  const [before, after] = [fixture("imaging-ai-consent.txt"), fixture("revisions/imaging-ai-consent-v2.txt")];

  it("fails only on risks the new version added", async () => {
    const { code, stderr } = await cli(["diff", "--fail-on-new", "medium", before, after]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^consent-lens: (\d+ new high risks?, )?\d+ new medium risks?: failing because of --fail-on-new medium\n$/);
    // the old version has many high risks; comparing it with itself adds none
    const same = await cli(["diff", "--fail-on-new", "info", before, before]);
    expect(same.code).toBe(0);
    expect(same.stderr).toBe("");
  });

  it("counts an element the new version stopped saying", async () => {
    const dir = mkdtempSync(join(tmpdir(), "consent-lens-diff-"));
    writeFileSync(join(dir, "old.txt"), "This authorization expires on December 31, 2030. " + calm);
    writeFileSync(join(dir, "new.txt"), calm);
    const args = ["diff", "--kind", "hipaa-authorization", "--fail-on-new", "high", "old.txt", "new.txt"];
    const { code, stderr } = await cli(args, { cwd: dir });
    expect(stderr).toContain("1 newly missing HIPAA authorization element: failing because of --fail-on-new high");
    expect(code).toBe(1);
    expect((await cli([...args.slice(0, 3), "--fail-on-new", "none", "old.txt", "new.txt"], { cwd: dir })).code).toBe(0);
  });
});
