import type { Sharp } from "sharp";
import { UserError } from "../errors.js";
import { checkPixels, damagedImage, megapixels, ocrSize, pageImage, pixelLimit, type PageImage } from "./page-image.js";

export type { PageImage } from "./page-image.js";

const loadSharp = async () => (await import("sharp")).default;

/** How many pages an image file holds: a TIFF may hold several, other formats one. */
export async function imagePageCount(bytes: Uint8Array): Promise<number> {
  const sharp = await loadSharp();
  try {
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    checkPixels(meta.width, meta.height);
    return meta.pages ?? 1;
  } catch (error) {
    throw imageError(error);
  }
}

/** One page of an image file (a photo or a scan), upright by its EXIF orientation, greyscale, scaled for OCR. */
export async function imagePage(bytes: Uint8Array, page: number): Promise<PageImage> {
  const sharp = await loadSharp();
  try {
    // sharp refuses images over pixelLimit before decoding them; autoOrient in the constructor keeps
    // JPEG shrink-on-load: a 200-megapixel photo decodes in about 100 MB.
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
  const size = ocrSize(width, height);
  const pipeline = image.flatten({ background: "#ffffff" }).greyscale();
  if (size.scale !== 1) pipeline.resize(size.width, size.height, { fit: "fill" });
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  return pageImage(data, info.width, info.height, dpi, size.scale);
}

// sharp (libvips) reports every decoding failure as a plain Error; the known ones get a line each.
function imageError(error: unknown): Error {
  if (error instanceof UserError) return error;
  const message = (error as Error)?.message ?? "";
  if (/pixel limit/i.test(message)) return new UserError(`the image is larger than ${megapixels(pixelLimit)} megapixels`);
  if (/unsupported image format/i.test(message)) return new UserError("the image format is not supported; save it as PNG or JPEG");
  return damagedImage();
}
