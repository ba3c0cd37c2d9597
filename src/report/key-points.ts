import type { KeyPoint, Report } from "../types.js";
import { excerptOf } from "./excerpt.js";

/** A key point in plain words, as every format shows it. */
export function keyPointText(report: Report, point: KeyPoint): string {
  switch (point.kind) {
    case "allows":
      return point.point;
    case "choice":
      return `The form lets you choose: “${excerptOf(report.text, point.sentence, 160)}”`;
    case "silent":
      return `The form never answers: ${point.element.question}`;
  }
}

/** "page 2" or "pages 2, 3", or nothing for a point about what the form does not say. */
export const pagesText = (pages: number[]) => (pages.length ? `page${pages.length > 1 ? "s" : ""} ${pages.join(", ")}` : "");
