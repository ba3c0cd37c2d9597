/*
 * Page pictures for OCR, the part that runs anywhere: how big a picture Tesseract gets, the
 * greyscale PGM it reads, and turning a page upright. Decoding (sharp in Node, the browser's
 * own decoders in the web page) is in image.ts and src/web/image.ts.
 */

import { UserError } from "../errors.js";

/** A page picture ready for OCR: a greyscale PGM (Leptonica reads it with no decoding cost) and its resolution. */
export interface PageImage {
  pgm: Uint8Array;
  width: number;
  height: number;
  /** Dots per inch, for Tesseract's size thresholds; estimated for photos. */
  dpi: number;
}

// Tesseract reads body text best at 150-300 dpi: bigger pictures cost time and gain nothing,
// smaller ones (a cropped photo, a thumbnail) lose letters, so they are scaled into this range.
const longestSide = { min: 1600, max: 3300 };
const maxUpscale = 4;

/** The largest image read (in pixels): anything below is decoded shrunk, in bounded memory. */
export const pixelLimit = 16383 * 16383;

export const megapixels = (pixels: number) => Math.round(pixels / 1e6);

/** Refuses an image larger than pixelLimit, before it is decoded. */
export function checkPixels(width: number, height: number): void {
  if (width * height > pixelLimit)
    throw new UserError(
      `the image is ${width}×${height} (${megapixels(width * height)} megapixels); consent-lens reads images up to ${megapixels(pixelLimit)} megapixels`,
    );
}

export const damagedImage = () => new UserError("the image is damaged or incomplete and cannot be read");

/** The size a picture of `width`×`height` is scaled to for OCR. */
export function ocrSize(width: number, height: number): { width: number; height: number; scale: number } {
  const long = Math.max(width, height);
  const scale = long > longestSide.max ? longestSide.max / long : long < longestSide.min ? Math.min(maxUpscale, longestSide.min / long) : 1;
  if (scale === 1) return { width, height, scale };
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)), scale };
}

/**
 * A page picture from greyscale pixels (one byte each, row by row) already scaled by ocrSize.
 * `dpi` is the resolution before scaling; a photo has none, and the page is taken to fill the
 * picture's width (8.5 inches).
 */
export function pageImage(grey: Uint8Array, width: number, height: number, dpi: number | undefined, scale: number): PageImage {
  const resolution = dpi === undefined ? width / 8.5 : dpi * scale;
  return { pgm: pgm(grey, width, height), width, height, dpi: Math.round(Math.min(600, Math.max(70, resolution))) };
}

function pgm(grey: Uint8Array, width: number, height: number): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const file = new Uint8Array(header.length + width * height);
  file.set(header);
  file.set(grey.subarray(0, width * height), header.length);
  return file;
}

/** The page picture turned by a multiple of 90 degrees clockwise (for pages scanned sideways or upside down). */
export function turned(image: PageImage, quarterTurns: number): PageImage {
  const turns = ((quarterTurns % 4) + 4) % 4;
  if (turns === 0) return image;
  const { width: w, height: h } = image;
  const source = image.pgm.subarray(image.pgm.length - w * h);
  const [tw, th] = turns === 2 ? [w, h] : [h, w];
  const target = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const value = source[y * w + x]!;
      if (turns === 1) target[x * tw + (h - 1 - y)] = value;
      else if (turns === 2) target[(h - 1 - y) * tw + (w - 1 - x)] = value;
      else target[(w - 1 - x) * tw + y] = value;
    }
  return { pgm: pgm(target, tw, th), width: tw, height: th, dpi: image.dpi };
}
