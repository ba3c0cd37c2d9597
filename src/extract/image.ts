import type { Sharp } from "sharp";
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
// sharp refuses larger images before decoding them; anything below is decoded shrunk, in bounded memory.
const pixelLimit = 16383 * 16383;

const loadSharp = async () => (await import("sharp")).default;

/** How many pages an image file holds: a TIFF may hold several, other formats one. */
export async function imagePageCount(bytes: Uint8Array): Promise<number> {
  const sharp = await loadSharp();
  try {
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    if (meta.width * meta.height > pixelLimit)
      throw new UserError(
        `the image is ${meta.width}×${meta.height} (${megapixels(meta.width * meta.height)} megapixels); consent-lens reads images up to ${megapixels(pixelLimit)} megapixels`,
      );
    return meta.pages ?? 1;
  } catch (error) {
    throw imageError(error);
  }
}

/** One page of an image file (a photo or a scan), upright by its EXIF orientation, greyscale, scaled for OCR. */
export async function imagePage(bytes: Uint8Array, page: number): Promise<PageImage> {
  const sharp = await loadSharp();
  try {
    // autoOrient in the constructor keeps JPEG shrink-on-load: a 200-megapixel photo decodes in about 100 MB.
    const image = sharp(bytes, { page, autoOrient: true, sequentialRead: true, limitInputPixels: pixelLimit, failOn: "truncated" });
    const { autoOrient } = await image.metadata();
    return await toPageImage(image, autoOrient.width, autoOrient.height, undefined);
  } catch (error) {
    throw imageError(error);
  }
}

/** A rendered PDF page (PNG from pdf.js at `dpi`) as a page picture. */
export async function renderedPage(png: Uint8Array, width: number, height: number, dpi: number): Promise<PageImage> {
  const sharp = await loadSharp();
  return toPageImage(sharp(png), width, height, dpi);
}

async function toPageImage(image: Sharp, width: number, height: number, dpi: number | undefined): Promise<PageImage> {
  const long = Math.max(width, height);
  const scale = long > longestSide.max ? longestSide.max / long : long < longestSide.min ? Math.min(maxUpscale, longestSide.min / long) : 1;
  const pipeline = image.flatten({ background: "#ffffff" }).greyscale();
  if (scale !== 1) pipeline.resize(Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale)), { fit: "fill" });
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  // A photo has no resolution of its own; assume the page fills the picture's width (8.5 inches).
  const resolution = dpi === undefined ? info.width / 8.5 : dpi * scale;
  const header = Buffer.from(`P5\n${info.width} ${info.height}\n255\n`);
  const pgm = new Uint8Array(header.length + data.length);
  pgm.set(header);
  pgm.set(data, header.length);
  return { pgm, width: info.width, height: info.height, dpi: Math.round(Math.min(600, Math.max(70, resolution))) };
}

/** The page picture turned by a multiple of 90 degrees clockwise (for pages scanned sideways or upside down). */
export function turned(image: PageImage, quarterTurns: number): PageImage {
  const turns = ((quarterTurns % 4) + 4) % 4;
  if (turns === 0) return image;
  const { width: w, height: h } = image;
  const offset = image.pgm.length - w * h;
  const source = image.pgm.subarray(offset);
  const [tw, th] = turns === 2 ? [w, h] : [h, w];
  const header = Buffer.from(`P5\n${tw} ${th}\n255\n`);
  const pgm = new Uint8Array(header.length + w * h);
  pgm.set(header);
  const target = pgm.subarray(header.length);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const value = source[y * w + x]!;
      if (turns === 1) target[x * tw + (h - 1 - y)] = value;
      else if (turns === 2) target[(h - 1 - y) * tw + (w - 1 - x)] = value;
      else target[(w - 1 - x) * tw + y] = value;
    }
  return { pgm, width: tw, height: th, dpi: image.dpi };
}

const megapixels = (pixels: number) => Math.round(pixels / 1e6);

// sharp (libvips) reports every decoding failure as a plain Error; the known ones get a line each.
function imageError(error: unknown): Error {
  if (error instanceof UserError) return error;
  const message = (error as Error)?.message ?? "";
  if (/pixel limit/i.test(message)) return new UserError(`the image is larger than ${megapixels(pixelLimit)} megapixels`);
  if (/unsupported image format/i.test(message)) return new UserError("the image format is not supported; save it as PNG or JPEG");
  return new UserError("the image is damaged or incomplete and cannot be read");
}
