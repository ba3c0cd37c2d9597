import { UserError } from "../errors.js";
import { readPages, type OcrEngine } from "../extract/ocr-pages.js";
import type * as NodeOcr from "../extract/ocr.js";
import { readerNotLoaded } from "./not-loaded.js";

/*
 * The page's version of src/extract/ocr.ts: OCR in the browser, with the same reading as the
 * command line (src/extract/ocr-pages.ts). Everything comes from the page's own site, in ocr/
 * (scripts/build-web.mjs copies it there): tesseract.js's browser worker, started from our
 * ocr/worker.js, which hands it the English language data (ocr/eng.traineddata.js); and its core,
 * the WebAssembly build with SIMD (every browser the page supports has it) for the LSTM engine
 * only, the wasm inside the script. Scripts, not fetch(): the page's policy allows no connection.
 */

export type { OcrOptions, OcrText } from "../extract/ocr-pages.js";

const pageEngine: OcrEngine = {
  workerOptions: {
    workerPath: "ocr/ocr-worker.js",
    // A worker from a blob: URL would need blob: in the page's policy; the file is on the page's own site.
    workerBlobURL: false,
    corePath: "ocr/tesseract-core-simd-lstm.wasm.js",
  },
  // Each worker holds Tesseract and its language data (about 100 MB): two at most on a phone or a laptop.
  defaultWorkers: () => Math.max(1, Math.min(2, navigator.hardwareConcurrency || 1)),
  // One worker stays for the page's life once a photo or scan started it: the next ones load nothing
  // (the page works offline) and skip its start. Not ended when the page is hidden: on a phone, taking
  // the next photo hides the page.
  idle: { workers: [], keep: 1 },
};

export const ocrPages: typeof NodeOcr.ocrPages = async (total, picture, options) => {
  try {
    return await readPages(pageEngine, total, picture, options);
  } catch {
    // Pages that fail are in the result: only a worker that cannot start rejects, its files not fetched (offline).
    throw new UserError(readerNotLoaded);
  }
};
