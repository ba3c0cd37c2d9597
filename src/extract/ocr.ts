import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { readPages, type OcrEngine, type OcrLanguage, type OcrOptions } from "./ocr-pages.js";
import type { PageImage } from "./page-image.js";

export type { OcrOptions, OcrText } from "./ocr-pages.js";

// OCR in Node: Tesseract's Node worker (a worker thread) and core, the language data from a file.
// Each language's traineddata comes from an npm package (pinned), never from the network; LSTM-only "best_int" is small and fast.
const require = createRequire(import.meta.url);
const langPath = (language: OcrLanguage) => join(dirname(require.resolve(`@tesseract.js-data/${language}/package.json`)), "4.0.0_best_int");

const nodeEngine: OcrEngine = {
  workerOptions: (language) => ({ langPath: langPath(language) }),
  languages: ["eng", "spa"],
  defaultWorkers: availableParallelism,
};

/** Reads pages by OCR, one Tesseract worker per core by default (see readPages). */
export const ocrPages = (total: number, picture: (index: number) => Promise<PageImage>, options: OcrOptions = {}) =>
  readPages(nodeEngine, total, picture, options);
