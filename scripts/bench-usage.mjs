// Loaded by `npm run bench` into every Node process it measures (node --import): at exit, writes the
// process's CPU time (all threads, workers included) and its peak memory to the file named by
// CONSENT_LENS_BENCH_USAGE, so figures do not depend on what else the machine is running.
import { writeFileSync } from "node:fs";
import { isMainThread } from "node:worker_threads";

const file = process.env.CONSENT_LENS_BENCH_USAGE;
if (file && isMainThread)
  process.on("exit", () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(file, JSON.stringify({ cpuMs: (user + system) / 1000, peakMb: process.resourceUsage().maxRSS / 1024 }));
  });
