import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { extract } from "../src/extract/index.js";
import { normalize } from "../src/text/normalize.js";

export const root = fileURLToPath(new URL("..", import.meta.url));
export const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

/** Runs the compiled CLI as a user would, with colour off unless the test asks for it. */
export function runCli(args: string[], options: { input?: string | Buffer; env?: Record<string, string>; cwd?: string } = {}) {
  const result = spawnSync(process.execPath, [fileURLToPath(new URL("../bin/consent-lens.js", import.meta.url)), ...args], {
    input: options.input ?? "",
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    cwd: options.cwd ?? root,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const texts = new Map<string, ReturnType<typeof normalize>>();
/** A fixture, extracted and normalized (once per test file). */
export async function textOf(name: string) {
  if (!texts.has(name)) texts.set(name, normalize(await extract({ path: name, bytes: readFileSync(fixture(name)) })));
  return texts.get(name)!;
}

export interface Expected {
  file: string;
  page: number;
  category: string;
  polarity: "risk" | "protection";
  contains: string;
}

/** Sentences of the fixture forms with their page, category and polarity (fixtures/expected.json). */
export const expected: Record<string, Expected[]> = JSON.parse(readFileSync(fixture("expected.json"), "utf8"));
