import { describe, expect, it } from "vitest";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ReportJson } from "../src/report/schema.js";
import { BaselineSchema } from "../src/report/baseline.js";
import { cli } from "./helpers.js";

// A form of our own: two high risks, a protection, and (as a HIPAA authorization) missing elements.
const form = `Authorization to release health information.

Your scans may be shared with our technology partners and other third parties. Your images may be used to train computer algorithms. You may withdraw at any time. We will never sell your data.
`;
const reason = "Our IRB approved this wording on 2026-03-01";

interface Finding {
  ruleId: string;
  kind: string;
  polarity?: string;
  fingerprint: string;
  accepted?: { reason: string; by: string; date: string };
}

// The model's guesses on this short form would add findings the tests do not count on.
function workspace(config = "fail-on: high\ndisable: [model-commercial-use, model-research-use]\n") {
  const dir = mkdtempSync(join(tmpdir(), "consent-lens-baseline-"));
  writeFileSync(join(dir, ".consent-lens.yaml"), config);
  mkdirSync(join(dir, "forms"));
  writeFileSync(join(dir, "forms", "auth.txt"), form);
  mkdirSync(join(dir, "sub"));
  return dir;
}
const scanJson = async (cwd: string, ...args: string[]) => {
  const result = await cli(["scan", "--format", "json", "--kind", "hipaa-authorization", ...args], { cwd });
  return { ...result, json: ReportJson.parse(JSON.parse(result.stdout)) };
};
const findingsOf = async (cwd: string, path = "forms/auth.txt") => (await scanJson(cwd, path)).json.files[0]!.findings as Finding[];
const byRule = (findings: Finding[], ruleId: string) => findings.find((f) => f.ruleId === ruleId)!;
const baselineOf = (dir: string) => BaselineSchema.parse(JSON.parse(readFileSync(join(dir, ".consent-lens-baseline.json"), "utf8")));

describe("consent-lens accept", () => {
  it("records the finding's fingerprint, the reason, who and when in .consent-lens-baseline.json next to the config", async () => {
    const dir = workspace();
    const sharing = byRule(await findingsOf(dir), "sharing-with-outsiders");
    const id = sharing.fingerprint.slice(0, 8);
    // run from a sub-folder: the baseline goes next to the config, and names the form from there
    const { code, stdout, stderr } = await cli(
      ["accept", "../forms/auth.txt", id, "--reason", reason, "--by", "Ann Lee <ann@example.org>"],
      {
        cwd: join(dir, "sub"),
      },
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^accepted [0-9a-f]{10} \(sharing-with-outsiders, line 3\) in .*\.consent-lens-baseline\.json\n$/);
    expect(existsSync(join(dir, "sub", ".consent-lens-baseline.json"))).toBe(false);
    const [entry] = baselineOf(dir).accepted;
    expect(entry).toEqual({
      file: "forms/auth.txt",
      fingerprint: sharing.fingerprint,
      ruleId: "sharing-with-outsiders",
      sentence: "Your scans may be shared with our technology partners and other third parties.",
      reason,
      by: "Ann Lee <ann@example.org>",
      date: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
    });
    // accepting it again replaces the entry rather than adding one
    const again = await cli(["accept", "forms/auth.txt", sharing.fingerprint, "--reason", "Approved again", "--by", "Bo"], { cwd: dir });
    expect(again.stdout).toMatch(/^accepted again /);
    expect(baselineOf(dir).accepted.map((e) => e.reason)).toEqual(["Approved again"]);
  });

  it("takes who accepts from git config when --by is not given", async () => {
    const dir = workspace();
    const gitConfig = join(dir, "gitconfig");
    writeFileSync(gitConfig, "[user]\n\tname = Pat Officer\n\temail = pat@example.org\n");
    const env = { GIT_CONFIG_GLOBAL: gitConfig, GIT_CONFIG_NOSYSTEM: "1", GIT_CEILING_DIRECTORIES: tmpdir() };
    const id = byRule(await findingsOf(dir), "ai-train-algorithms").fingerprint.slice(0, 12);
    const { code } = await cli(["accept", "forms/auth.txt", id, "--reason", reason], { cwd: dir, env });
    expect(code).toBe(0);
    expect(baselineOf(dir).accepted[0]!.by).toBe("Pat Officer <pat@example.org>");
    writeFileSync(gitConfig, "");
    const nobody = await cli(["accept", "forms/auth.txt", id, "--reason", reason], { cwd: dir, env });
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toBe("consent-lens: say who accepts it with --by (git config has no user.name or user.email here)\n");
  });

  it("accepts a missing element by its id", async () => {
    const dir = workspace();
    const { code, stdout } = await cli(
      ["accept", "--kind", "hipaa-authorization", "forms/auth.txt", "hipaa-expiration", "--reason", "On the cover page", "--by", "Ann"],
      {
        cwd: dir,
      },
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^accepted [0-9a-f]{10} \(hipaa-expiration, missing\)/);
    const missing = byRule(await findingsOf(dir), "hipaa-expiration");
    expect(missing.accepted).toMatchObject({ reason: "On the cover page", by: "Ann" });
    expect(baselineOf(dir).accepted[0]).not.toHaveProperty("sentence");
  });

  it.each([
    [["abc"], /"abc" is not a finding id: give at least 6 hex digits/],
    [
      ["0000000000"],
      /forms\/auth\.txt: no risk or missing element has the id "0000000000"; the ids are the fingerprints of consent-lens scan --format json/,
    ],
    [["sharing-with-outsiders"], /"sharing-with-outsiders" is a rule or element id, and the form does not leave it out/],
    [["hipaa-expiration"], /"hipaa-expiration" is a rule or element id, and the form does not leave it out/],
  ])("refuses an id that names no risk (%s)", async (args, message) => {
    const dir = workspace();
    const { code, stderr } = await cli(["accept", "forms/auth.txt", ...args, "--reason", reason, "--by", "Ann"], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.split("\n")).toHaveLength(2);
    expect(existsSync(join(dir, ".consent-lens-baseline.json"))).toBe(false);
  });

  it("answers in the form's language: Spanish for a Spanish form", async () => {
    const dir = workspace();
    writeFileSync(
      join(dir, "forms", "permiso.txt"),
      "Permiso para entregar su información de salud.\n\nSus radiografías se podrán compartir con nuestros socios de tecnología y con otras empresas. Nunca venderemos sus datos a nadie.\n",
    );
    const findings = await findingsOf(dir, "forms/permiso.txt");
    const risk = findings.find((f) => f.polarity === "risk")!;
    const protection = findings.find((f) => f.polarity === "protection")!;
    const refused = await cli(["accept", "forms/permiso.txt", protection.fingerprint.slice(0, 10), "--reason", reason, "--by", "Ana"], {
      cwd: dir,
    });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /^consent-lens: forms\/permiso\.txt: "[0-9a-f]{10}" es una protección, no un riesgo: no hay nada que aceptar\n$/,
    );
    const unknown = await cli(["accept", "forms/permiso.txt", "0000000000", "--reason", reason, "--by", "Ana"], { cwd: dir });
    expect(unknown.stderr).toMatch(/ningún riesgo ni punto que falta tiene el id "0000000000"/);
    const { code, stdout } = await cli(["accept", "forms/permiso.txt", risk.fingerprint.slice(0, 10), "--reason", reason, "--by", "Ana"], {
      cwd: dir,
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^aceptado [0-9a-f]{10} \\(${risk.ruleId}, línea 3\\) en .*\\.consent-lens-baseline\\.json\n$`));
  });

  it("refuses a protection, and asks for a reason", async () => {
    const dir = workspace();
    const protection = byRule(await findingsOf(dir), "commercial-sale-license");
    expect(protection.polarity).toBe("protection");
    const refused = await cli(["accept", "forms/auth.txt", protection.fingerprint.slice(0, 10), "--reason", reason, "--by", "Ann"], {
      cwd: dir,
    });
    expect(refused.stderr).toMatch(/is a protection, not a risk: there is nothing to accept/);
    const noReason = await cli(["accept", "forms/auth.txt", protection.fingerprint.slice(0, 10), "--by", "Ann"], { cwd: dir });
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain("--reason");
  });
});

describe("scans with a baseline", () => {
  async function accepted() {
    const dir = workspace();
    const findings = await findingsOf(dir);
    const sharing = byRule(findings, "sharing-with-outsiders");
    await cli(["accept", "forms/auth.txt", sharing.fingerprint.slice(0, 10), "--reason", reason, "--by", "Ann Lee"], { cwd: dir });
    return { dir, sharing, ai: byRule(findings, "ai-train-algorithms") };
  }

  it("shows accepted findings apart and does not count them for --fail-on", async () => {
    const { dir, ai } = await accepted();
    const before = await cli(["scan", "forms/auth.txt"], { cwd: dir, columns: 120 });
    expect(before.code).toBe(1);
    expect(before.stderr).toMatch(
      /^consent-lens: 1 high risk: failing because of fail-on: high in \.consent-lens\.yaml \(1 accepted finding not counted\)\n$/,
    );
    expect(before.stdout).toContain("Baseline .consent-lens-baseline.json: 1 finding accepted");
    expect(before.stdout).toMatch(
      /\nAccepted findings \(not counted for --fail-on\)\n {2}HIGH {2}Shared with people outside the study \(line 3, id [0-9a-f]{10}\)\n {6}accepted: Our IRB approved this wording on 2026-03-01, by Ann Lee, \d{4}-\d\d-\d\d\n/,
    );
    expect(before.stdout).toMatch(/\b1 risk\b/);
    await cli(["accept", "forms/auth.txt", ai.fingerprint.slice(0, 10), "--reason", "Approved", "--by", "Ann Lee"], { cwd: dir });
    const after = await cli(["scan", "forms/auth.txt"], { cwd: dir });
    expect(after.stderr).toBe("");
    expect(after.code).toBe(0);
  });

  it("marks them in JSON, SARIF (suppressions), Markdown and HTML, and every report names the baseline", async () => {
    const { dir, sharing } = await accepted();
    const { json } = await scanJson(dir, "forms/auth.txt");
    expect(json.baseline).toEqual({ file: ".consent-lens-baseline.json", accepted: 1 });
    const findings = json.files[0]!.findings as Finding[];
    expect(byRule(findings, "sharing-with-outsiders").accepted).toEqual({ reason, by: "Ann Lee", date: expect.any(String) });
    expect(byRule(findings, "ai-train-algorithms")).not.toHaveProperty("accepted");

    const sarif = JSON.parse((await cli(["scan", "--format", "sarif", "--fail-on", "none", "forms/auth.txt"], { cwd: dir })).stdout);
    const run = sarif.runs[0];
    expect(run.properties).toMatchObject({ baseline: ".consent-lens-baseline.json", accepted: 1 });
    const suppressed = run.results.filter((r: { suppressions?: unknown }) => r.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0].partialFingerprints["consentLens/v1"]).toBe(sharing.fingerprint);
    expect(suppressed[0].suppressions).toEqual([
      { kind: "external", justification: reason, properties: { by: "Ann Lee", date: expect.any(String) } },
    ]);

    const markdown = (await cli(["scan", "--format", "markdown", "forms/auth.txt"], { cwd: dir })).stdout;
    expect(markdown).toContain("- Baseline .consent-lens-baseline.json: 1 finding accepted");
    expect(markdown).toMatch(
      /### Accepted findings\n\nNot counted for `--fail-on`\.\n\n- \*\*HIGH\*\* Shared with people outside the study \(line 3, id `[0-9a-f]{10}`\): accepted: Our IRB approved/,
    );
    const html = (await cli(["scan", "--format", "html", "forms/auth.txt"], { cwd: dir })).stdout;
    expect(html).toContain('<p class="meta">Baseline .consent-lens-baseline.json: 1 finding accepted</p>');
    expect(html).toMatch(
      /<h3 id="r0-accepted-h">Accepted findings<\/h3>[\s\S]*accepted: Our IRB approved this wording on 2026-03-01, by Ann Lee, /,
    );
  });

  it("shows a finding as new again once its sentence changes, and --baseline-check lists the stale entry", async () => {
    const { dir } = await accepted();
    const check = await cli(["scan", "--baseline-check", "forms/auth.txt"], { cwd: dir });
    expect(check.stderr).not.toContain("stale");
    writeFileSync(join(dir, "forms", "auth.txt"), form.replace("technology partners", "business partners"));
    const changed = await cli(["scan", "--baseline-check", "forms/auth.txt"], { cwd: dir });
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain("no finding accepted");
    expect(changed.stderr.split("\n")).toEqual([
      expect.stringMatching(
        /^consent-lens: stale baseline entry: forms\/auth\.txt [0-9a-f]{10} \(sharing-with-outsiders\): the form no longer has this sentence: “Your scans may be shared with our technology partners and other third parties\.”$/,
      ),
      "consent-lens: 2 high risks: failing because of fail-on: high in .consent-lens.yaml",
      "consent-lens: 1 stale baseline entry: failing because of --baseline-check",
      "",
    ]);
    // reflowing the sentence is no change
    writeFileSync(join(dir, "forms", "auth.txt"), form.replace("technology partners and", "technology\npartners and"));
    const reflowed = await cli(["scan", "--baseline-check", "--fail-on", "none", "forms/auth.txt"], { cwd: dir });
    expect(reflowed.stderr).toBe("");
    expect(reflowed.code).toBe(0);
  });

  it("--baseline-check judges the forms scanned, and entries whose form is gone", async () => {
    const { dir } = await accepted();
    writeFileSync(join(dir, "other.txt"), "You may withdraw at any time.");
    const other = await cli(["scan", "--baseline-check", "--fail-on", "none", "other.txt"], { cwd: dir });
    expect(other.code).toBe(0);
    rmSync(join(dir, "forms", "auth.txt"));
    const gone = await cli(["scan", "--baseline-check", "--fail-on", "none", "other.txt"], { cwd: dir });
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/stale baseline entry: forms\/auth\.txt [0-9a-f]{10} \(sharing-with-outsiders\): the form is gone/);
  });

  it("--baseline names the file; a broken hand edit is file:line:col", async () => {
    const dir = workspace("{}\n");
    writeFileSync(
      join(dir, "ours.json"),
      '{\n  "accepted": [\n    { "file": "forms/auth.txt", "fingerprint": "abc", "ruleId": "x", "reason": "", "by": "Ann", "date": "2026-3-1", "resaon": "x" }\n  ]\n}\n',
    );
    const { code, stderr } = await cli(["scan", "--baseline", "ours.json", "forms/auth.txt"], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr.split("\n")).toEqual([
      expect.stringMatching(/ours\.json:3:\d+: accepted\[0\]\.fingerprint: a fingerprint is 64 hex digits/),
      expect.stringMatching(/ours\.json:3:\d+: accepted\[0\]\.reason: give the reason the finding is accepted$/),
      expect.stringMatching(/ours\.json:3:\d+: accepted\[0\]\.date: write the date as YYYY-MM-DD$/),
      expect.stringMatching(/ours\.json:3:\d+: accepted\[0\]\.resaon: unknown field "resaon"; did you mean "reason"\?$/),
      "",
    ]);
    const missing = await cli(["scan", "--baseline", "nothing.json", "forms/auth.txt"], { cwd: dir });
    expect(missing.stderr).toBe("consent-lens: --baseline nothing.json: no such file\n");
    // accept creates the named file
    const id = byRule(await findingsOf(dir), "ai-train-algorithms").fingerprint.slice(0, 10);
    expect(
      (await cli(["accept", "--baseline", "mine.json", "forms/auth.txt", id, "--reason", reason, "--by", "Ann"], { cwd: dir })).code,
    ).toBe(0);
    const scanned = await cli(["scan", "--baseline", "mine.json", "forms/auth.txt"], { cwd: dir });
    expect(scanned.stdout).toContain("Baseline mine.json: 1 finding accepted");
    const note = await cli(["scan", "--baseline-check", "forms/auth.txt"], { cwd: dir });
    expect(note.stderr).toMatch(/--baseline-check: no baseline file \(.*\.consent-lens-baseline\.json\), so nothing to check/);
    expect(note.code).toBe(0);
  });
});
