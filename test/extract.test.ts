import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { extract } from "../src/extract/index.js";
import { locate } from "../src/text/locate.js";
import { expected, fixture, textOf } from "./helpers.js";

const read = (name: string) => extract({ path: name, bytes: readFileSync(fixture(name)) });

describe("extract", () => {
  it.each([
    ["imaging-ai-consent.pdf", "pdf", 3],
    ["hipaa-authorization.pdf", "pdf", 2],
    ["research-biobank-consent.pdf", "pdf", 3],
    ["protective-form.pdf", "pdf", 2],
    ["imaging-ai-consent.docx", "docx", 1],
    ["imaging-ai-consent.txt", "text", 1],
    ["short-notice.md", "markdown", 1],
    ["bad/not-really.pdf", "text", 1],
  ])("%s is %s with %i page(s)", async (name, format, pages) => {
    const document = await read(name);
    expect(document.format).toBe(format);
    expect(document.pageStarts).toHaveLength(pages);
  });

  const pdfEntries = Object.values(expected)
    .flat()
    .filter((e) => e.file.endsWith(".pdf"));
  it.each(pdfEntries.map((e) => [e.file, e.page, e.contains] as const))("%s: page %i holds “%s”", async (file, page, contains) => {
    const text = await textOf(file);
    const offset = text.value.indexOf(contains);
    expect(offset, "the sentence survives extraction and normalization").toBeGreaterThanOrEqual(0);
    expect(locate(text, offset).page).toBe(page);
  });

  it("keeps Word paragraphs and list items apart", async () => {
    const text = await textOf("research-biobank-consent.docx");
    const sentences = text.sentences.map((s) => text.value.slice(s.start, s.end));
    // list items are paragraphs of their own, never glued to the next one
    expect(sentences.some((s) => /^You can stop taking part at any time\.$/.test(s))).toBe(true);
  });

  it("undoes the hyphenation of the two-column PDF and keeps its columns apart", async () => {
    const text = await textOf("research-biobank-consent.pdf");
    expect(text.value).not.toMatch(/par- ?ties|com- ?panies|algo- ?rithms/);
    expect(text.value).toContain("third parties");
    expect(text.value).toContain("The main risk of taking part is a loss of privacy.");
  });

  it("drops the repeated header and footer of the imaging form", async () => {
    const text = await textOf("imaging-ai-consent.pdf");
    expect(text.value).not.toContain("Form IMG-204");
    expect(text.value).not.toMatch(/Page \d of \d/);
  });

  it("reads an encrypted PDF when given its password", async () => {
    const document = await extract({ path: "e.pdf", bytes: readFileSync(fixture("bad/encrypted.pdf")) }, { password: "secret" });
    expect(document.raw.trim().length).toBeGreaterThan(20);
  });

  it.each([
    ["bad/empty.pdf", /empty/],
    ["bad/truncated.pdf", /damaged or incomplete/],
    ["bad/encrypted.pdf", /password-protected/],
    ["bad/corrupt.docx", /Word document is damaged/],
    ["bad/zip-not-docx.docx", /zip archive but not a Word document/],
    ["bad/legacy.doc", /legacy Word \.doc/],
  ])("refuses %s with a reason", async (name, reason) => {
    await expect(read(name)).rejects.toThrow(reason);
  });
});
