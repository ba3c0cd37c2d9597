// A batch worker: loads the rules and the output format once, then assesses the documents it
// is sent and sends back each one's part of the output (src/cli/batch.ts).
import { parentPort, workerData } from "node:worker_threads";
import type { Document } from "../types.js";
import { formatStreamFor } from "../report/format.js";
import { assessed } from "./batch.js";
import { loadRulebook } from "./setup.js";

const { source, kinds, format, formatOptions, debug, cwd } = workerData;
const [{ rulebook }, stream] = await Promise.all([loadRulebook(source, cwd), formatStreamFor(format)]);
const context = { rulebook, options: kinds ? { kinds } : {}, stream, formatOptions, debug };
parentPort!.on("message", ({ index, form, path, document }: { index: number; form: number; path: string; document: Document }) => {
  parentPort!.postMessage({ index, outcome: assessed(path, form, document, context) });
});
