import { afterAll, beforeAll, describe, expect, it } from "vitest";
import net from "node:net";
import { readdirSync, statSync } from "node:fs";
import { main } from "../src/cli/main.js";
import { fixture, memoryIo, root } from "./helpers.js";

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

const snapshot = (dir: string) =>
  readdirSync(dir)
    .map((f) => `${f}:${statSync(`${dir}/${f}`).mtimeMs}`)
    .sort();

describe("privacy of the tool itself", () => {
  it("scans PDF, DOCX and text forms without any network access and writes no files", async () => {
    const before = [snapshot(root), snapshot(`${root}/fixtures`)];
    const { io, err } = memoryIo();
    const code = await main(
      ["scan", "--format", "json", fixture("imaging-ai-consent.pdf"), fixture("research-biobank-consent.docx"), fixture("short-notice.md")],
      io,
    );
    expect(err.join("")).toBe("");
    expect(code).toBe(0);
    expect(attempts).toEqual([]);
    expect([snapshot(root), snapshot(`${root}/fixtures`)]).toEqual(before);
  });
});
