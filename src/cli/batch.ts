import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { Worker } from "node:worker_threads";
import type { Report } from "../types.js";
import { describeError } from "../errors.js";
import type { Rulebook } from "../rules/load.js";
import { scan, scanImages, type ScanOptions } from "../scan.js";
import { readInput } from "./read.js";
import type { RuleSource } from "./setup.js";
import type { Io } from "./io.js";

export type Outcome = { path: string; report: Report } | { path: string; error: string };

export interface BatchContext {
  rulebook: Rulebook;
  source: RuleSource;
  options: ScanOptions;
  debug: boolean;
  io: Io;
  /** Called as each file is done, in any order. */
  onDone?: (path: string) => void;
  /** Called as each page read by OCR is done (files scanned in this process only). */
  onPage?: (path: string, done: number, total: number) => void;
}

// A worker costs about as much to start as a small scan, so a handful of files is
// scanned in this process; more are spread over one worker per core.
export const parallelFrom = 4;

/** Scans every path; results come back in the order of `paths`, whatever order they finish in. */
export async function scanAll(paths: string[], context: BatchContext): Promise<Outcome[]> {
  if (paths.length < parallelFrom || paths.includes("-")) {
    const outcomes: Outcome[] = [];
    for (const path of paths) {
      outcomes.push(await scanOne(path, context));
      context.onDone?.(path);
    }
    return outcomes;
  }
  return scanInWorkers(paths, context);
}

type ScanContext = Pick<BatchContext, "rulebook" | "options" | "debug" | "io" | "onPage">;

export async function scanOne(path: string, context: ScanContext): Promise<Outcome> {
  try {
    const input = await readInput(path === "-" ? path : resolve(context.io.cwd, path), context.io.readStdin);
    return { path, report: await scan({ ...input, path }, context.rulebook, withPageProgress(path, context)) };
  } catch (error) {
    return { path, error: describeError(error, context.debug) };
  }
}

/** Images that are the pages of one form (--as-one), read in the order given. */
export async function scanPages(name: string, paths: string[], context: ScanContext): Promise<Outcome> {
  try {
    const inputs = await Promise.all(
      paths.map(async (path) => ({ ...(await readInput(resolve(context.io.cwd, path), context.io.readStdin)), path })),
    );
    return { path: name, report: await scanImages(name, inputs, context.rulebook, withPageProgress(name, context)) };
  } catch (error) {
    return { path: name, error: describeError(error, context.debug) };
  }
}

const withPageProgress = (path: string, { options, onPage }: ScanContext): ScanOptions =>
  onPage ? { ...options, ocr: { ...options.ocr, onPage: (done, total) => onPage(path, done, total) } } : options;

function scanInWorkers(paths: string[], context: BatchContext): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(paths.length);
  let next = 0;
  let finished = 0;
  const count = Math.min(availableParallelism(), paths.length);
  return new Promise((done, fail) => {
    const workers = Array.from({ length: count }, () => {
      // Files run one per core here, so each reads its scanned pages with one OCR worker.
      const options: ScanOptions = { ...context.options, ocr: { ...context.options.ocr, workers: 1 } };
      const worker = new Worker(new URL("./worker.js", import.meta.url), {
        workerData: { source: context.source, options, debug: context.debug, cwd: context.io.cwd },
      });
      const feed = () => {
        if (next < paths.length) worker.postMessage({ index: next, path: paths[next++] });
        else void worker.terminate();
      };
      worker.on("message", ({ index, outcome }: { index: number; outcome: Outcome }) => {
        outcomes[index] = outcome;
        context.onDone?.(outcome.path);
        if (++finished === paths.length) done(outcomes);
        feed();
      });
      worker.on("error", (error) => {
        for (const w of workers) void w.terminate();
        fail(error);
      });
      return { worker, feed };
    }).map(({ worker, feed }) => (feed(), worker));
  });
}
