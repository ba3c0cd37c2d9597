import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ReportJson } from "../src/report/schema.js";
import { root, runCli } from "./helpers.js";

// The real forms of ../shared/corpus are there on the team's machines but not in a
// fresh clone: without them these tests are skipped, never failed.
const corpus = join(root, "..", "shared", "corpus", "files");

describe.skipIf(!existsSync(corpus))("real consent forms (../shared/corpus)", () => {
  it("reads every form, finds risks in each, and tells what kind nearly all of them are", () => {
    // the folder also holds <name>.source.txt notes on where each form came from
    const { code, stdout, stderr } = runCli(["scan", "--format", "json", `${corpus}/*.pdf`, `${corpus}/*.docx`]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const json = ReportJson.parse(JSON.parse(stdout));
    expect(json.files.length).toBeGreaterThanOrEqual(27);
    for (const file of json.files)
      expect(file.findings.filter((f) => f.kind === "phrase" && f.polarity === "risk").length, file.path).toBeGreaterThan(0);
    // an addendum or a bare app notice may fit no kind; nearly all forms do
    expect(json.files.filter((f) => f.kinds.length > 0).length).toBeGreaterThanOrEqual(json.files.length * 0.9);
  });
});
