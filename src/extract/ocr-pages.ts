import type { Block, ImageLike, Worker as TesseractWorker, WorkerOptions } from "tesseract.js";
import type { DoubtfulWord } from "../types.js";
import type { OcrReading } from "./document.js";
import { turned, type PageImage } from "./page-image.js";

/*
 * OCR, the part that runs anywhere (the command line and the web page): how pages are shared
 * among Tesseract workers, how a page is turned upright, and what Tesseract's words become.
 * Where the workers, Tesseract's core and the language data come from is the caller's
 * OcrEngine: src/extract/ocr.ts in Node, src/web/ocr.ts in the page.
 */

/** A page read by OCR: its lines of text, what OCR adds to them, and how many words it read. */
export interface OcrText {
  lines: string[];
  reading: OcrReading;
}

export interface OcrOptions {
  /** Tesseract workers, one per core by default (a batch worker asks for one). */
  workers?: number;
  /** Called as each page is done, in any order. */
  onPage?: (done: number, total: number) => void;
  /** A page that takes longer is given up (a note says so), so one pathological page cannot stall a long PDF. */
  pageTimeoutMs?: number;
  /**
   * The language of a page's text ("en", "es"), told from what the English data read (src/text/language.ts's
   * languageOf, which extract may not import). A page in another language whose data the engine carries is read
   * again with that data: the English data reads "autorización" as "autorizacion".
   */
  pageLanguage?: (text: string) => string | undefined;
}

/** Where OCR runs: where Tesseract's worker, core and language data come from there, and how many workers by default. */
export interface OcrEngine {
  /** Tesseract's options for a worker reading `language` (Tesseract's code: "eng", "spa"). */
  workerOptions(language: OcrLanguage): Partial<WorkerOptions>;
  /** The languages whose data this engine carries; English first, as every page is read with it first. */
  languages: readonly OcrLanguage[];
  defaultWorkers(): number;
  /**
   * Workers a reading leaves started for the next one, up to `keep` (the page keeps one: later photos
   * load nothing, even offline, and skip its start); without it, each reading ends its workers.
   */
  idle?: { workers: { language: OcrLanguage; worker: TesseractWorker }[]; keep: number };
}

/** Tesseract's codes of the languages whose data a page may be read with. */
export type OcrLanguage = "eng" | "spa";
const ocrLanguageOf: Record<string, OcrLanguage> = { es: "spa" };

/** Words below this confidence are flagged in the report: most misreadings score under it, most right words above. */
export const doubtfulBelow = 70;
// A page read at this mean confidence or more is taken as upright; below it, if OCR saw words at all
// (a blank page or a photo of no text has next to none), the other three orientations are tried.
const uprightFrom = 60;
const turnFrom = 10;
const defaultPageTimeoutMs = 60_000;

async function startWorker(engine: OcrEngine, language: OcrLanguage): Promise<TesseractWorker> {
  // tesseract.js is CommonJS: its exports are the module's default in Node and in the page's bundle alike.
  const { createWorker, OEM, PSM } = (await import("tesseract.js")).default;
  // Started with no language: createWorker's promise never settles when a language's data cannot be loaded
  // (tesseract.js 7.0.0), and the worker it started could not be ended, so the process would never exit.
  // Loaded afterwards, a language that fails rejects, and the worker is there to end.
  const worker = await createWorker([], OEM.LSTM_ONLY, {
    ...engine.workerOptions(language),
    gzip: true,
    // The default caches the language data (in the working folder, or the browser's storage): nothing is written anywhere.
    cacheMethod: "none",
    // Without a handler a failing job throws in the worker, uncaught; its promise still rejects.
    errorHandler: () => undefined,
  });
  try {
    // LSTM only: the "best_int" language data has no legacy model, and it is faster.
    await worker.reinitialize(language, OEM.LSTM_ONLY);
  } catch (reason) {
    await worker.terminate();
    throw new Error(`OCR could not load its ${language} language data (${String(reason).replace(/^Error: /, "")})`, { cause: reason });
  }
  await worker.setParameters({
    // tesseract.js reads a page as one block of text by default; forms have columns, headings and boxes.
    tessedit_pageseg_mode: PSM.AUTO,
    // Sauvola's local threshold copes with shadows and uneven light on phone photos.
    thresholding_method: "2",
    // Tesseract's own messages ("Estimating resolution...") would land on the user's terminal or the browser's console.
    debug_file: "/dev/null",
  });
  return worker;
}

/**
 * Reads pages by OCR, several at a time (one Tesseract worker per core). `picture` renders
 * page `index` only when a worker is free for it, so a 1,000-page scan holds a few pictures
 * at a time. Results come back in page order; a page that failed or timed out is an Error.
 */
export async function readPages(
  engine: OcrEngine,
  total: number,
  picture: (index: number) => Promise<PageImage>,
  options: OcrOptions = {},
): Promise<(OcrText | Error)[]> {
  const results: (OcrText | Error)[] = new Array(total);
  const timeout = options.pageTimeoutMs ?? defaultPageTimeoutMs;
  let next = 0;
  let done = 0;
  const slot = async () => {
    // This slot's workers by language, each taken from those a reading left or started when a page first needs it.
    const workers = new Map<OcrLanguage, Promise<TesseractWorker>>();
    const workerFor = (language: OcrLanguage) =>
      workers.get(language) ?? workers.set(language, idleWorker(engine, language) ?? startWorker(engine, language)).get(language)!;
    const endWorkers = async () => {
      const started = [...workers.values()];
      workers.clear();
      await Promise.all(started.map((worker) => worker.then((w) => w.terminate()).catch(() => undefined)));
    };
    try {
      while (next < total) {
        // Every page is read with English first: a worker that cannot start fails this slot before it takes a page.
        await workerFor("eng");
        // Another slot may have taken the last page while this one started.
        if (next >= total) break;
        const index = next++;
        try {
          // A page given up on stops asking its workers: they are ended, and a job sent to an ended worker throws inside tesseract.js.
          const page: PageReading = { expired: false };
          const reading = readPage(engine, workerFor, await picture(index), options.pageLanguage, page);
          results[index] = await withTimeout(reading, timeout, () => (page.expired = true));
        } catch (error) {
          // A timed-out worker may still be busy: end them and start afresh for the next page.
          if (error instanceof PageTimeout) await endWorkers();
          results[index] = error instanceof Error ? error : new Error(String(error));
        }
        options.onPage?.(++done, total);
      }
    } finally {
      await leaveWorkers(engine, workers);
    }
  };
  const count = Math.max(1, Math.min(total, options.workers ?? engine.defaultWorkers()));
  const slots = await Promise.allSettled(Array.from({ length: count }, slot));
  // A worker that could not start (the page offline with one worker kept) is no failure if the others read every page.
  const failed = slots.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed && done < total) throw failed.reason;
  return results;
}

/** A page OCR gave up on after `seconds` (the report words it; the message is for errors). */
export class PageTimeout extends Error {
  constructor(readonly seconds: number) {
    super(`OCR gave up after ${seconds} s`);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, onExpiry: () => void): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onExpiry();
      reject(new PageTimeout(Math.round(ms / 1000)));
    }, ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

// Every page is read with the English data first: most pages are English, and its reading is enough to
// tell a Spanish page, which is then read again, upright, with the Spanish data (about as fast as English,
// and better than English and Spanish together: 99% of a Spanish page's words right, against 95% and 87%).
async function readPage(
  engine: OcrEngine,
  workerFor: (language: OcrLanguage) => Promise<TesseractWorker>,
  image: PageImage,
  pageLanguage: OcrOptions["pageLanguage"],
  page: PageReading,
): Promise<OcrText> {
  const languageOf = (text: OcrText) => {
    const language = ocrLanguageOf[pageLanguage?.(text.lines.join("\n")) ?? ""];
    return language && engine.languages.includes(language) ? language : undefined;
  };
  const english = await workerFor("eng");
  const first = await read(english, image, page);
  // A page in another language reads with less confidence in English, as a turned page does: a page
  // whose language shows already is read in it, and turned only if that reading is unsure too.
  const told = languageOf(first);
  if (told) return (await readUpright(await workerFor(told), image, page)).text;
  const upright = await readUpright(english, image, page, first);
  // Turned upright, its language may show now.
  const language = upright.image === image ? undefined : languageOf(upright.text);
  return language ? (await readUpright(await workerFor(language), upright.image, page)).text : upright.text;
}

// Tesseract finds small skews itself (rotateAuto); a page scanned sideways or upside down reads as
// gibberish with low confidence, so the other orientations are tried and the most confident kept.
async function readUpright(
  worker: TesseractWorker,
  image: PageImage,
  page: PageReading,
  first?: OcrText,
): Promise<{ text: OcrText; image: PageImage }> {
  let best = { text: first ?? (await read(worker, image, page)), image };
  for (const quarterTurns of [2, 1, 3]) {
    if (best.text.reading.confidence >= uprightFrom || best.text.reading.words < turnFrom) break;
    const candidate = turned(image, quarterTurns);
    const text = await read(worker, candidate, page);
    if (text.reading.confidence * text.reading.words > best.text.reading.confidence * best.text.reading.words)
      best = { text, image: candidate };
  }
  return best;
}

/** One page's reading; expired once OCR gave up on the page. */
interface PageReading {
  expired: boolean;
}

async function read(worker: TesseractWorker, image: PageImage, page: PageReading): Promise<OcrText> {
  if (page.expired) throw new PageTimeout(0);
  await worker.setParameters({ user_defined_dpi: String(image.dpi) });
  // Workers are ended only after the page expired: checked again here, the job goes to a live worker.
  if (page.expired) throw new PageTimeout(0);
  // Both of tesseract.js's loadImage (Node's and the browser's) take any Uint8Array; its types name only Buffer.
  const { data } = await worker.recognize(image.pgm as ImageLike, { rotateAuto: true }, { text: false, blocks: true });
  return textOf(data.blocks ?? []);
}

// A word that is neither letters nor digits and read with little confidence is noise (specks, rules, shadows).
const isNoise = (text: string, confidence: number) => !/[\p{L}\p{N}]/u.test(text) && confidence < 50;

/** Lines of words from Tesseract's blocks; a line with no word worth keeping (a smudge, a photo's edge) is dropped. */
export function textOf(blocks: Pick<Block, "paragraphs">[]): OcrText {
  const lines: string[] = [];
  const doubtful: DoubtfulWord[][] = [];
  let confidenceSum = 0;
  let words = 0;
  for (const line of blocks.flatMap((b) => b.paragraphs.flatMap((p) => p.lines))) {
    const kept = line.words.filter((w) => w.text.trim() && !isNoise(w.text, w.confidence));
    if (!kept.some((w) => /\p{L}/u.test(w.text) && w.confidence >= 40)) continue;
    let text = "";
    const flagged: DoubtfulWord[] = [];
    for (const word of kept) {
      if (text) text += " ";
      if (word.confidence < doubtfulBelow && /[\p{L}\p{N}]/u.test(word.text))
        flagged.push({ start: text.length, end: text.length + word.text.length, confidence: Math.round(word.confidence) });
      text += word.text;
      confidenceSum += word.confidence;
      words++;
    }
    lines.push(text);
    doubtful.push(flagged);
  }
  return { lines, reading: { confidence: words ? Math.round((confidenceSum / words) * 10) / 10 : 0, words, doubtful } };
}

/** A worker for `language` that an earlier reading left started, if any. */
function idleWorker(engine: OcrEngine, language: OcrLanguage): Promise<TesseractWorker> | undefined {
  const idle = engine.idle?.workers;
  const at = idle?.findIndex((w) => w.language === language) ?? -1;
  return at < 0 ? undefined : Promise.resolve(idle!.splice(at, 1)[0]!.worker);
}

/** Leaves a slot's started workers for the next reading, as many as the engine keeps (English first), and ends the rest. */
async function leaveWorkers(engine: OcrEngine, workers: Map<OcrLanguage, Promise<TesseractWorker>>): Promise<void> {
  const started = [...workers.entries()];
  workers.clear();
  for (const [language, pending] of started) {
    const worker = await pending.catch(() => undefined);
    if (worker && engine.idle && engine.idle.workers.length < engine.idle.keep) engine.idle.workers.push({ language, worker });
    else await worker?.terminate().catch(() => undefined);
  }
}
