import type JSZip from "jszip";
import { UserError } from "../errors.js";

/**
 * What mammoth may inflate from a Word file, all parts together. A real form's
 * document.xml is about 100 KB; a zip bomb declares or inflates to gigabytes.
 */
export const inflatedLimit = 50 * 1024 * 1024;

/** The paragraphs of a Word document (list items and table cells are paragraphs too). */
export async function extractDocx(bytes: Uint8Array): Promise<string[]> {
  const { default: mammoth } = await import("mammoth");
  try {
    // mammoth reads the parts it needs through `file` (its own zip reader is the same
    // JSZip, unbounded); the option is not in its types.
    const input = { file: await boundedZip(bytes) } as unknown as Parameters<typeof mammoth.extractRawText>[0];
    const { value } = await mammoth.extractRawText(input);
    // mammoth separates paragraphs with a blank line; one line per paragraph is enough.
    return value.split(/\n\n/).map((paragraph) => paragraph.replace(/\s*\n\s*/g, " "));
  } catch (error) {
    if (error instanceof UserError) throw error;
    // mammoth and JSZip throw plain Errors; every one of them means the zip or its XML is unusable.
    const message = (error as Error)?.message ?? "";
    if (/main document part/i.test(message)) throw new UserError("the file is a zip archive but not a Word document");
    throw new UserError("the Word document is damaged or incomplete and cannot be read");
  }
}

// The chunks of one zip entry as JSZip inflates them (its internalStream: documented, not typed).
interface ChunkStream {
  on(event: "data", listener: (chunk: Uint8Array) => void): ChunkStream;
  on(event: "error", listener: (error: Error) => void): ChunkStream;
  on(event: "end", listener: () => void): ChunkStream;
  resume(): ChunkStream;
  pause(): ChunkStream;
}

/**
 * The zip as mammoth reads it (`exists`, `read`), inflating each part as a stream and
 * stopping as soon as what was inflated passes the limit, so a bomb costs neither
 * memory nor time. An entry whose header declares more is refused before inflating.
 */
async function boundedZip(bytes: Uint8Array) {
  const { default: JSZipClass } = await import("jszip");
  const zip = await JSZipClass.loadAsync(bytes);
  let inflated = 0;
  const read = (name: string) =>
    new Promise<Uint8Array>((resolve, reject) => {
      const entry = zip.file(name);
      if (!entry) return reject(new Error(`no part ${name}`));
      // The size the entry's header declares (JSZip's private field; the stream below holds without it).
      const declared = (entry as JSZip.JSZipObject & { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
      if (typeof declared === "number" && inflated + declared > inflatedLimit) return reject(tooLarge());
      const chunks: Uint8Array[] = [];
      const stream = (entry as unknown as { internalStream(type: "uint8array"): ChunkStream }).internalStream("uint8array");
      stream
        .on("data", (chunk) => {
          inflated += chunk.length;
          if (inflated <= inflatedLimit) return void chunks.push(chunk);
          stream.pause();
          reject(tooLarge());
        })
        .on("error", reject)
        .on("end", () => resolve(concat(chunks)))
        .resume();
    });
  return {
    exists: (name: string) => zip.file(name) !== null,
    read: async (name: string, encoding?: string) => {
      const data = await read(name);
      if (encoding === "base64") return btoa(Array.from(data, (byte) => String.fromCharCode(byte)).join(""));
      return encoding ? new TextDecoder(encoding).decode(data) : data;
    },
  };
}

// Node's Buffer would do; this runs in the web page too.
function concat(chunks: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(chunks.reduce((n, chunk) => n + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) all.set(chunk, (at += chunk.length) - chunk.length);
  return all;
}

const tooLarge = () =>
  new UserError(`the Word document unpacks to more than ${inflatedLimit / 1024 / 1024} MB (a zip bomb?); it was not read`);
