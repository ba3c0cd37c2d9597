import { describe, expect, it } from "vitest";
import { sha256 as nodeSha256 } from "../src/report/sha256.js";
import { sha256 as pageSha256 } from "../src/web/sha256.js";

// The page's versions of Node-only modules must give what the command line gives: a finding's id is the same in both.
describe("the web page's versions of Node-only modules", () => {
  it.each(["", "third-party-sharing\u0000your data may be shared", "données partagées · 個人情報 · 🙂", "x".repeat(1000)])(
    "hashes as node:crypto does: %j",
    (text) => {
      expect(pageSha256(text)).toBe(nodeSha256(text));
    },
  );
});
