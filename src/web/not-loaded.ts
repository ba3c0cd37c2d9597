/*
 * What the page says when a part it loads only when a form needs it cannot be fetched: OCR's files
 * and code at the first photo or scan, when the device is offline.
 */

export const readerNotLoaded =
  "the page could not load its reader for this kind of file (is this device offline?); connect to the internet and give the file again: once loaded, the reader works offline";

/** A dynamic import() that failed to fetch its module, as Chromium, Firefox and Safari word it. */
export const isModuleNotLoaded = (error: unknown) =>
  error instanceof TypeError && /dynamically imported module|importing a module script failed/i.test(error.message);
