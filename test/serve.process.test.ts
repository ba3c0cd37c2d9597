import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { root } from "./helpers.js";

describe("consent-lens serve, as a process", () => {
  it("prints its address, serves the page there, and exits cleanly on Ctrl-C", async () => {
    const child = spawn(process.execPath, [fileURLToPath(new URL("../bin/consent-lens.js", import.meta.url)), "serve", "--port", "0"], {
      cwd: root,
    });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk) => {
        stdout += chunk;
        const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(stdout);
        if (found) resolve(found[0]);
      });
      child.on("exit", () => reject(new Error(`exited early: ${stderr}`)));
    });
    expect(stdout).toMatch(
      /^consent-lens: the page is at http:\/\/127\.0\.0\.1:\d+\/ \(only this computer can open it; Ctrl-C stops the server\)\n$/,
    );
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("connect-src 'none'");
    expect(await page.text()).toContain("Your form stays on this device.");
    const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGINT");
    expect(await exit).toBe(0);
    expect(stderr).toBe("");
  });
});
