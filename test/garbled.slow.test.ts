// Garbled text layers read by OCR for real: a PDF built here whose font gives shifted letters,
// and the real Spanish authorization of ../shared whose expiration sentence is garbled so
// (skipped when ../shared is not there).
import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { extract } from "../src/extract/index.js";
import type { ReportJson } from "../src/report/schema.js";
import { garbledPdf, garbledText } from "../scripts/garbled-pdf.mjs";
import { root, runCli } from "./helpers.js";

const scanJson = (path: string) => JSON.parse(runCli(["scan", "--format", "json", path]).stdout) as ReportJson;
const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z]+/g, " ")
    .trim();

describe("a garbled text layer read by OCR", () => {
  it("reads the page by OCR, says why, and finds what the garbled sentence said", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "consent-lens-garbled-")), "garbled.pdf");
    const expiry = "This permission to release my records ends one year after the day I sign it.";
    writeFileSync(path, await garbledPdf([{ text: "Permission to release records" }, { text: expiry, garbled: true }]));
    const file = scanJson(path).files[0]!;
    expect(file.notes[0]).toBe("page 1: its text cannot be read (the PDF gives letters in a wrong encoding), so the page was read by OCR");
    expect(file.pageInfo).toEqual([expect.objectContaining({ page: 1, ocr: true })]);
    // What OCR read is the sentence itself, not the garbled layer.
    const document = await extract({ path, bytes: readFileSync(path) });
    expect(words(document.raw)).toContain("permission to release my records ends one year after the day");
    expect(document.raw).not.toContain(garbledText("permission"));
  });
});

const broward = join(root, "..", "shared", "corpus", "authorizations", "broward-health--form-2.pdf");

describe.skipIf(!existsSync(broward))("the real Spanish authorization with a garbled expiration sentence", () => {
  it("is read by OCR, and its expiration is found (no element wrongly missing)", () => {
    const file = scanJson(broward).files[0]!;
    expect(file.notes[0]).toMatch(/^page 1: its text cannot be read .* so the page was read by OCR$/);
    expect(file.grade).not.toBeNull();
    const missing = file.findings.flatMap((f) => (f.kind === "missing" ? [f.element] : []));
    expect(missing.filter((id) => id.startsWith("hipaa-"))).toEqual([]);
  });
});
