import { readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { Script } from "node:vm";
import type { Io } from "./io.js";
import type { main as Main } from "./main.js";
import type { assessSentDocuments as AssessSentDocuments } from "./assess-worker.js";

/*
 * How bin/ starts the CLI. Compiling code is much of a scan's start-up: V8 parses every module
 * and compiles each function the first time it runs. The build (scripts/bundle-cli.mjs) bundles
 * the CLI with its dependencies into one CommonJS file and saves V8's code cache of it after a
 * warm-up scan (`writeCodeCache`), so a run reads the functions a scan needs already compiled.
 * Without the bundle, or with a bundle older than the compiled modules (tsc ran after the
 * build), the CLI loads from its modules; without the cache, or a cache V8 rejects (another
 * Node, other flags), the bundle compiles as it goes: slower, the same results.
 */

/** What the bundle exports: the command line, and a batch worker's part. */
type Cli = { main: typeof Main; assessSentDocuments: typeof AssessSentDocuments };

export const cliBundle = fileURLToPath(new URL("./bundled.cjs", import.meta.url));
export const codeCacheFile = `${cliBundle}.code-cache`;
// tsc writes it whenever it emits: compiled modules newer than the bundle make it stale.
const compiledStamp = fileURLToPath(new URL("../.tsbuildinfo", import.meta.url));

// A scan is over in about a second, too soon for most of V8's optimizing compiles (on another
// thread, but CPU all the same) to pay back: code runs longer before it is optimized. This cuts
// about a fifth of a scan's CPU and a sixth of a batch's (measured side by side; README "Speed").
// Set before the CLI loads, so that every function of it is counted that way; the code cache
// is only accepted under the flags it was made with, so the build sets the same.
export const useV8Flags = () => setFlagsFromString("--interrupt-budget=1000000");

const mtimeOf = (file: string) => statSync(file, { throwIfNoEntry: false })?.mtimeMs;

/** The code cache, unless it is older than the bundle (the bundle was built again without it). */
export function readCodeCache(bundleTime = mtimeOf(cliBundle)!): Buffer | undefined {
  const cacheTime = mtimeOf(codeCacheFile);
  return cacheTime !== undefined && cacheTime >= bundleTime ? readFileSync(codeCacheFile) : undefined;
}

/** The bundle as a script, compiled with the code cache when V8 accepts it (`cachedDataRejected` tells). */
export function bundleScript(cachedData: Buffer | undefined): Script {
  // Node's own CommonJS wrapper, so the bundle runs as a module would.
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(cliBundle, "utf8")}\n})`;
  return new Script(source, {
    filename: cliBundle,
    ...(cachedData ? { cachedData } : {}),
  });
}

/** Runs the bundle's script: the CLI's exports. */
export function runBundle(script: Script): Cli {
  const module = { exports: {} as Cli };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper(module.exports, createRequire(cliBundle), module, cliBundle, dirname(cliBundle));
  return module.exports;
}

/**
 * The CLI, from the bundle and its code cache when they are up to date, otherwise from its modules
 * (in bin/ or a batch worker). A command line without a command (--version, --help) needs
 * commander alone: its modules cost less than reading the bundle and its cache.
 */
export async function startCli(argv: string[] = []): Promise<Cli> {
  useV8Flags();
  const bundleTime = mtimeOf(cliBundle);
  const compiledTime = mtimeOf(compiledStamp);
  const noCommand = argv.length > 0 && argv.every((arg) => arg.startsWith("-"));
  if (noCommand || bundleTime === undefined || (compiledTime !== undefined && compiledTime > bundleTime))
    return {
      main: (await import("./main.js")).main,
      assessSentDocuments: async () => (await import("./assess-worker.js")).assessSentDocuments(),
    };
  return runBundle(bundleScript(readCodeCache(bundleTime)));
}

/**
 * For the build, in a process of its own: loads the bundle, runs `warmUps` (command lines,
 * their output discarded) so that V8 compiles what they need, and saves the code cache.
 */
export async function writeCodeCache(warmUps: string[][], cwd: string): Promise<void> {
  useV8Flags();
  const script = bundleScript(undefined);
  const { main } = runBundle(script);
  const silent: Io = {
    stdout: () => undefined,
    stderr: () => undefined,
    readStdin: async () => new Uint8Array(),
    isTTY: false,
    stderrIsTTY: false,
    columns: 80,
    env: { NO_COLOR: "1" },
    cwd,
  };
  for (const argv of warmUps) {
    const code = await main(argv, silent);
    if (code !== 0 && code !== 1) throw new Error(`code cache warm-up: consent-lens ${argv.join(" ")}: exit ${code}`);
  }
  writeFileSync(codeCacheFile, script.createCachedData());
}
