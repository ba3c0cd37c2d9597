import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Server } from "node:http";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { photograph, renderPage, scannedPdf } from "../scripts/scans.mjs";
import { startServer } from "../src/cli/serve.js";
import type { ReportJson } from "../src/report/schema.js";
import { readerNotLoaded } from "../src/web/not-loaded.js";
import { fixture, root, runCli } from "./helpers.js";
import { hasChromium, launchChromium } from "./chromium.js";

/*
 * The web page (dist/web/, built by the global setup) in Chromium, served by the real `serve` code:
 * it reads real forms from fixtures/ and shows the report the command line makes of them, and it
 * sends nothing anywhere: every request is recorded, and none may leave the page's origin; once
 * the page has loaded, it may only fetch its own parts that load when a form needs them (OCR).
 */

let server: Server;
let origin: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
// Every request of the browser (pages and workers), and those a page made once it had loaded.
const requests: { url: string; method: string }[] = [];
const afterLoad: string[] = [];
// What the page may load once open, when a photo or a scan needs it: its chunks and OCR's files.
const lazyParts = /^GET \/(chunks|ocr)\//;
const problems: string[] = [];
let dir: string;

const fixtures = join(root, "fixtures");
// An executable renamed as a form: a Windows program's header, then zeros.
const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(512)]);

/** Picks a file in the page (as a person does with the file picker) and waits for the report or the problem. */
async function pick(on: Page, file: string | { name: string; buffer: Buffer }) {
  const started = Date.now();
  await on.setInputFiles("#file", typeof file === "string" ? file : { ...file, mimeType: "application/octet-stream" });
  await on.waitForFunction(() => document.body.dataset.state === "done" || document.body.dataset.state === "problem");
  return Date.now() - started;
}

async function openPage(width: number) {
  const opened = await context.newPage();
  await opened.setViewportSize({ width, height: 900 });
  opened.on("console", (m) => void (m.type() === "error" || m.type() === "warning" ? problems.push(`${m.type()}: ${m.text()}`) : 0));
  opened.on("pageerror", (e) => void problems.push(`pageerror: ${e.message}`));
  let loaded = false;
  opened.on("request", (r) => void (loaded ? afterLoad.push(`${r.method()} ${r.url()}`) : 0));
  await opened.goto(origin, { waitUntil: "networkidle" });
  await opened.waitForFunction(() => document.body.dataset.state === "ready");
  loaded = true;
  return opened;
}

/** The report section of the command line's HTML report of a fixture, named as the page names it (its file name). */
function cliReport(name: string, cwd = fixtures, ...options: string[]): string {
  const { stdout, code } = runCli(["scan", name, "-f", "html", "--no-config", ...options], { cwd });
  expect(code).toBe(0);
  return stdout.slice(stdout.indexOf('<section class="report"'), stdout.lastIndexOf("</main>"));
}

/** The rules behind the phrase findings of the command line's JSON report of a file, sorted. */
function cliRules(path: string): string[] {
  const { stdout, code } = runCli(["scan", path, "-f", "json", "--no-config"]);
  expect(code).toBe(0);
  const [file] = (JSON.parse(stdout) as ReportJson).files;
  return file!.findings.flatMap((f) => (f.kind === "phrase" ? [f.ruleId] : [])).sort();
}

/** The rules behind the findings the page shows (each finding's details name its rule), sorted. */
const shownRules = (on: Page) =>
  on.evaluate(() => [...(document.querySelector("#report")?.textContent ?? "").matchAll(/· rule ([a-z0-9-]+)/g)].map((m) => m[1]!).sort());

/** The command line's one line for a file it cannot read, less its "consent-lens: " prefix. */
function cliProblem(name: string, cwd = fixtures): string {
  const { stderr, code } = runCli(["scan", name, "--no-config"], { cwd });
  expect(code).toBe(2);
  return stderr.replace(/^consent-lens: /, "").trimEnd();
}

// Both reports as the browser serialises them, so that only their content can differ.
const shownReport = (on: Page, cli: string) =>
  on.evaluate((cliHtml) => {
    const template = document.createElement("template");
    template.innerHTML = cliHtml;
    // The page shows the print buttons its script handles, as the report's own script does.
    for (const button of template.content.querySelectorAll<HTMLButtonElement>("button.print")) button.hidden = false;
    return {
      page: document.querySelector("#report section.report")?.outerHTML,
      cli: template.content.querySelector("section.report")?.outerHTML,
    };
  }, cli);

const noHorizontalScroll = (on: Page) => on.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

beforeAll(async () => {
  if (!hasChromium) return;
  dir = mkdtempSync(join(tmpdir(), "consent-lens-web-"));
  writeFileSync(join(dir, "program.pdf"), exe);
  // A phone photo of a fixture's page, and a PDF whose second page is a scan of another's (as the OCR tests make them).
  const imaging = await renderPage(fixture("imaging-ai-consent.pdf"), 2, 200);
  writeFileSync(join(dir, "photo.jpg"), await photograph(imaging.png, { angle: 3, seed: 7 }));
  const hipaa = await renderPage(fixture("hipaa-authorization.pdf"), 1, 200);
  writeFileSync(
    join(dir, "mixed.pdf"),
    await scannedPdf([{ text: "Patient information sheet. Read both pages before you sign." }, { png: hipaa.png }]),
  );
  // Two scanned pages: two OCR workers' work, where the page keeps one.
  const protective = await renderPage(fixture("protective-form.pdf"), 1, 150);
  writeFileSync(
    join(dir, "scanned.pdf"),
    await scannedPdf([{ png: protective.png }, { png: (await renderPage(fixture("protective-form.pdf"), 2, 150)).png }]),
  );
  let url: string;
  ({ server, url } = await startServer({ port: 0 }));
  origin = url;
  browser = await launchChromium();
  context = await browser.newContext();
  context.on("request", (r) => void requests.push({ url: r.url(), method: r.method() }));
  page = await openPage(1280);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!hasChromium)("the web page, in Chromium", () => {
  it("loads only its own files, with a policy that allows no connection, and says the form stays on the device", async () => {
    const urls = requests.map((r) => r.url.replace(origin, "/"));
    expect(urls).toEqual(expect.arrayContaining(["/", "/app.js", "/report.js", "/report.css", "/page.css", "/pdf.worker.mjs"]));
    // OCR loads only when a photo or a scan needs it.
    expect(urls.filter((u) => u.startsWith("/ocr/"))).toEqual([]);
    expect(requests.every((r) => r.url.startsWith(origin) && r.method === "GET")).toBe(true);
    expect(await page.getAttribute("meta[http-equiv=Content-Security-Policy]", "content")).toContain("connect-src 'none'");
    expect(await page.textContent("#private")).toContain("Your form stays on this device.");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    // The policy is in force: the page's own script could not send anything, even to its own server.
    const sent = await page.evaluate(() =>
      fetch("/", { method: "POST", body: "form" }).then(
        () => "sent",
        () => "refused",
      ),
    );
    expect(sent).toBe("refused");
    expect(afterLoad).toEqual([]);
    // Chromium reports the refusal on the console; nothing else may be there.
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.filter((p) => !p.includes("Content Security Policy"))).toEqual([]);
    problems.length = 0;
  });

  it("checks a 3-page PDF in under 2 s once the page has loaded", async () => {
    const ms = await pick(page, fixture("research-biobank-consent.pdf"));
    console.log(`web page: research-biobank-consent.pdf (3 pages) checked in ${ms} ms`);
    expect(await page.getAttribute("body", "data-state")).toBe("done");
    expect(ms).toBeLessThan(2000);
  });

  it.each([
    "imaging-ai-consent.pdf",
    "hipaa-authorization.pdf",
    "imaging-ai-consent.docx",
    "protective-form.docx",
    "imaging-ai-consent.txt",
    "short-notice.md",
    "autorizacion-es.txt",
    "bilingual-en-es.txt",
  ])("shows the report the command line makes of %s", async (name) => {
    await pick(page, fixture(name));
    expect(await page.getAttribute("body", "data-state")).toBe("done");
    const { page: shown, cli } = await shownReport(page, cliReport(name));
    expect(cli).toMatch(/^<section class="report"/);
    expect(shown).toBe(cli);
    // Key points first, then the marked text; the status line says what was found.
    expect(await page.locator("#report .key-points").isVisible()).toBe(true);
    expect(await page.textContent("#status")).toMatch(new RegExp(`^${name.replace(".", "\\.")} checked: `));
  });

  it.each(["truncated.pdf", "corrupt.docx", "zip-not-docx.docx", "legacy.doc", "empty.pdf", "photo.png", "scanned.pdf"])(
    "says in the command line's one line what is wrong with %s",
    async (name) => {
      await pick(page, fixture(`bad/${name}`));
      expect(await page.getAttribute("body", "data-state")).toBe("problem");
      expect(await page.textContent("#problem")).toBe(cliProblem(`bad/${name}`).replace("bad/", ""));
      expect(await page.locator("#report section").count()).toBe(0);
    },
  );

  it("says the same of a program renamed as a PDF", async () => {
    await pick(page, { name: "program.pdf", buffer: exe });
    expect(await page.textContent("#problem")).toBe(cliProblem("program.pdf", dir));
  });

  it("asks for an encrypted PDF's password, says when it is wrong, and opens the PDF with it", async () => {
    await pick(page, fixture("bad/encrypted.pdf"));
    expect(await page.getAttribute("body", "data-state")).toBe("problem");
    // The command line's line, less its advice to give --password: the page asks for it.
    expect(cliProblem("bad/encrypted.pdf")).toBe("bad/encrypted.pdf: the PDF is password-protected; give the password with --password");
    expect(await page.textContent("#problem")).toBe("encrypted.pdf: the PDF is password-protected; type its password below");
    expect(await page.locator("#password").isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("password");
    await page.fill("#password", "not-it");
    await page.press("#password", "Enter");
    await page.waitForFunction(() => document.body.dataset.state !== "reading");
    const wrong = runCli(["scan", "--password", "not-it", "--no-config", "bad/encrypted.pdf"], { cwd: fixtures });
    expect(await page.textContent("#problem")).toBe(wrong.stderr.replace(/^consent-lens: bad\//, "").trimEnd());
    await page.fill("#password", "secret");
    await page.click("#unlock button");
    await page.waitForFunction(() => document.body.dataset.state !== "reading");
    expect(await page.getAttribute("body", "data-state")).toBe("done");
    expect(await page.locator("#unlock").isVisible()).toBe(false);
    const { page: shown, cli } = await shownReport(page, cliReport("encrypted.pdf", join(fixtures, "bad"), "--password", "secret"));
    expect(cli).toMatch(/^<section class="report"/);
    expect(shown).toBe(cli);
  });

  it("reads a photo by OCR as the command line does, with OCR's files from its own site", async () => {
    const first = await pick(page, join(dir, "photo.jpg"));
    expect(await page.getAttribute("body", "data-state")).toBe("done");
    const rules = await shownRules(page);
    expect(rules.length).toBeGreaterThan(10);
    expect(rules).toEqual(cliRules(join(dir, "photo.jpg")));
    expect(await page.textContent("#report")).toMatch(/read by OCR, page \(mean word confidence\): 1 \(\d+%\)/);
    const loaded = afterLoad.filter((r) => r.includes("/ocr/")).map((r) => r.replace(origin, "/"));
    expect(loaded).toEqual(
      expect.arrayContaining([
        "GET /ocr/ocr-worker.js",
        "GET /ocr/worker.min.js",
        "GET /ocr/tesseract-core-simd-lstm.wasm.js",
        "GET /ocr/eng.traineddata.js",
      ]),
    );
    // The worker stays: the next photo loads nothing.
    const requestsBefore = afterLoad.length;
    const again = await pick(page, join(dir, "photo.jpg"));
    expect(await shownRules(page)).toEqual(rules);
    expect(afterLoad.slice(requestsBefore)).toEqual([]);
    console.log(`web page: a 1-page photo checked in ${first} ms the first time, ${again} ms the next`);
  });

  it("reads a scanned PDF's pages without text by OCR, as the command line does", async () => {
    await pick(page, join(dir, "mixed.pdf"));
    expect(await page.getAttribute("body", "data-state")).toBe("done");
    const rules = await shownRules(page);
    expect(rules.length).toBeGreaterThan(5);
    expect(rules).toEqual(cliRules(join(dir, "mixed.pdf")));
    // Page 1 has a text layer and is not read by OCR.
    expect(await page.textContent("#report")).toMatch(/read by OCR, page \(mean word confidence\): 2 \(\d+%\)/);
  });

  it("shows the form picked last when another is picked while one is read", async () => {
    await page.setInputFiles("#file", fixture("research-biobank-consent.pdf"));
    await pick(page, fixture("short-notice.md"));
    // Time for the PDF's report to arrive, which must not replace the one shown.
    await page.waitForTimeout(1500);
    expect(await page.textContent("#status")).toMatch(/^short-notice\.md checked: /);
    expect(await page.textContent("#report section.report h2")).toBe("short-notice.md");
  });

  it("works offline once loaded: PDF, Word and text forms; photos and scans once OCR has loaded, else one plain line", async () => {
    const fresh = await openPage(1280);
    await context.setOffline(true);
    try {
      for (const name of ["hipaa-authorization.pdf", "protective-form.docx", "short-notice.md"]) {
        await pick(fresh, fixture(name));
        expect(await fresh.getAttribute("body", "data-state")).toBe("done");
      }
      // This page never loaded OCR, and cannot now.
      await pick(fresh, join(dir, "photo.jpg"));
      expect(await fresh.getAttribute("body", "data-state")).toBe("problem");
      expect(await fresh.textContent("#problem")).toBe(`photo.jpg: ${readerNotLoaded}`);
      // The first page read photos before: its OCR worker stayed, and reads a photo, and a scan's two
      // pages (a second worker cannot start offline: the kept one reads both).
      const requestsBefore = afterLoad.length;
      await pick(page, join(dir, "photo.jpg"));
      expect(await page.getAttribute("body", "data-state")).toBe("done");
      expect(afterLoad.slice(requestsBefore)).toEqual([]);
      await pick(page, join(dir, "scanned.pdf"));
      expect(await page.getAttribute("body", "data-state")).toBe("done");
      expect(await page.textContent("#report")).toMatch(/read by OCR, page \(mean word confidence\): 1 \(\d+%\), 2 \(\d+%\)/);
      // Only the second worker's script was asked for (on a machine of one core, not even that).
      expect(new Set(afterLoad.slice(requestsBefore).map((r) => r.replace(origin, "/")))).toEqual(
        new Set((await page.evaluate(() => navigator.hardwareConcurrency)) > 1 ? ["GET /ocr/ocr-worker.js"] : []),
      );
    } finally {
      await context.setOffline(false);
      await fresh.close();
    }
    // Chromium logs each fetch refused offline (and the worker's failed script); nothing else may be there.
    expect(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|failed to load/.test(p))).toEqual([]);
    problems.length = 0;
  });

  it("fits 1280 and 390 pixels wide with no horizontal scrolling, before and after a report", async () => {
    const narrow = await openPage(390);
    expect(await noHorizontalScroll(narrow)).toBe(true);
    await pick(narrow, fixture("imaging-ai-consent.pdf"));
    expect(await noHorizontalScroll(narrow)).toBe(true);
    await narrow.close();
    expect(await noHorizontalScroll(page)).toBe(true);
  });

  it("is usable by keyboard: the file picker first, labelled, its focus visible; the report's marks reachable", async () => {
    const fresh = await openPage(1280);
    await fresh.keyboard.press("Tab");
    const focused = await fresh.evaluate(() => {
      const input = document.activeElement as HTMLInputElement;
      const style = getComputedStyle(input);
      return { id: input.id, label: input.labels?.[0]?.textContent, outline: `${style.outlineStyle} ${style.outlineWidth}` };
    });
    expect(focused).toEqual({
      id: "file",
      label: "Choose the form: a PDF, a Word document (.docx), a text file or a photo",
      outline: "solid 3px",
    });
    await pick(fresh, fixture("imaging-ai-consent.txt"));
    // n: the next marked sentence, with its note shown beside it (the report's own script, loaded with the page).
    await fresh.keyboard.press("n");
    expect(await fresh.evaluate(() => document.activeElement?.tagName)).toBe("MARK");
    expect(await fresh.locator("#tip").isVisible()).toBe(true);
    await fresh.close();
  });

  it("prints the report without the page around it", async () => {
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".pick").isVisible()).toBe(false);
    expect(await page.locator("#report .key-points").isVisible()).toBe(true);
    await page.emulateMedia({ media: "screen" });
  });

  it("sent nothing once loaded: no request after load but its own parts for OCR, and no console error", () => {
    expect(afterLoad.map((r) => r.replace(origin, "/")).filter((r) => !lazyParts.test(r))).toEqual([]);
    expect(requests.filter((r) => r.method !== "GET" || !r.url.startsWith(origin))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
