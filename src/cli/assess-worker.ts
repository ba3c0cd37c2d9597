// What a batch worker does (started by ./worker.js): loads the rules and the output format once,
// then assesses the documents it is sent and sends back each one's part of the output (src/cli/batch.ts).
import { parentPort, workerData } from "node:worker_threads";
import type { Document } from "../types.js";
import { formatStreamFor } from "../report/format.js";
import { assessed } from "./batch.js";
import { loadRulebook } from "./setup.js";

export async function assessSentDocuments(): Promise<void> {
  const { source, kinds, format, formatOptions, redact, baseline, debug, cwd } = workerData;
  const [{ rulebook }, stream, accepting] = await Promise.all([
    loadRulebook(source, cwd),
    formatStreamFor(format),
    baseline ? import("./baseline.js") : undefined,
  ]);
  const acceptedIn = (path: string) => accepting?.acceptedIn(baseline, cwd, path);
  const context = { rulebook, options: kinds ? { kinds } : {}, stream, formatOptions, redact, acceptedIn, debug };
  parentPort!.on("message", ({ index, form, path, document }: { index: number; form: number; path: string; document: Document }) => {
    parentPort!.postMessage({ index, outcome: assessed(path, form, document, context) });
  });
}
