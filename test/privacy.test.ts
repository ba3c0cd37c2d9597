import { afterAll, beforeAll, describe, expect, it } from "vitest";
import net from "node:net";
import { mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../src/cli/main.js";
import type { Io } from "../src/cli/io.js";
import { fixture, root, runCli } from "./helpers.js";

// Any attempt to open a socket or fetch fails the test: consent-lens works offline.
const attempts: string[] = [];
const originalConnect = net.Socket.prototype.connect;
const originalFetch = globalThis.fetch;
beforeAll(() => {
  net.Socket.prototype.connect = function (...args: unknown[]) {
    attempts.push(`socket ${JSON.stringify(args[0])}`);
    throw new Error("network access attempted");
  } as typeof originalConnect;
  globalThis.fetch = (async (input: unknown) => {
    attempts.push(`fetch ${String(input)}`);
    throw new Error("network access attempted");
  }) as typeof fetch;
});
afterAll(() => {
  net.Socket.prototype.connect = originalConnect;
  globalThis.fetch = originalFetch;
});

const io = (): Io & { out: string[]; err: string[] } => {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (s) => void out.push(s),
    stderr: (s) => void err.push(s),
    readStdin: async () => new Uint8Array(),
    isTTY: false,
    stderrIsTTY: false,
    columns: 80,
    env: {},
  };
};

const snapshot = (dir: string) => readdirSync(dir).map((f) => `${f}:${statSync(`${dir}/${f}`).mtimeMs}`).sort();

describe("privacy of the tool itself", () => {
  it("scans PDF, DOCX and text forms without any network access and writes no files", async () => {
    const before = [snapshot(root), snapshot(`${root}/fixtures`)];
    const streams = io();
    const code = await main(
      ["scan", "--format", "json", fixture("imaging-ai-consent.pdf"), fixture("research-biobank-consent.docx"), fixture("short-notice.md")],
      streams,
    );
    expect(streams.err.join("")).toBe("");
    expect(code).toBe(0);
    expect(attempts).toEqual([]);
    expect([snapshot(root), snapshot(`${root}/fixtures`)]).toEqual(before);
  });

  it("keeps its output clean when the working folder has a .env file (natural's top level would load it)", () => {
    const dir = mkdtempSync(join(tmpdir(), "consent-lens-env-"));
    writeFileSync(join(dir, ".env"), "SECRET_TOKEN=abc\n");
    const { code, stdout } = runCli(["scan", "--format", "json", "-"], { input: "Your data may be shared with third parties.", cwd: dir });
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/dotenv|injected env/);
    expect(() => JSON.parse(stdout)).not.toThrow();
  });
});
