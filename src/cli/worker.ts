// A batch worker: loads the rules once, then scans the files it is sent.
import { parentPort, workerData } from "node:worker_threads";
import { processIo } from "./io.js";
import { scanOne } from "./batch.js";
import { loadRulebook } from "./setup.js";

const { source, options, debug, cwd } = workerData;
const { rulebook } = await loadRulebook(source, cwd);
const io = { ...processIo(), cwd };
parentPort!.on("message", async ({ index, path }: { index: number; path: string }) => {
  parentPort!.postMessage({ index, outcome: await scanOne(path, { rulebook, options, debug, io }) });
});
