// OCR for real: scans and phone photos built here from the fixture forms (scripts/scans.mjs),
// read by the built CLI. Slow (each page costs Tesseract a few seconds), so the pages are few;
// `npm run bench` measures word accuracy and speed on more of them.
import { beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import { photograph, renderPage, scannedPdf } from "../scripts/scans.mjs";
import { extract } from "../src/extract/index.js";
import { ocrPages } from "../src/extract/ocr.js";
import { imagePage, renderedPage } from "../src/extract/image.js";
import { languageOf } from "../src/text/language.js";
import type { ReportJson } from "../src/report/schema.js";
import { fixture, runCli } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "consent-lens-ocr-"));
const at = (name: string) => join(dir, name);
const scanJson = (...args: string[]) => {
  const result = runCli(["scan", "--format", "json", ...args]);
  return { ...result, json: result.stdout ? (JSON.parse(result.stdout) as ReportJson) : undefined };
};

let imaging: { png: Buffer };
let hipaa: { text: string; png: Buffer };

beforeAll(async () => {
  imaging = await renderPage(fixture("imaging-ai-consent.pdf"), 2, 200);
  hipaa = await renderPage(fixture("hipaa-authorization.pdf"), 1, 200);
  // The Spanish authorization printed (with its accents), then scanned.
  writeFileSync(at("spanish.pdf"), await scannedPdf([{ text: readFileSync(fixture("autorizacion-es.txt"), "utf8") }]));
  writeFileSync(at("spanish-scan.pdf"), await scannedPdf([{ png: (await renderPage(at("spanish.pdf"), 1, 200)).png }]));
  // A PDF whose first page has a text layer and whose second is a scanned picture.
  writeFileSync(
    at("mixed.pdf"),
    await scannedPdf([{ text: "Patient information sheet. Please read both pages before you sign." }, { png: hipaa.png }]),
  );
  // A phone photo, turned 3 degrees, shadowed and noisy; and the top of another page, upside down.
  writeFileSync(at("photo-1.jpg"), await photograph(imaging.png, { angle: 3, seed: 7 }));
  const top = await sharp(hipaa.png).extract({ left: 0, top: 0, width: 1700, height: 900 }).png().toBuffer();
  writeFileSync(at("photo-2.jpg"), await photograph(top, { angle: -2, quarterTurns: 2, seed: 8 }));
});

describe("scanned PDFs", () => {
  it("keeps a page's text layer, reads the scanned page by OCR, and places its findings by page and line", () => {
    const { code, json, stderr } = scanJson(at("mixed.pdf"));
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const file = json!.files[0]!;
    expect(file.pageInfo.map((p) => p.ocr)).toEqual([false, true]);
    expect(file.pageInfo[1]!.confidence).toBeGreaterThan(85);
    expect(file.ocrConfidence).toBe(file.pageInfo[1]!.confidence);
    const onPage2 = file.findings.filter((f) => f.kind === "phrase" && f.location.page === 2);
    expect(onPage2.length).toBeGreaterThan(2);
    for (const f of onPage2) if (f.kind === "phrase") expect(f.location.line).toBeGreaterThan(1);
    expect(file.notes.join("\n")).toMatch(/read by OCR, page \(mean word confidence\): 2 \(\d+%\)/);
  });

  it("says in one line when OCR finds no text either", () => {
    const { code, stdout, stderr } = runCli(["scan", fixture("bad/scanned.pdf")]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^consent-lens: \S+scanned\.pdf: the PDF has no text layer, and OCR found no text in its pages\n$/);
  });
});

describe("Spanish pages", () => {
  const summary = (file: ReportJson["files"][number]) =>
    file.findings.map((f) => (f.kind === "phrase" ? `${f.category} ${f.polarity}` : `missing ${f.element}`)).sort();

  it("reads a scanned Spanish page with the Spanish data: its accents right, the findings of the form's text", () => {
    const { code, json, stderr } = scanJson(at("spanish-scan.pdf"));
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const file = json!.files[0]!;
    expect(file.language.main).toBe("es");
    const sentences = file.findings.flatMap((f) => (f.kind === "phrase" ? [f.sentence] : [])).join("\n");
    // Read with the English data, these came out "informacion", "podra", "investigacion", "imagenes".
    expect(sentences).toContain("La información que se entregue podrá ser compartida");
    expect(sentences).toContain("para estudios de investigación");
    expect(sentences).toContain("imágenes médicas");
    const typed = scanJson(fixture("autorizacion-es.txt")).json!.files[0]!;
    expect(summary(file)).toEqual(summary(typed));
    expect(file.grade).toBe(typed.grade);
  });

  it("reads an English page with the English data alone, as before", async () => {
    const picture = await renderedPage(hipaa.png, 1700, 2200, 200);
    const told: (string | undefined)[] = [];
    const pageLanguage = (text: string) => {
      told.push(languageOf(text));
      return told.at(-1);
    };
    const [withLanguage] = await ocrPages(1, async () => picture, { pageLanguage });
    const [english] = await ocrPages(1, async () => picture);
    expect(told).toEqual(["en"]);
    expect(withLanguage).toEqual(english);
  });
});

describe("photos", () => {
  it("reads photographed pages as one form, in order, the upside-down one turned upright", () => {
    const { code, json, stderr } = scanJson("--as-one", at("photo-1.jpg"), at("photo-2.jpg"));
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const file = json!.files[0]!;
    expect(file.format).toBe("image");
    expect(file.path).toBe(`${at("photo-1.jpg")} + ${at("photo-2.jpg")}`);
    expect(file.pageInfo.map((p) => p.ocr)).toEqual([true, true]);
    // The imaging consent's AI section is on the first photo; read upside down, the second would score about 30.
    const ai = file.findings.find((f) => f.kind === "phrase" && f.category === "ai-training");
    expect(ai?.kind === "phrase" && ai.location.page).toBe(1);
    for (const page of file.pageInfo) expect(page.confidence).toBeGreaterThan(80);
  });

  it("says in one line when an image has no text", () => {
    const { code, stderr } = runCli(["scan", fixture("bad/photo.png")]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^consent-lens: \S+photo\.png: no text found in the image, even by OCR\n$/);
  });

  it("shrinks a 200-megapixel photo while decoding it, in bounded memory", async () => {
    const huge = await sharp({ create: { width: 16384, height: 12288, channels: 3, background: "#ffffff" } })
      .jpeg()
      .toBuffer();
    const before = process.resourceUsage().maxRSS;
    const page = await imagePage(huge, 0);
    expect(Math.max(page.width, page.height)).toBe(3300);
    // Decoded whole, it would take 600 MB.
    expect(process.resourceUsage().maxRSS - before).toBeLessThan(300 * 1024);
  });
});

describe("long scans", () => {
  it("gives up a page that takes too long, and says so", async () => {
    const picture = await renderedPage(hipaa.png, 1700, 2200, 200);
    const [page] = await ocrPages(1, async () => picture, { pageTimeoutMs: 1 });
    expect(page).toBeInstanceOf(Error);
    expect((page as Error).message).toMatch(/OCR gave up after/);
  });

  it("says why a scanned PDF could not be read when OCR gave up on every page", async () => {
    const bytes = readFileSync(fixture("bad/scanned.pdf"));
    await expect(extract({ path: "scanned.pdf", bytes }, { ocr: { pageTimeoutMs: 1 } })).rejects.toThrow(
      /^the PDF has no text layer, and OCR could not read its pages \(OCR gave up after 0 s\)$/,
    );
  });

  it("fails in one line, and lets the process end, when OCR's language data cannot be loaded", async () => {
    // A child process: before, the worker tesseract.js started kept it alive for ever.
    const readsWithoutData = `
      const { readPages } = await import(${JSON.stringify(new URL("../dist/extract/ocr-pages.js", import.meta.url).href)});
      const engine = { workerOptions: () => ({ langPath: ${JSON.stringify(dir)} }), languages: ["eng"], defaultWorkers: () => 1 };
      await readPages(engine, 1, () => { throw new Error("no page should be asked for"); }).catch((e) => console.log(e.message));`;
    const child = spawn(process.execPath, ["--input-type=module", "-e", readsWithoutData]);
    let stdout = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    const stillRunning = setTimeout(() => child.kill(), 30_000);
    const code = await new Promise((resolve) => child.on("exit", (c, signal) => resolve(signal ?? c)));
    clearTimeout(stillRunning);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^OCR could not load its eng language data \(.*eng\.traineddata.*\)\n$/);
  });

  it("stops at once on Ctrl-C in a 1,000-page scan", async () => {
    const small = await sharp(hipaa.png).resize(425).png().toBuffer();
    writeFileSync(at("long.pdf"), await scannedPdf(Array.from({ length: 1000 }, () => ({ png: small }))));
    const child = spawn(process.execPath, [fileURLToPath(new URL("../bin/consent-lens.js", import.meta.url)), "scan", at("long.pdf")]);
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const sent = Date.now();
    child.kill("SIGINT");
    const signal = await new Promise((resolve) => child.on("exit", (_, s) => resolve(s)));
    expect(signal).toBe("SIGINT");
    expect(Date.now() - sent).toBeLessThan(2000);
    expect(stderr).toBe("");
  });
});
