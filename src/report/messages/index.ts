import type { ReportLanguage } from "../../types.js";
import type { Messages } from "./messages.js";
import { en } from "./en.js";
import { es } from "./es.js";

export type { Messages } from "./messages.js";

/** The fixed strings of a report in one language. */
export const messagesIn: Record<ReportLanguage, Messages> = { en, es };
