import type { ReportView, Unreadable } from "./view.js";
import type { RuleChanges } from "../rules/load.js";
import type { ReportLanguage } from "../types.js";

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
  /** The language of the reports' words (--lang); unset, each form's report is in the form's language (./view.ts). */
  language?: ReportLanguage;
  /** Terminal only: colours, and the columns to wrap to. */
  color: boolean;
  width: number;
}

/** A formatter is pure: report views in, one string out (textlint's and ESLint's shape). */
export type Formatter = (views: ReportView[], options: FormatOptions) => string;

/**
 * A formatter as a batch runs it, so that no report is held to the end: each form's part is
 * made where the form was scanned (a batch worker: parts must survive structured cloning),
 * then the parts come in input order to a writer that says what to write as each arrives
 * and what closes the output. A format whose summary opens the output keeps its parts'
 * texts (never reports) to the end; terminal and JSON write each form as it comes.
 */
export interface FormatStream<Part> {
  part(view: ReportView, index: number, options: FormatOptions): Part;
  open(options: FormatOptions): FormatWriter<Part>;
}

export interface FormatWriter<Part> {
  add(part: Part): string;
  end(unreadable: Unreadable[]): string;
}

/** The pure formatter of a stream: every part, in order, then the end. */
export const formatterOf =
  <Part>(stream: FormatStream<Part>): Formatter =>
  (views, options) => {
    const writer = stream.open(options);
    return views.map((view, i) => writer.add(stream.part(view, i, options))).join("") + writer.end(options.unreadable);
  };

const modules: Record<OutputFormat, () => Promise<FormatStream<unknown>>> = {
  terminal: async () => (await import("./terminal.js")).terminalStream as FormatStream<unknown>,
  json: async () => (await import("./json.js")).jsonStream as FormatStream<unknown>,
  markdown: async () => (await import("./markdown.js")).markdownStream as FormatStream<unknown>,
  html: async () => (await import("./html/index.js")).htmlStream as FormatStream<unknown>,
  sarif: async () => (await import("./sarif.js")).sarifStream as FormatStream<unknown>,
};

/** The stream of an output format; only its module loads. */
export const formatStreamFor = (format: OutputFormat): Promise<FormatStream<unknown>> => modules[format]();

/** The formatter of an output format. */
export const formatterFor = async (format: OutputFormat): Promise<Formatter> => formatterOf(await formatStreamFor(format));
