import { sha256 as digest } from "@noble/hashes/sha2";
import { bytesToHex } from "@noble/hashes/utils";
import type * as NodeSha256 from "../report/sha256.js";

/** A string's SHA-256, in hex: what src/report/sha256.ts gives with node:crypto, which a page does not have (synchronous, as fingerprints are). */
export const sha256: typeof NodeSha256.sha256 = (text) => bytesToHex(digest(new TextEncoder().encode(text)));
