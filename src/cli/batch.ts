import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { setFlagsFromString } from "node:v8";
import { Worker } from "node:worker_threads";
import type { Document, Report } from "../types.js";
import { describeError } from "../errors.js";
import type { Rulebook } from "../rules/load.js";
import { extract, extractImages } from "../extract/index.js";
import { assessDocument, extractOptionsOf, type ScanOptions } from "../scan.js";
import { reportView } from "../report/view.js";
import { redact } from "../report/redact.js";
import type { AcceptedIn } from "../report/baseline.js";
import { verdictOf, type FormVerdict } from "./fail-on.js";
import type { BaselineFile } from "./baseline.js";
import type { FormatOptions, FormatStream, OutputFormat } from "../report/format.js";
import { readInput } from "./read.js";
import type { RuleSource } from "./setup.js";
import type { Io } from "./io.js";

/** What the scan command keeps of a form: its part of the output, and what its verdict needs (--fail-on, the baseline). */
export type Outcome = { path: string; part: unknown; verdict: FormVerdict } | { path: string; error: string };

/** How forms are read and reported: the rules, the options, and the output format's stream. */
export interface BatchContext {
  rulebook: Rulebook;
  source: RuleSource;
  options: ScanOptions;
  format: OutputFormat;
  stream: FormatStream<unknown>;
  formatOptions: FormatOptions;
  /** Whether identifiers are masked (--no-redact turns it off). */
  redact: boolean;
  /** The accepted findings (--baseline), read once per thread. */
  baseline: BaselineFile | undefined;
  debug: boolean;
  io: Io;
  /** Called as each page read by OCR is done. */
  onPage?: (path: string, done: number, total: number) => void;
}

/** What assessing a form needs, in this thread or in a batch worker. */
export type Assessing = Pick<BatchContext, "rulebook" | "options" | "stream" | "formatOptions" | "redact" | "debug"> & {
  /** The accepted findings of a form, by its path. */
  acceptedIn: (path: string) => AcceptedIn | undefined;
};

// A worker costs about as much to start as a small scan, so a handful of files is scanned
// in this thread alone.
export const parallelFrom = 4;
// Documents handed to the worker and not yet back: beyond this, this thread assesses the
// next one itself, so both threads stay busy whichever of reading or assessing is slower.
const inFlight = 2;

/** A form's report, reduced to its part of the output and its risks: the report itself goes no further. */
export function assessed(path: string, form: number, document: Document, context: Assessing): Outcome {
  try {
    const report = assessDocument(document, context.rulebook, context.options.kinds);
    const view = reportView(
      context.redact ? redact(report) : report,
      context.acceptedIn(report.text.document.path),
      context.formatOptions.language,
    );
    return { path, part: context.stream.part(view, form, context.formatOptions), verdict: verdictOf(view) };
  } catch (error) {
    return { path, error: describeError(error, context.debug) };
  }
}

type ReadContext = Pick<BatchContext, "options" | "io" | "onPage">;

async function documentOf(path: string, context: ReadContext): Promise<Document> {
  const input = await readInput(path === "-" ? path : resolve(context.io.cwd, path), context.io.readStdin);
  const document = await extract({ ...input, path }, extractOptionsOf(withPageProgress(path, context)));
  if (document.raw.length >= longFormChars) collectGarbageSooner();
  return document;
}

// A long form leaves much garbage, which V8, with memory to spare, collects late: a 2,000-page
// form (4.6 million characters) peaked at 580-860 MB with under 300 MB of it live. Growing the
// heap by a tenth at a time keeps it near 500 MB. Only for long forms: it costs a short scan
// about a sixth more CPU (more collections while its heap grows from nothing).
const longFormChars = 1_000_000;
const collectGarbageSooner = () => setFlagsFromString("--heap-growing-percent=10");

/**
 * Scans every path and yields the outcomes in the order of `paths`. This thread reads the
 * files (pdf.js warms up once, not once per thread) while a worker assesses and formats
 * them; a report never crosses threads, only its part of the output.
 */
export async function* scanAll(paths: string[], context: BatchContext & Assessing): AsyncGenerator<Outcome> {
  const worker = paths.length >= parallelFrom && !paths.includes("-") && availableParallelism() > 1 ? startWorker(context) : undefined;
  const pending: { outcome: Promise<Outcome>; done: boolean }[] = [];
  // A form's number among the forms read (the formats number them: ids, artifacts).
  let form = 0;
  try {
    for (const [index, path] of paths.entries()) {
      let outcome: Promise<Outcome>;
      try {
        const document = await documentOf(path, context);
        outcome =
          worker && worker.busy < inFlight
            ? worker.assess(index, form++, path, document)
            : Promise.resolve(assessed(path, form++, document, context));
      } catch (error) {
        outcome = Promise.resolve({ path, error: describeError(error, context.debug) });
      }
      const entry = { outcome, done: false };
      const settled = () => void (entry.done = true);
      outcome.then(settled, settled);
      pending.push(entry);
      // A turn of the event loop: the worker's finished outcomes arrive and mark themselves done. Reading
      // a PDF may never give the loop one, and then the worker's replies waited for the end of the batch
      // while this thread, seeing it busy, assessed every other form itself.
      await new Promise((next) => setImmediate(next));
      while (pending[0]?.done) yield await pending.shift()!.outcome;
    }
    for (const entry of pending.splice(0)) yield await entry.outcome;
  } finally {
    await worker?.stop();
  }
}

/** A form whose outcome needs its report (diff): read and assessed in this thread. */
export async function scanOne(
  path: string,
  context: ReadContext & Pick<BatchContext, "rulebook" | "debug">,
): Promise<{ path: string; report: Report } | { path: string; error: string }> {
  try {
    return { path, report: assessDocument(await documentOf(path, context), context.rulebook, context.options.kinds) };
  } catch (error) {
    return { path, error: describeError(error, context.debug) };
  }
}

/** Images that are the pages of one form (--as-one), read in the order given. */
export async function scanPages(name: string, paths: string[], context: BatchContext & Assessing): Promise<Outcome> {
  try {
    const inputs = await Promise.all(
      paths.map(async (path) => ({ ...(await readInput(resolve(context.io.cwd, path), context.io.readStdin)), path })),
    );
    return assessed(name, 0, await extractImages(name, inputs, extractOptionsOf(withPageProgress(name, context))), context);
  } catch (error) {
    return { path: name, error: describeError(error, context.debug) };
  }
}

const withPageProgress = (path: string, { options, onPage }: ReadContext): ScanOptions =>
  onPage ? { ...options, ocr: { ...options.ocr, onPage: (done, total) => onPage(path, done, total) } } : options;

/** The assessing worker: documents in, outcomes back, one at a time in the order sent. */
function startWorker(context: BatchContext) {
  const worker = new Worker(new URL("./worker.js", import.meta.url), {
    workerData: {
      source: context.source,
      kinds: context.options.kinds,
      format: context.format,
      formatOptions: context.formatOptions,
      redact: context.redact,
      baseline: context.baseline,
      debug: context.debug,
      cwd: context.io.cwd,
    },
  });
  const waiting = new Map<number, { done: (outcome: Outcome) => void; fail: (error: unknown) => void }>();
  worker.on("message", ({ index, outcome }: { index: number; outcome: Outcome }) => {
    waiting.get(index)?.done(outcome);
    waiting.delete(index);
  });
  worker.on("error", (error) => {
    for (const { fail } of waiting.values()) fail(error);
    waiting.clear();
  });
  return {
    get busy() {
      return waiting.size;
    },
    assess: (index: number, form: number, path: string, document: Document) =>
      new Promise<Outcome>((done, fail) => {
        waiting.set(index, { done, fail });
        worker.postMessage({ index, form, path, document });
      }),
    stop: () => worker.terminate(),
  };
}
