import { UserError } from "../errors.js";
import type * as NodeImage from "../extract/image.js";
import { checkPixels, damagedImage, ocrSize, pageImage, type PageImage } from "../extract/page-image.js";

/*
 * The page's version of src/extract/image.ts: the browser decodes photos (and turns them upright by
 * their EXIF orientation) and a canvas scales them, where the command line uses sharp; the size, the
 * greyscale picture and the limits are the command line's (src/extract/page-image.ts).
 */

export type { PageImage } from "../extract/page-image.js";

const isTiff = (bytes: Uint8Array) => (bytes[0] === 0x49 && bytes[1] === 0x49) || (bytes[0] === 0x4d && bytes[1] === 0x4d);

async function decode(bytes: Uint8Array): Promise<ImageBitmap> {
  try {
    // Upright by the EXIF orientation: imageOrientation's default, "from-image" (a browser that ignores it
    // gives the picture as stored, and OCR tries the other orientations of a page it reads poorly).
    return await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  } catch {
    // Most browsers have no TIFF decoder: a scanner's TIFF is not damaged, it needs saving in another format.
    if (isTiff(bytes)) throw new UserError("this browser cannot read TIFF images; save it as PNG or JPEG");
    throw damagedImage();
  }
}

/** Browsers decode the first page of a TIFF at most: every image is one page here. */
export const imagePageCount: typeof NodeImage.imagePageCount = async (bytes) => {
  const bitmap = await decode(bytes);
  try {
    checkPixels(bitmap.width, bitmap.height);
    return 1;
  } finally {
    bitmap.close();
  }
};

export const imagePage: typeof NodeImage.imagePage = async (bytes) => {
  const bitmap = await decode(bytes);
  try {
    checkPixels(bitmap.width, bitmap.height);
    return toPageImage(bitmap, bitmap.width, bitmap.height, undefined);
  } finally {
    bitmap.close();
  }
};

/** A PDF page pdf.js rendered at `dpi`: in the browser, pdf-parse gives the canvas's RGBA pixels (a PNG in Node). */
export const renderedPage: typeof NodeImage.renderedPage = async (rgba, width, _height, dpi) => {
  const columns = Math.floor(width);
  const rows = Math.floor(rgba.length / 4 / columns);
  const bitmap = await createImageBitmap(
    new ImageData(new Uint8ClampedArray(rgba.buffer as ArrayBuffer, rgba.byteOffset, columns * rows * 4), columns, rows),
  );
  try {
    return toPageImage(bitmap, columns, rows, dpi);
  } finally {
    bitmap.close();
  }
};

// Scaled as the command line scales (ocrSize), onto white (a transparent PNG's background), then grey by luma.
function toPageImage(bitmap: ImageBitmap, width: number, height: number, dpi: number | undefined): PageImage {
  const size = ocrSize(width, height);
  const canvas = new OffscreenCanvas(size.width, size.height);
  const context = canvas.getContext("2d", { willReadFrequently: true })!;
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, size.width, size.height);
  context.imageSmoothingQuality = "high";
  context.drawImage(bitmap, 0, 0, size.width, size.height);
  const { data } = context.getImageData(0, 0, size.width, size.height);
  const grey = new Uint8Array(size.width * size.height);
  for (let i = 0, p = 0; i < grey.length; i++, p += 4)
    grey[i] = Math.round(0.2126 * data[p]! + 0.7152 * data[p + 1]! + 0.0722 * data[p + 2]!);
  return pageImage(grey, size.width, size.height, dpi, size.scale);
}
