import type { KeyPoint } from "../types.js";
import { excerptOf } from "./excerpt.js";
import type { ReportView } from "./view.js";

/** A key point in plain words, in the report's language, as every format shows it. */
export function keyPointText(view: ReportView, point: KeyPoint): string {
  const { messages, language, report } = view;
  switch (point.kind) {
    case "allows":
      return (language === "en" ? undefined : point[language]?.point) ?? point.point;
    case "choice":
      return messages.formLetsYouChoose(excerptOf(report.text, point.sentence, 160));
    case "silent":
      return messages.formNeverAnswers((language === "en" ? undefined : point.element[language]?.question) ?? point.element.question);
  }
}
