// bin/ starts the CLI from the build's bundle and V8's code cache of it (src/cli/start.ts): the cache
// must be one V8 accepts under bin/'s flags (else every run compiles again), and a cache V8 rejects
// must cost time only.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { root } from "./helpers.js";

const start = `${root}dist/cli/start.js`;
const inNode = (code: string) =>
  spawnSync(process.execPath, ["--input-type=module", "-e", `import * as start from ${JSON.stringify(start)};\n${code}`], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });

describe("the CLI bundle and its code cache", () => {
  it("has a code cache that V8 accepts under bin/'s flags", () => {
    const run = inNode(`start.useV8Flags(); console.log(start.bundleScript(start.readCodeCache()).cachedDataRejected);`);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("false\n");
  });

  it("runs from a cache V8 rejects as it does from none", () => {
    const run = inNode(`start.useV8Flags();
const script = start.bundleScript(Buffer.alloc(4096, 7));
const lines = [];
const io = { stdout: (s) => lines.push(s), stderr: (s) => lines.push(s), readStdin: async () => new TextEncoder().encode("Your records may be sold to data brokers."),
  isTTY: false, stderrIsTTY: false, columns: 80, env: { NO_COLOR: "1" }, cwd: process.cwd() };
const code = await start.runBundle(script).main(["scan", "--no-config", "--format", "json", "-"], io);
console.log(script.cachedDataRejected, code, JSON.parse(lines.join("")).files[0].findings.map((f) => f.category).join());`);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^true 0 .*commercial-use/);
  });
});
