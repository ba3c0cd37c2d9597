import type { Document, Report } from "./types.js";
import { extract, extractImages, type ExtractOptions, type Input } from "./extract/index.js";
import type { OcrOptions } from "./extract/ocr.js";
import { languageOf } from "./text/language.js";
import { normalize } from "./text/normalize.js";
import { match } from "./match/match.js";
import type { Rulebook } from "./rules/load.js";
import { assess } from "./assess/assess.js";

export interface ScanOptions {
  /** The password of an encrypted PDF. */
  password?: string;
  /** Kinds of form to assume instead of detecting them. */
  kinds?: string[];
  /** How pages without text are read by OCR: workers, progress, the time a page may take. */
  ocr?: OcrOptions;
}

/**
 * The library entry point, the whole pipeline for one form:
 * extract -> normalize -> match -> assess. The CLI, the tests and the web page use it.
 */
export async function scan(input: Input, rulebook: Rulebook, options: ScanOptions = {}): Promise<Report> {
  return assessDocument(await extract(input, extractOptionsOf(options)), rulebook, options.kinds);
}

/** The same for several images (photos or scans) that are the pages of one form, in order. */
export async function scanImages(path: string, inputs: Input[], rulebook: Rulebook, options: ScanOptions = {}): Promise<Report> {
  return assessDocument(await extractImages(path, inputs, extractOptionsOf(options)), rulebook, options.kinds);
}

/** What extraction takes of the scan options; OCR tells a page's language as the text stage does (a Spanish page is read again with Spanish data). */
export function extractOptionsOf({ kinds: _kinds, ...options }: ScanOptions): ExtractOptions {
  return { ...options, ocr: { pageLanguage: languageOf, ...options.ocr } };
}

/** The pipeline after extraction: normalize -> match -> assess (a batch extracts in one thread and assesses in another). */
export function assessDocument(document: Document, rulebook: Rulebook, kinds: string[] | undefined): Report {
  const text = normalize(document);
  const findings = match(text, rulebook.rules, rulebook.language, rulebook.model);
  return assess(text, findings, rulebook, kinds ? { kinds } : {});
}
