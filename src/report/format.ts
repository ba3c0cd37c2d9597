import type { ReportView, Unreadable } from "./view.js";
import type { RuleChanges } from "../rules/load.js";

/** The output formats, each a formatter module loaded only when chosen. */
export const outputFormats = ["terminal", "json", "markdown", "html", "sarif"] as const;
export type OutputFormat = (typeof outputFormats)[number];

export interface FormatOptions {
  /** consent-lens's version, for the formats that record it. */
  version: string;
  /** Files that could not be read. */
  unreadable: Unreadable[];
  /** The baseline of accepted findings the run used, as the user would name it. */
  baseline?: string;
  /** How the run's rules differ from the bundled pack: every format names them. */
  changes: RuleChanges;
  /** Only the questions to ask before signing. */
  questionsOnly: boolean;
  /** Everything: each finding's explanation, every sentence, the grade arithmetic, all questions. */
  details: boolean;
  /** Terminal only: colours, and the columns to wrap to. */
  color: boolean;
  width: number;
}

/** A formatter is pure: report views in, one string out (textlint's and ESLint's shape). */
export type Formatter = (views: ReportView[], options: FormatOptions) => string;

const modules: Record<OutputFormat, () => Promise<Formatter>> = {
  terminal: async () => (await import("./terminal.js")).formatTerminal,
  json: async () => (await import("./json.js")).formatJson,
  markdown: async () => (await import("./markdown.js")).formatMarkdown,
  html: async () => (await import("./html/index.js")).formatHtml,
  sarif: async () => (await import("./sarif.js")).formatSarif,
};

/** The formatter of an output format. */
export const formatterFor = (format: OutputFormat): Promise<Formatter> => modules[format]();
