import type * as NodeOcr from "../extract/ocr.js";

/*
 * The page's version of src/extract/ocr.ts: pages without text (scans) are read by OCR in the
 * command line only, for now. Each such page is reported as not read, so that the rest of a
 * PDF (a blank page among text pages is common) is still checked.
 */

export type OcrOptions = NodeOcr.OcrOptions;

export const ocrPages: typeof NodeOcr.ocrPages = async (total) =>
  Array.from(
    { length: total },
    () => new Error("this web page cannot read scanned pages yet; the command line can: consent-lens scan form.pdf"),
  );
