import type { PDFParse } from "pdf-parse";
import { UserError } from "../errors.js";
import { renderedPage, type PageImage } from "./image.js";

export interface PdfOptions {
  password?: string;
}

/** An open PDF: the text of each page as lines, and its pages as pictures for those that have no text. */
export interface Pdf {
  pages: string[][];
  /** Page `page` (1-based) rendered for OCR. */
  picture(page: number): Promise<PageImage>;
  close(): Promise<void>;
}

// Tesseract reads body text as well at 200 dpi as at 300, in less time; a page's longer side is capped
// so that a poster-sized page cannot take gigabytes.
const renderDpi = 200;
const maxRenderedSide = 3300;

/** Opens a PDF and reads its text. pdf-parse (and pdf.js) load only when a PDF needs them. */
export async function openPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<Pdf> {
  const { PDFParse } = await import("pdf-parse");
  // pdf.js takes ownership of the buffer it is given; pass a copy so the caller's bytes stay intact.
  const parser = new PDFParse({ data: bytes.slice(), ...(options.password ? { password: options.password } : {}) });
  const close = () => parser.destroy().catch(() => undefined);
  try {
    const result = await parser.getText({ pageJoiner: "" });
    return { pages: result.pages.map((page) => page.text.split("\n")), picture: (page) => render(parser, page), close };
  } catch (error) {
    await close();
    throw pdfError(error, options);
  }
}

async function render(parser: PDFParse, page: number): Promise<PageImage> {
  const info = await parser.getInfo({ parsePageInfo: true, partial: [page] });
  const size = info.pages[0] ?? { width: 612, height: 792 };
  const scale = Math.min(renderDpi / 72, maxRenderedSide / Math.max(size.width, size.height, 1));
  const shot = await parser.getScreenshot({ partial: [page], scale, imageBuffer: true, imageDataUrl: false });
  const rendered = shot.pages[0];
  if (!rendered) throw new Error(`page ${page} could not be rendered`);
  return renderedPage(rendered.data, rendered.width, rendered.height, scale * 72);
}

/** An encrypted PDF opened without its password, or with a wrong one (the web page asks for it then). */
export class PdfPasswordError extends UserError {
  constructor(readonly incorrect: boolean) {
    super(incorrect ? "the PDF password is incorrect" : "the PDF is password-protected; give the password with --password");
  }
}

// pdf-parse reports problems as named exceptions; map them to what the user can do.
function pdfError(error: unknown, options: PdfOptions): Error {
  const name = (error as Error)?.name;
  if (name === "PasswordException") return new PdfPasswordError(Boolean(options.password));
  if (name === "InvalidPDFException" || name === "FormatError") return new UserError("the PDF is damaged or incomplete and cannot be read");
  return error instanceof Error ? error : new Error(String(error));
}
