import type { Document } from "../types.js";
import { UserError } from "../errors.js";
import { detectFormat } from "./detect.js";
import { documentFromPages } from "./document.js";
import { extractPdf, type PdfOptions } from "./pdf.js";
import { extractDocx } from "./docx.js";

export interface Input {
  /** What the user named: a path, or "-" for standard input. */
  path: string;
  bytes: Uint8Array;
}

/** extract: a file's bytes -> Document. The format comes from the bytes, never from the name. */
export async function extract(input: Input, options: PdfOptions = {}): Promise<Document> {
  const format = detectFormat(input.bytes);
  switch (format) {
    case "pdf": {
      const pages = await extractPdf(input.bytes, options);
      const empty = pages.flatMap((lines, i) => (lines.join("").trim() ? [] : [i + 1]));
      if (empty.length === pages.length)
        throw new UserError("the PDF has no text layer on any page; it may be a scanned image (run OCR on it first)");
      const notes = empty.length ? [`no text on page ${empty.join(", ")} (a scanned image?); those pages were not checked`] : [];
      return documentFromPages(input.path, format, pages, { linesAreParagraphs: false, notes });
    }
    case "docx": {
      const paragraphs = await extractDocx(input.bytes);
      if (!paragraphs.join("").trim()) throw new UserError("the Word document has no text");
      return documentFromPages(input.path, format, [paragraphs], { linesAreParagraphs: true });
    }
    default: {
      const text = new TextDecoder("utf-8").decode(input.bytes).replace(/^\uFEFF/, "");
      if (!text.trim()) throw new UserError("the file has no text");
      // A form feed is a page break in text exported from PDF tools such as pdftotext.
      const pages = text
        .replace(/\r\n?/g, "\n")
        .split("\f")
        .map((page) => page.split("\n"));
      return documentFromPages(input.path, format, pages, { linesAreParagraphs: false });
    }
  }
}
