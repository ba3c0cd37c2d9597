/*
 * ocr/worker.js, the page's OCR worker (built by scripts/build-web.mjs): tesseract.js's own
 * browser worker, handed the language data that the page carries as scripts.
 * tesseract.js would fetch() the data, which the page's policy forbids (connect-src 'none');
 * it takes a language given as data instead, and this worker gives it so. A worker reads one
 * language: English, or Spanish for a page the English data found Spanish (src/extract/ocr-pages.ts),
 * so the Spanish data loads only then.
 */

declare function importScripts(...urls: string[]): void;
const scope = globalThis as unknown as { consentLensLanguageData?: string; addEventListener: typeof addEventListener };

// Defines consentLensLanguageData: <language>.traineddata.gz of @tesseract.js-data/<language> (4.0.0_best_int), in base64.
function languageData(language: "eng" | "spa"): Uint8Array {
  importScripts(`${language}.traineddata.js`);
  const binary = atob(scope.consentLensLanguageData ?? "");
  delete scope.consentLensLanguageData;
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// Registered before tesseract.js's own handler, so it sees the request first: "load the language
// named spa" becomes "load this data as spa" (initialize still names it "spa").
scope.addEventListener("message", (event) => {
  const message = (event as MessageEvent).data as { action?: string; payload?: { langs?: unknown } };
  if (message?.action !== "loadLanguage" || !message.payload) return;
  // One language, named alone or in a list; a worker is started with none (src/extract/ocr-pages.ts).
  const { langs } = message.payload;
  const named = Array.isArray(langs) ? (langs as unknown[])[0] : langs;
  if (named === undefined) return;
  const language = named === "spa" ? "spa" : "eng";
  message.payload.langs = [{ code: language, data: languageData(language) }];
});

importScripts("worker.min.js");
