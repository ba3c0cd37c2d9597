import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ReportJson } from "../src/report/schema.js";
import { spawnSync } from "node:child_process";
import { formFolder as folder, root, runCli } from "./helpers.js";

describe("batch scans", () => {
  it("scans a folder recursively in parallel, reports every file in a stable order, and exits 2 for the broken one", () => {
    const dir = folder();
    const { code, stdout, stderr } = runCli(["scan", "--format", "json", dir]);
    expect(code).toBe(2);
    const json = ReportJson.parse(JSON.parse(stdout));
    expect(json.files.map((f) => f.path.slice(dir.length + 1))).toEqual([
      "imaging-ai-consent.pdf",
      "more/hipaa-authorization.pdf",
      "protective-form.docx",
      "short-notice.md",
    ]);
    expect(json.errors).toEqual([{ path: join(dir, "broken.pdf"), error: expect.stringMatching(/damaged/) }]);
    // not a terminal: no progress bar, just a line about the file left out and one about the broken file
    expect(stderr).toBe(
      `consent-lens: skipped ${join(dir, "notes.csv")}: not a form consent-lens reads (.csv)\n` +
        `consent-lens: ${join(dir, "broken.pdf")}: the PDF is damaged or incomplete and cannot be read\n`,
    );
  });

  it("ends the terminal report with a summary table, and draws a progress bar on standard error when it is a terminal", () => {
    const dir = folder();
    const report = join(mkdtempSync(join(tmpdir(), "consent-lens-report-")), "report.txt");
    const command = `"${process.execPath}" "${join(root, "bin", "consent-lens.js")}" scan "${dir}" > "${report}"`;
    // `script` gives the command a terminal, as a user's shell would; without it, no bar is drawn
    const terminal = existsSync("/usr/bin/script");
    const run = spawnSync(terminal ? "script" : "sh", terminal ? ["-qec", command, "/dev/null"] : ["-c", command], {
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    const stdout = readFileSync(report, "utf8");
    expect(stdout).toMatch(/Summary\nfile +kind +grade +risks \(high\/medium\/low\/info\) +missing\n/);
    expect(stdout).toMatch(/protective-form\.docx .* A \(\d+/);
    expect(stdout).toMatch(/broken\.pdf {2}could not be read: the PDF is damaged/);
    if (terminal) expect(run.stdout).toMatch(/\r\[#+ *\] \d\/5 /);
  });
});
