import type { InputFormat } from "../types.js";
import { UserError } from "../errors.js";

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

// Old Office files and RTF are refused by name, so the user knows what to do.
const refused: { magic: number[]; problem: string }[] = [
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    problem:
      "legacy Word .doc (or other old Office) file is not supported; save it as .docx or PDF (e.g. soffice --headless --convert-to docx)",
  },
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], problem: "RTF files are not supported; save it as .docx or PDF" },
];

// Photos and scans, read by OCR: PNG, JPEG, TIFF (either byte order), GIF, and WebP (a RIFF file whose type is WEBP).
const imageMagic = [
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x49, 0x49, 0x2a, 0x00],
  [0x4d, 0x4d, 0x00, 0x2a],
  [0x47, 0x49, 0x46, 0x38],
];
const isWebp = (bytes: Uint8Array) =>
  startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes.subarray(8), [0x57, 0x45, 0x42, 0x50]);

/** A text file's encoding, from its byte order mark: UTF-16 (Windows' "Unicode") has one; anything else is read as UTF-8. */
export function textEncoding(bytes: Uint8Array): "utf-8" | "utf-16le" | "utf-16be" {
  if (startsWith(bytes, [0xff, 0xfe])) return "utf-16le";
  if (startsWith(bytes, [0xfe, 0xff])) return "utf-16be";
  return "utf-8";
}

// Markdown is told from plain text by its block syntax, not by the file name.
const markdownLine = /^(#{1,6} \S|[*-] \[[ x]\] |```|\|.*\|\s*$)/m;

/** The file's format, from its bytes. Throws a UserError for anything we cannot read. */
export function detectFormat(bytes: Uint8Array): InputFormat {
  if (bytes.length === 0) throw new UserError("the file is empty (0 bytes)");
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf"; // %PDF-
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return "docx"; // a zip; mammoth checks it is Word
  if (imageMagic.some((magic) => startsWith(bytes, magic)) || isWebp(bytes)) return "image";
  for (const { magic, problem } of refused) if (startsWith(bytes, magic)) throw new UserError(problem);
  const head = bytes.subarray(0, 8192);
  const encoding = textEncoding(bytes);
  // UTF-16 text is half zero bytes; other text has none.
  if (encoding === "utf-8" && head.includes(0))
    throw new UserError("unsupported binary file; consent-lens reads PDF, DOCX, text files and images (PNG, JPEG, TIFF)");
  const text = new TextDecoder(encoding).decode(head);
  return markdownLine.test(text) ? "markdown" : "text";
}
