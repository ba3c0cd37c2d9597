// The HTML report in headless Chromium: how it loads, marks, moves the focus, fits and prints.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import type { Report } from "../src/types.js";
import { reportOf } from "./helpers.js";
import { formatHtml, hostileReport, spanText } from "./html-reports.js";
import { hasChromium, launchChromium } from "./chromium.js";

let imaging: Report;
beforeAll(async () => {
  imaging = await reportOf("imaging-ai-consent.pdf");
});

describe("HTML report, in headless Chromium", () => {
  let browser: Browser;
  let dir: string;
  const open = async (reports: Report[], name: string) => {
    const file = join(dir, `${name}.html`);
    writeFileSync(file, formatHtml(reports));
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on("console", (m) => void (m.type() === "error" || m.type() === "warning" ? problems.push(`${m.type()}: ${m.text()}`) : 0));
    page.on("pageerror", (e) => void problems.push(`pageerror: ${e.message}`));
    page.on("request", (r) => void requests.push(r.url()));
    page.on("requestfailed", (r) => void problems.push(`failed: ${r.url()}`));
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    return { page, problems, requests, url: pathToFileURL(file).href };
  };
  let main: Awaited<ReturnType<typeof open>>;

  beforeAll(async () => {
    if (!hasChromium) return;
    dir = mkdtempSync(join(tmpdir(), "consent-lens-html-"));
    browser = await launchChromium();
    main = await open([imaging], "imaging");
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const focused = (page: Page) =>
    page.evaluate(() => document.activeElement?.getAttribute("data-finding") ?? document.activeElement?.tagName);

  it.skipIf(!hasChromium)("loads with no console error and no request but the file itself", async () => {
    expect(main.problems).toEqual([]);
    expect(main.requests).toEqual([main.url]);
    expect(await main.page.evaluate(() => document.documentElement.lang)).toBe("en");
  });

  it.skipIf(!hasChromium)("marks every phrase finding once, each mark covering its span", async () => {
    const { page } = main;
    expect(await page.locator("[data-finding]").count()).toBe(imaging.findings.length);
    const covered = await page.evaluate(
      (n) =>
        Array.from({ length: n }, (_, i) =>
          [...document.querySelectorAll(`mark[data-note="r0-n${i}"]`)].map((m) => m.textContent).join(""),
        ),
      imaging.findings.length,
    );
    expect(covered).toEqual(imaging.findings.map((f) => spanText(imaging, f)));
  });

  it.skipIf(!hasChromium)("lists what the form does not say, for each form on the page", async () => {
    const titles = (page: Page, r: number) => page.locator(`#r${r}-missing li strong`).allTextContents();
    expect(await titles(main.page, 0)).toEqual(imaging.missing.map((m) => m.element.title));
    const hipaa = await reportOf("checklist/hipaa-no-redisclosure.pdf");
    expect(hipaa.missing.length).toBeGreaterThan(0);
    const both = await open([imaging, hipaa], "both");
    expect(await titles(both.page, 1)).toEqual(hipaa.missing.map((m) => m.element.title));
    expect(await both.page.locator("#r1-missing").textContent()).toContain(hipaa.missing[0]!.element.question);
    const ids = await both.page.evaluate(() => [...document.querySelectorAll("[id]")].map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(both.problems).toEqual([]);
    await both.page.close();
  });

  it.skipIf(!hasChromium)("shows a form full of markup as text: nothing runs, nothing loads", async () => {
    const report = hostileReport();
    const hostile = await open([report], "hostile");
    const dialogs: string[] = [];
    hostile.page.on("dialog", (d) => void dialogs.push(d.message()));
    await hostile.page.locator(`#r0-f${report.findings.length - 1}`).focus();
    expect(await hostile.page.locator("#tip").textContent()).toContain("</div><script>alert(2)</script>");
    expect(await hostile.page.locator("#r0-text").textContent()).toContain(`<script>alert("x")</script>`);
    expect(await hostile.page.locator("#r0-text img, #r0-text script, .note script").count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(hostile.problems).toEqual([]);
    expect(hostile.requests).toEqual([hostile.url]);
    await hostile.page.close();
  });

  it.skipIf(!hasChromium)("moves the focus to the marks with Tab and n, showing each one's note", async () => {
    const { page } = main;
    const order = await page.locator("mark[data-finding]").evaluateAll((marks) => marks.map((m) => m.getAttribute("data-finding")));
    let presses = 0;
    while (!/^\d+$/.test((await focused(page)) ?? "") && presses++ < 20) await page.keyboard.press("Tab");
    expect(await focused(page)).toBe(order[0]);
    const ring = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(ring.style).toBe("solid");
    expect(ring.width).toBeGreaterThanOrEqual(2);
    const first = imaging.findings[Number(order[0])]!;
    await expect.poll(() => page.locator("#tip").isVisible()).toBe(true);
    expect(await page.locator("#tip").textContent()).toContain(imaging.rulesById.get(first.ruleId)!.title);

    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe(order[1]);
    await page.keyboard.press("n");
    expect(await focused(page)).toBe(order[2]);
    await page.keyboard.press("p");
    expect(await focused(page)).toBe(order[1]);
    await page.keyboard.press("Escape");
    expect(await page.locator("#tip").isVisible()).toBe(false);
    expect(main.problems).toEqual([]);
  });

  it.skipIf(!hasChromium)("opens with the key points, on the first screen", async () => {
    const { page } = main;
    const before = await page.evaluate(() => {
      const points = document.querySelector(".key-points")!;
      return [...document.querySelectorAll("#r0-text, #r0-findings, #r0-questions")].every(
        (later) => points.compareDocumentPosition(later) & Node.DOCUMENT_POSITION_FOLLOWING,
      );
    });
    expect(before).toBe(true);
    const items = await page.locator(".key-points li").allTextContents();
    expect(items.length).toBe(imaging.keyPoints.length);
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(5);
    const box = await page.locator(".key-points").boundingBox();
    expect(box!.y).toBeLessThan(900);
  });

  it.skipIf(!hasChromium)("opens a batch with a summary table that links to each form's report", async () => {
    const hipaa = await reportOf("checklist/hipaa-no-redisclosure.pdf");
    const both = await open([imaging, hipaa], "batch");
    const links = await both.page.locator(".batch tbody a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(links).toEqual(["#r0-title", "#r1-title"]);
    for (const href of links) expect(await both.page.locator(href!).count()).toBe(1);
    expect(both.problems).toEqual([]);
    await both.page.close();
  });

  it.skipIf(!hasChromium)("fits a phone's width (390 px) with no sideways scrolling", async () => {
    const hipaa = await reportOf("checklist/hipaa-no-redisclosure.pdf");
    const file = join(dir, "phone.html");
    writeFileSync(file, formatHtml([imaging, hostileReport(), hipaa]));
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await page.close();
  });

  it.skipIf(!hasChromium)("prints the summary and the questions, not the text", async () => {
    const { page } = main;
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".summary").isVisible()).toBe(true);
    const questions = page.locator("#r0-questions > ol > li");
    expect(await questions.count()).toBe(imaging.questions.length);
    for (const q of await questions.all()) expect(await q.isVisible()).toBe(true);
    expect(await questions.first().textContent()).toContain(imaging.questions[0]!.text);
    for (const hidden of ["#r0-text", "#r0-findings", "nav", "#tip"])
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    await page.emulateMedia({ media: "screen" });
    expect(await page.locator("#r0-text").isVisible()).toBe(true);
  });

  it.skipIf(!hasChromium)("keeps text on marks and badges at WCAG AA contrast", async () => {
    const pairs = await main.page.evaluate(() => {
      const pair = (el: Element, pseudo?: string) => {
        const s = getComputedStyle(el, pseudo);
        return [s.color, s.backgroundColor];
      };
      return [
        pair(document.body),
        ...[...document.querySelectorAll("mark[data-finding]")].flatMap((m) => [pair(m), pair(m, "::before")]),
        ...[...document.querySelectorAll(".badge")].map((b) => pair(b)),
      ];
    });
    const luminance = (css: string) => {
      const [r, g, b] = css
        .match(/[\d.]+/g)!
        .slice(0, 3)
        .map((v) => Number(v) / 255)
        .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    for (const [fg, bg] of pairs) {
      // The body's background is the page's white; everything else here paints its own.
      const back = bg === "rgba(0, 0, 0, 0)" ? "rgb(255, 255, 255)" : bg!;
      const [light, dark] = [luminance(fg!), luminance(back)].sort((x, y) => y - x);
      expect((light! + 0.05) / (dark! + 0.05), `${fg} on ${back}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
