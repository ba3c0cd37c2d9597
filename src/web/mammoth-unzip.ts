/*
 * mammoth's browser build opens only an `arrayBuffer`; the Word extractor (src/extract/docx.ts)
 * hands mammoth the zip it opened itself, inflating parts within a limit, as mammoth's Node
 * build accepts (`file`). This stands in for mammoth's browser/unzip.js in the page.
 */
export function openZip(options: { file?: unknown }): Promise<unknown> {
  return options.file ? Promise.resolve(options.file) : Promise.reject(new Error("Could not find file in options"));
}
