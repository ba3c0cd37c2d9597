// Scans and phone photos made from the fixture forms, for the OCR tests and `npm run bench`:
// a fixture page rendered to pixels, then printed into an image-only PDF (a scan) or
// turned, shadowed, blurred, speckled and saved as JPEG (a photo). Deterministic: the
// noise comes from a seeded generator. Also the word accuracy of OCR text against a text layer.
import { readFileSync } from "node:fs";
import { PDFParse } from "pdf-parse";
import PDFDocument from "pdfkit";
import sharp from "sharp";

/** The text layer and a rendering (PNG) of page `page` (1-based) of a fixture PDF. */
export async function renderPage(pdfPath, page, dpi) {
  const parser = new PDFParse({ data: readFileSync(pdfPath) });
  try {
    const text = await parser.getText({ partial: [page], pageJoiner: "" });
    const shot = await parser.getScreenshot({ partial: [page], scale: dpi / 72, imageBuffer: true, imageDataUrl: false });
    return { text: text.pages[0].text, png: Buffer.from(shot.pages[0].data) };
  } finally {
    await parser.destroy();
  }
}

/** An image-only PDF: each picture fills a letter page, as a scanner makes them. `text` pages get a text layer instead. */
export function scannedPdf(pages) {
  const doc = new PDFDocument({ size: "LETTER", autoFirstPage: false, info: { CreationDate: new Date(0) } });
  const chunks = [];
  doc.on("data", (chunk) => chunks.push(chunk));
  const done = new Promise((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const images = new Map();
  for (const page of pages) {
    doc.addPage({ margin: 72 });
    if ("text" in page) doc.font("Helvetica").fontSize(11).text(page.text);
    else {
      // The same picture is embedded once however many pages show it.
      if (!images.has(page.png)) images.set(page.png, doc.openImage(page.png));
      doc.image(images.get(page.png), 0, 0, { width: 612, height: 792 });
    }
  }
  doc.end();
  return done;
}

// mulberry32: a small seeded generator, so the same photo comes out every time.
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A phone photo of a printed page: turned `angle` degrees (and `quarterTurns` more), grey paper
 * and ink, a shadow across one corner, blur, sensor noise, JPEG at `quality`.
 */
export async function photograph(png, { angle = 3, quarterTurns = 0, noise = 18, shadow = 0.45, blur = 0.7, quality = 60, seed = 1 } = {}) {
  const turned = await sharp(png)
    .flatten({ background: "#ffffff" })
    .greyscale()
    .rotate(angle + quarterTurns * 90, { background: "#ffffff" })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { data, info } = turned;
  const next = random(seed);
  for (let y = 0; y < info.height; y++)
    for (let x = 0; x < info.width; x++) {
      const i = (y * info.width + x) * info.channels;
      const light = 1 - shadow + shadow * Math.min(1, (x / info.width + y / info.height) / 1.3);
      const grain = (next() + next() + next() - 1.5) * noise;
      const value = Math.max(0, Math.min(255, (0.75 * data[i] + 40) * light + grain));
      for (let c = 0; c < info.channels; c++) data[i + c] = value;
    }
  const image = sharp(data, { raw: info });
  return (blur ? image.blur(blur) : image).jpeg({ quality }).toBuffer();
}

const words = (text) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Word accuracy of OCR text against the true text: 1 - (words substituted, dropped or added) / true words. */
export function wordAccuracy(truth, read) {
  const a = words(truth);
  const b = words(read);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return Math.max(0, 1 - previous[b.length] / a.length);
}
