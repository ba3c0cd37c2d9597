import { UserError } from "../errors.js";

export interface PdfOptions {
  password?: string;
}

/** The text of each page of a PDF, as lines. pdf-parse (and pdf.js) load only when a PDF needs them. */
export async function extractPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<string[][]> {
  const { PDFParse } = await import("pdf-parse");
  // pdf.js takes ownership of the buffer it is given; pass a copy so the caller's bytes stay intact.
  const parser = new PDFParse({ data: bytes.slice(), ...(options.password ? { password: options.password } : {}) });
  try {
    const result = await parser.getText({ pageJoiner: "" });
    return result.pages.map((page) => page.text.split("\n"));
  } catch (error) {
    throw pdfError(error, options);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

// pdf-parse reports problems as named exceptions; map them to what the user can do.
function pdfError(error: unknown, options: PdfOptions): Error {
  const name = (error as Error)?.name;
  if (name === "PasswordException")
    return new UserError(
      options.password ? "the PDF password is incorrect" : "the PDF is password-protected; give the password with --password",
    );
  if (name === "InvalidPDFException" || name === "FormatError") return new UserError("the PDF is damaged or incomplete and cannot be read");
  return error instanceof Error ? error : new Error(String(error));
}
