import type { Position, Text } from "../types.js";

/** Index of the last element of a sorted array that is <= value (or -1). */
export function lastAtOrBefore(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The page, line and column in the original document of an offset into normalized text. */
export function locate(text: Text, offset: number): Position {
  const { pageStarts, lineStarts } = text.document;
  const raw = text.origin[Math.min(offset, text.origin.length - 1)] ?? 0;
  const pageIndex = Math.max(0, lastAtOrBefore(pageStarts, raw));
  const lineIndex = Math.max(0, lastAtOrBefore(lineStarts, raw));
  const firstLineOfPage = lastAtOrBefore(lineStarts, pageStarts[pageIndex]!);
  return { page: pageIndex + 1, line: lineIndex - firstLineOfPage + 1, column: raw - lineStarts[lineIndex]! + 1 };
}
