import { createHash } from "node:crypto";

/** A string's SHA-256, in hex. Node's; the web page has the same function without Node (src/web/sha256.ts). */
export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
