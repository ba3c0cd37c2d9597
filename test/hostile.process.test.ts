// Hostile input that would hang the test process itself if the fix regressed, so it runs the built CLI
// with a time limit: a named pipe or a device named as a form or a config file.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { fixture, root } from "./helpers.js";

const consentLens = (args: string[]) =>
  spawnSync(process.execPath, [fileURLToPath(new URL("../bin/consent-lens.js", import.meta.url)), ...args], {
    encoding: "utf8",
    cwd: root,
    timeout: 20_000,
  });

const noFifos = spawnSync("mkfifo", ["--version"]).error !== undefined;

describe("files that are not files", () => {
  it.skipIf(noFifos)("refuses a named pipe given as a form or as a config file, in one line, without waiting for a writer", () => {
    const pipe = join(mkdtempSync(join(tmpdir(), "consent-lens-fifo-")), "pipe");
    expect(spawnSync("mkfifo", [pipe]).status).toBe(0);
    const form = consentLens(["scan", pipe]);
    expect(form.status).toBe(2);
    expect(form.stderr).toBe(`consent-lens: ${pipe}: is not a regular file (a named pipe)\n`);
    const config = consentLens(["scan", "--config", pipe, fixture("short-notice.md")]);
    expect(config.status).toBe(2);
    expect(config.stderr).toBe(`consent-lens: ${pipe}: the config file is not a regular file (a named pipe)\n`);
  });

  it("refuses a device that never ends, in one line", () => {
    const { status, stderr } = consentLens(["scan", "/dev/zero"]);
    expect(status).toBe(2);
    expect(stderr).toBe("consent-lens: /dev/zero: is not a regular file (a device)\n");
  });
});
