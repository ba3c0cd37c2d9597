import type { Document } from "../types.js";

// Lines near the top or bottom of a page that repeat on most pages are running
// headers and footers ("Page 3 of 8", "Form IMG-204 v2"); they would otherwise be
// glued into the sentence that wraps across the page break.
const edgeLines = 4;
const pageNumber = /^(page\s*)?#+(\s*(of|\/)\s*#+)?$|^-\s*#+\s*-$/i;
// Letters of a diagonal "SAMPLE" or "DRAFT" watermark land between lines as fragments.
const watermarkFragment = /^[A-Z]{1,3}$/;

const key = (line: string) => line.trim().toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ");

export interface PageLine {
  page: number;
  /** Offset of the line in the document's raw text. */
  start: number;
  text: string;
}

/** The document's lines, grouped by page, with page furniture removed. */
export function contentLines(document: Document): PageLine[][] {
  const { raw, pageStarts, lineStarts } = document;
  const pages: PageLine[][] = pageStarts.map(() => []);
  let page = 0;
  for (let i = 0; i < lineStarts.length; i++) {
    const start = lineStarts[i]!;
    while (page + 1 < pageStarts.length && pageStarts[page + 1]! <= start) page++;
    const end = i + 1 < lineStarts.length ? lineStarts[i + 1]! - 1 : raw.length - 1;
    pages[page]!.push({ page: page + 1, start, text: raw.slice(start, end) });
  }
  if (document.format !== "pdf" && pages.length < 2) return pages;

  const edges = (lines: PageLine[]) => {
    const filled = lines.filter((l) => l.text.trim());
    return [...filled.slice(0, edgeLines), ...filled.slice(-edgeLines)];
  };
  const pagesWithKey = new Map<string, number>();
  for (const lines of pages)
    for (const k of new Set(edges(lines).map((l) => key(l.text)))) pagesWithKey.set(k, (pagesWithKey.get(k) ?? 0) + 1);
  const repeatsOn = pages.length <= 2 ? pages.length : Math.ceil(pages.length / 2);
  const furniture = (l: PageLine) => {
    const k = key(l.text);
    return pageNumber.test(k) || (pages.length > 1 && (pagesWithKey.get(k) ?? 0) >= repeatsOn);
  };
  return pages.map((lines) => {
    const edge = new Set(edges(lines));
    return lines.filter((l) => !(edge.has(l) && furniture(l)) && !(document.format === "pdf" && watermarkFragment.test(l.text.trim())));
  });
}
