import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { extract } from "../src/extract/index.js";
import { normalize } from "../src/text/normalize.js";
import { main } from "../src/cli/main.js";
import type { Io } from "../src/cli/io.js";
import { loadRules, noChanges, type Rulebook } from "../src/rules/load.js";
import { scan, type ScanOptions } from "../src/scan.js";
import type { Report, Text } from "../src/types.js";
import type { FormatOptions, Formatter } from "../src/report/format.js";
import { reportView } from "../src/report/view.js";

export const root = fileURLToPath(new URL("..", import.meta.url));
export const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the compiled CLI as a process, as a user would (for exit codes, stdin, workers); colour off unless asked. */
export function runCli(args: string[], options: { input?: string | Buffer; env?: Record<string, string>; cwd?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [fileURLToPath(new URL("../bin/consent-lens.js", import.meta.url)), ...args], {
    input: options.input ?? "",
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    cwd: options.cwd ?? root,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** An Io that keeps what the CLI writes; not a terminal unless asked. */
export function memoryIo(
  options: { input?: string | Uint8Array; env?: Record<string, string>; cwd?: string; isTTY?: boolean; columns?: number } = {},
) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    stdout: (s) => void out.push(s),
    stderr: (s) => void err.push(s),
    readStdin: async () =>
      typeof options.input === "string" ? new TextEncoder().encode(options.input) : (options.input ?? new Uint8Array()),
    isTTY: options.isTTY ?? false,
    stderrIsTTY: false,
    columns: options.columns ?? 80,
    env: { NO_COLOR: "1", ...options.env },
    cwd: options.cwd ?? root,
  };
  return { io, out, err };
}

/** Runs the CLI in this process through main(argv, io): the fast way to test what it prints and returns. */
export async function cli(args: string[], options: Parameters<typeof memoryIo>[0] = {}): Promise<CliResult> {
  const { io, out, err } = memoryIo(options);
  const code = await main(args, io);
  return { code, stdout: out.join(""), stderr: err.join("") };
}

let bundled: Rulebook | undefined;
/** The bundled rules, loaded once per test file. */
export const rulebook = () => (bundled ??= loadRules());

const texts = new Map<string, Text>();
/** A fixture, extracted and normalized (once per test file). */
export async function textOf(name: string): Promise<Text> {
  if (!texts.has(name)) texts.set(name, normalize(await extract({ path: name, bytes: readFileSync(fixture(name)) })));
  return texts.get(name)!;
}

const reports = new Map<string, Promise<Report>>();
/** A fixture scanned as the CLI scans it (once per test file, unless options are given). */
export const reportOf = (name: string, options: ScanOptions & { rules?: Rulebook } = {}): Promise<Report> => {
  const run = () => scan({ path: name, bytes: readFileSync(fixture(name)) }, options.rules ?? rulebook(), options);
  if (Object.keys(options).length) return run();
  if (!reports.has(name)) reports.set(name, run());
  return reports.get(name)!;
};

export interface Expected {
  file: string;
  page: number;
  category: string;
  polarity: "risk" | "protection";
  contains: string;
}

/** Sentences of the fixture forms with their page, category and polarity (fixtures/expected.json). */
export const expected: Record<string, Expected[]> = JSON.parse(readFileSync(fixture("expected.json"), "utf8"));

/** Format options with every field at its plain default. */
export const formatOptions = (options: Partial<FormatOptions> = {}): FormatOptions => ({
  version: "9.9.9",
  unreadable: [],
  changes: noChanges,
  questionsOnly: false,
  details: false,
  color: false,
  width: 80,
  ...options,
});

/** Runs a formatter on reports, as the CLI does. */
export const formatWith = (formatter: Formatter, reports: Report[], options: Partial<FormatOptions> = {}) =>
  formatter(
    reports.map((r) => reportView(r)),
    formatOptions(options),
  );

/** A folder of forms with a damaged one among them, a sub-folder, and a file that is not a form. */
export function formFolder() {
  const dir = mkdtempSync(join(tmpdir(), "consent-lens-batch-"));
  mkdirSync(join(dir, "more"));
  for (const name of ["imaging-ai-consent.pdf", "protective-form.docx", "short-notice.md"]) copyFileSync(fixture(name), join(dir, name));
  copyFileSync(fixture("hipaa-authorization.pdf"), join(dir, "more", "hipaa-authorization.pdf"));
  copyFileSync(fixture("bad/truncated.pdf"), join(dir, "broken.pdf"));
  writeFileSync(join(dir, "notes.csv"), "not a form");
  return dir;
}
