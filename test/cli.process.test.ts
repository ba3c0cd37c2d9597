// The few things only a real process shows: the exit code bin/ sets, standard input,
// the rule bundle of the build, and output kept clean of what libraries print (an unreadable
// PDF's, in batch.process.test.ts).
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { listRules } from "../src/cli/rules.js";
import { loadRules } from "../src/rules/load.js";
import { ReportJson } from "../src/report/schema.js";
import { fixture, root, runCli } from "./helpers.js";

describe("consent-lens as a process", () => {
  it("reads a form from standard input, sets exit 1 for --fail-on, and keeps its output clean of a .env file in its folder", () => {
    // natural's top level would load a .env file of the working folder and say so on standard output
    const dir = mkdtempSync(join(tmpdir(), "consent-lens-env-"));
    writeFileSync(join(dir, ".env"), "SECRET_TOKEN=abc\n");
    const { code, stdout } = runCli(["scan", "--format", "json", "--fail-on", "high", "-"], {
      input: "Your images may be shared with third parties and used to train algorithms.",
      cwd: dir,
    });
    expect(code).toBe(1);
    expect(stdout).not.toMatch(/dotenv|injected env/);
    const json = ReportJson.parse(JSON.parse(stdout));
    expect(json.files[0]!.findings.map((f) => f.category)).toEqual(expect.arrayContaining(["third-party-sharing", "ai-training"]));
  });

  it("stops quietly when the reader of its output stops early (| head)", () => {
    const bin = join(root, "bin", "consent-lens.js");
    const forms = ["imaging-ai-consent.pdf", "research-biobank-consent.pdf", "hipaa-authorization.pdf"].map(fixture);
    const command = `"${process.execPath}" "${bin}" scan --details ${forms.map((f) => `"${f}"`).join(" ")} | head -1`;
    const result = spawnSync("sh", ["-c", command], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(result.stdout).toBe(`${forms[0]}\n`);
    expect(result.stderr).toBe("");
  });

  it("starts from the rule bundle of the build, which holds the same rules as the YAML files", () => {
    expect(runCli(["rules", "list"]).stdout).toBe(listRules(loadRules()));
  });
});
