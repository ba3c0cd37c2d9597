// A batch worker's entry (src/cli/batch.ts starts it): the CLI's code as bin/ starts it, from the
// bundle with its code cache (./start.ts), then the worker's part (./assess-worker.ts).
import { startCli } from "./start.js";

const { assessSentDocuments } = await startCli();
await assessSentDocuments();
