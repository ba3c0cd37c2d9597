/*
 * ocr/worker.js, the page's OCR worker (built by scripts/build-web.mjs): tesseract.js's own
 * browser worker, handed the English language data that the page carries as a script.
 * tesseract.js would fetch() the data, which the page's policy forbids (connect-src 'none');
 * it takes a language given as data instead, and this worker gives it so.
 */

declare function importScripts(...urls: string[]): void;
const scope = globalThis as unknown as { consentLensEnglish?: string; addEventListener: typeof addEventListener };

// Defines consentLensEnglish: eng.traineddata.gz of @tesseract.js-data/eng (4.0.0_best_int), in base64.
importScripts("eng.traineddata.js");
const english = decodeBase64(scope.consentLensEnglish ?? "");
delete scope.consentLensEnglish;

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// Registered before tesseract.js's own handler, so it sees the request first: "load the language
// named eng" becomes "load this data as eng" (initialize still names it "eng").
scope.addEventListener("message", (event) => {
  const message = (event as MessageEvent).data as { action?: string; payload?: { langs?: unknown } };
  if (message?.action === "loadLanguage" && message.payload) message.payload.langs = [{ code: "eng", data: english }];
});

importScripts("worker.min.js");
