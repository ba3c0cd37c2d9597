import { UserError } from "../errors.js";

/** The paragraphs of a Word document (list items and table cells are paragraphs too). */
export async function extractDocx(bytes: Uint8Array): Promise<string[]> {
  const { default: mammoth } = await import("mammoth");
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    // mammoth separates paragraphs with a blank line; one line per paragraph is enough.
    return value.split(/\n\n/).map((paragraph) => paragraph.replace(/\s*\n\s*/g, " "));
  } catch (error) {
    // mammoth throws plain Errors; every one of them means the zip or its XML is unusable.
    const message = (error as Error)?.message ?? "";
    if (/main document part/i.test(message)) throw new UserError("the file is a zip archive but not a Word document");
    throw new UserError("the Word document is damaged or incomplete and cannot be read");
  }
}
