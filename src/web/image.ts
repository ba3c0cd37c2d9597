import { UserError } from "../errors.js";
import type * as NodeImage from "../extract/image.js";

/*
 * The page's version of src/extract/image.ts: photos are read by OCR (sharp and Tesseract)
 * in the command line only, for now.
 */

export type PageImage = NodeImage.PageImage;

const commandLineOnly = (): never => {
  throw new UserError(
    "this web page cannot read photos yet; the command line can (consent-lens scan photo.jpg); the page reads PDF, Word and text files",
  );
};

export const imagePageCount: typeof NodeImage.imagePageCount = async () => commandLineOnly();
export const imagePage: typeof NodeImage.imagePage = async () => commandLineOnly();
export const renderedPage: typeof NodeImage.renderedPage = async () => commandLineOnly();
