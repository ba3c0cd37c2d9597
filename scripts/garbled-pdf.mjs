// PDFs whose text layer is garbled as real ones are, for the tests (test/garbled*.test.ts): the
// page shows the right letters, but the font's map from glyphs to characters (its ToUnicode
// CMap) is off, so text extraction gives every character shifted by 29 code points ("e" comes
// out as "H", a space as U+0003), as a subset font whose glyph numbers were taken for
// character codes does.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import PDFDocument from "pdfkit";

// A TrueType font that pdfkit embeds with a ToUnicode CMap (pdf.js ships it, so it is always here).
const require = createRequire(import.meta.url);
const font = readFileSync(join(dirname(require.resolve("pdfjs-dist/package.json")), "standard_fonts", "LiberationSans-Regular.ttf"));

const shift = 29;
/** The text as extraction gives it from such a font. */
export const garbledText = (text) => [...text].map((c) => String.fromCharCode(c.charCodeAt(0) - shift)).join("");

/** A one-page PDF: each paragraph in a plain font, or, when `garbled`, in the font whose text layer is off. */
export async function garbledPdf(paragraphs) {
  // Uncompressed, so that the CMap can be rewritten in place (same length: the file's offsets stay right).
  const doc = new PDFDocument({ compress: false, size: "LETTER", margin: 72, info: { CreationDate: new Date(0) } });
  const chunks = [];
  doc.on("data", (chunk) => chunks.push(chunk));
  const done = new Promise((resolve) => doc.on("end", resolve));
  doc.registerFont("shifted", font);
  for (const { text, garbled } of paragraphs)
    doc
      .font(garbled ? "shifted" : "Helvetica")
      .fontSize(11)
      .text(text)
      .moveDown();
  doc.end();
  await done;
  const pdf = Buffer.concat(chunks).toString("latin1");
  // The CMap's targets are 4-digit hex characters inside the bfrange arrays: shift each one.
  const shifted = pdf.replace(/beginbfrange[\s\S]*?endbfrange/g, (ranges) =>
    ranges.replace(/\[([^\]]*)\]/g, (array) =>
      array.replace(
        /<([0-9a-f]{4})>/gi,
        (_, hex) =>
          `<${Math.max(0, parseInt(hex, 16) - shift)
            .toString(16)
            .padStart(4, "0")}>`,
      ),
    ),
  );
  if (shifted === pdf) throw new Error("garbledPdf: no ToUnicode CMap to rewrite");
  return new Uint8Array(Buffer.from(shifted, "latin1"));
}
