// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. A pure formatter:
// report views in, one JSON string out; no I/O (hashing the fingerprints is computation).
//
// Decisions a reader of the output should know:
// - Protections are left out. Code scanning makes every result an alert, and a
//   protection is nothing to fix; viewers (GitHub among them) do not reliably honour
//   kind "pass" / level "none". Only risks and missing checklist elements are results,
//   so driver.rules lists only the rules and elements that produced one.
// - PDF places: SARIF has lines but no pages, and consent-lens counts a PDF's lines per
//   page (as the terminal's "p2:14" does). A PDF result therefore has the page in
//   result.properties.page and the line on that page in region.startLine; startColumn is
//   the column on that line. For DOCX the line is the paragraph and the page is 1.
//   Columns count UTF-16 code units of the extracted text (run.columnKind says so).
// - region.snippet.text is the whole normalized sentence (line breaks and hyphenation
//   undone), the same text the JSON report quotes; nothing else of the form is quoted.
// - A form, or a part of one, in a language no rule pack reads is a tool notification
//   (error when nothing was checked, warning when a section was not), never an empty,
//   clean-looking list of results. The run's rule changes (config file, added packs,
//   rules turned off, severities changed) are in run.properties.ruleChanges; a result
//   of an added pack's rule has properties.pack, and a risk that a pack calls a
//   protection has properties.disputedBy.
// - Identifiers of a filled-in form are masked in every snippet and message, and the
//   fingerprints are hashes of the masked sentence; artifact.properties.identifiers
//   counts them.
// - partialFingerprints["consentLens/v1"] is the finding's fingerprint (./fingerprint.ts,
//   the JSON report's `fingerprint`), so a form that is only reflowed or re-paginated
//   keeps its alerts across runs.
// - A finding the baseline accepts keeps its result, with a suppression (kind external,
//   the reason as justification, who and when in its properties), so code scanning
//   shows it dismissed. (SARIF 2.1.0's errata add a `status`; the schema of record has none.)
import type { Element, Rule } from "../rules/schema.js";
import { locate } from "../text/locate.js";
import type { Finding, InputFormat, Report, Severity } from "../types.js";
import { excerpt, quote } from "./excerpt.js";
import { formatterOf, type Formatter, type FormatOptions, type FormatStream } from "./format.js";
import type { FindingView, MissingView, ReportView } from "./view.js";
import { fingerprintKey } from "./fingerprint.js";
import type { Acceptance } from "./baseline.js";
import { languageNotice } from "./notices.js";
import { runJson } from "./json.js";

export type SarifLevel = "error" | "warning" | "note";

/** high -> error, medium -> warning, low and info -> note. */
export const sarifLevel = (severity: Severity): SarifLevel => (severity === "high" ? "error" : severity === "medium" ? "warning" : "note");

export const sarifSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

const mimeTypes: Record<InputFormat, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  text: "text/plain",
  markdown: "text/markdown",
  // PNG, JPEG, TIFF...: the report does not keep which.
  image: "image/*",
};

/**
 * A file path as a SARIF URI: forward slashes, relative paths stay relative, absolute
 * paths become file: URIs; characters a URI cannot hold are percent-encoded.
 */
export function artifactUri(path: string): string {
  let p = path.replace(/\\/g, "/");
  const encode = (s: string) => s.split("/").map(encodeURIComponent).join("/");
  if (/^[A-Za-z]:\//.test(p)) return `file:///${p.slice(0, 2)}${encode(p.slice(2))}`;
  if (p.startsWith("/")) return `file://${encode(p)}`;
  p = p.replace(/^(\.\/)+/, "");
  return encode(p);
}

const pascal = (id: string) =>
  id
    .split("-")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");

const bullets = (items: string[]) => items.map((q) => `- ${q}`).join("\n");

/** A labelled part of a rule's help; a block part (a list) starts on its own line. */
type HelpPart = { label: string; body: string; block?: boolean } | undefined;

// The rules of the run, from a rule or a checklist element: same shape, help in plain text and Markdown.
function descriptor(
  item: { id: string; title: string; explanation: string; severity: Rule["severity"] },
  parts: HelpPart[],
  properties: Record<string, unknown>,
) {
  const present = parts.filter((p): p is NonNullable<HelpPart> => p !== undefined);
  const text = [item.explanation, ...present.map((p) => (p.block ? `${p.label}:\n${p.body}` : `${p.label}: ${p.body}`))].join("\n\n");
  const markdown = [item.explanation, ...present.map((p) => (p.block ? `**${p.label}**\n\n${p.body}` : `**${p.label}:** ${p.body}`))].join(
    "\n\n",
  );
  return {
    id: item.id,
    name: pascal(item.id),
    shortDescription: { text: item.title },
    fullDescription: { text: item.explanation },
    help: { text, markdown },
    defaultConfiguration: { level: sarifLevel(item.severity) },
    properties,
  };
}

const ruleDescriptor = (rule: Rule) =>
  descriptor(
    rule,
    [
      rule.questions.length ? { label: "Questions to ask", body: bullets(rule.questions), block: true } : undefined,
      rule.citation ? { label: "Source", body: rule.citation } : undefined,
    ],
    {
      category: rule.category,
      polarity: rule.polarity,
      severity: rule.severity,
      ...(rule.citation ? { citation: rule.citation } : {}),
      tags: [rule.category, rule.polarity, "consent"],
    },
  );

const elementDescriptor = (element: Element) =>
  descriptor(
    element,
    [
      { label: "Question to ask", body: bullets([element.question]), block: true },
      { label: "Checklist", body: element.checklist },
      element.citation ? { label: "Source", body: element.citation } : undefined,
    ],
    {
      ...(element.category ? { category: element.category } : {}),
      severity: element.severity,
      checklist: element.checklist,
      ...(element.citation ? { citation: element.citation } : {}),
      tags: [...(element.category ? [element.category] : []), "missing", "consent"],
    },
  );

type Descriptor = ReturnType<typeof descriptor>;

/** Where the match ends, when that is a sensible SARIF end: same page, after the start. */
function regionEnd(report: Report, finding: Finding) {
  if (finding.span.end <= finding.span.start) return {};
  const end = locate(report.text, finding.span.end - 1);
  const { page, line, column } = finding.position;
  if (end.page !== page || end.line < line || (end.line === line && end.column < column)) return {};
  return { endLine: end.line, endColumn: end.column + 1 };
}

/** The rules of the run: each rule or element once, in the order of first use. */
class RunRules {
  readonly descriptors: Descriptor[] = [];
  private readonly index = new Map<string, number>();

  indexOf(id: string, make: () => Descriptor): number {
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.descriptors.push(make()) - 1;
      this.index.set(id, i);
    }
    return i;
  }
}

const artifactOf = ({ report }: ReportView) => {
  const doc = report.text.document;
  return {
    location: { uri: artifactUri(doc.path) },
    mimeType: mimeTypes[doc.format],
    roles: ["analysisTarget" as const],
    properties: {
      format: doc.format,
      pages: doc.pageStarts.length,
      words: report.text.words,
      grade: report.score.grade ?? null,
      score: report.score.score,
      language: report.coverage.main,
      identifiers: report.identifiers.length,
    },
  };
};

type ArtifactLocation = { uri: string; index: number };

// What a result of an accepted finding carries, and nothing for the others.
const acceptedParts = (fingerprint: string, accepted: Acceptance | undefined) => ({
  partialFingerprints: { [fingerprintKey]: fingerprint },
  ...(accepted && {
    suppressions: [
      {
        kind: "external" as const,
        justification: accepted.reason,
        properties: { by: accepted.by, date: accepted.date },
      },
    ],
  }),
});

function riskResult(
  report: Report,
  { finding: f, rule, fingerprint, accepted }: FindingView,
  artifactLocation: ArtifactLocation,
  ruleIndex: number,
  disputedBy: { ruleId: string; pack: string }[],
) {
  const sentence = quote(report.text, f.sentence);
  const matched = excerpt(report.text, f).match.replace(/\s+/g, " ").trim();
  const region = { startLine: f.position.line, startColumn: f.position.column, ...regionEnd(report, f), snippet: { text: sentence } };
  return {
    ruleId: rule.id,
    ruleIndex,
    level: sarifLevel(f.severity),
    message: { text: `${rule.title}: "${matched}"` + (f.cue ? ` (turned round by "${f.cue}")` : "") },
    locations: [{ physicalLocation: { artifactLocation, region } }],
    properties: {
      page: f.position.page,
      category: f.category,
      polarity: f.polarity,
      severity: f.severity,
      ...(f.cue ? { cue: f.cue } : {}),
      ...(f.pack === undefined ? {} : { pack: f.pack }),
      ...(disputedBy.length ? { disputedBy } : {}),
    },
    ...acceptedParts(fingerprint, accepted),
  };
}

function missingResult({ element, fingerprint, accepted }: MissingView, artifactLocation: ArtifactLocation, ruleIndex: number) {
  return {
    ruleId: element.id,
    ruleIndex,
    level: sarifLevel(element.severity),
    message: { text: `The form does not say: ${element.title}` },
    // The whole file: silence has no line.
    locations: [{ physicalLocation: { artifactLocation } }],
    properties: {
      kind: "missing",
      ...(element.category ? { category: element.category } : {}),
      severity: element.severity,
      checklist: element.checklist,
    },
    ...acceptedParts(fingerprint, accepted),
  };
}

function fileResults(view: ReportView, artifactLocation: ArtifactLocation, rules: RunRules) {
  // Protections are not results (see the note at the top of this file); a pack's protection that disputes a risk is said on the risk.
  const disputes = view.findings.filter((v) => v.finding.disputes);
  const disputedBy = ({ finding: f }: FindingView) =>
    disputes
      .filter((d) => d.finding.disputes === f.ruleId && d.finding.sentence.start === f.sentence.start)
      .map((d) => ({ ruleId: d.finding.ruleId, pack: d.finding.pack! }));
  const risks = view.findings
    .filter((v) => v.finding.polarity === "risk")
    .map((v) =>
      riskResult(
        view.report,
        v,
        artifactLocation,
        rules.indexOf(v.rule.id, () => ruleDescriptor(v.rule)),
        disputedBy(v),
      ),
    );
  const missing = view.allMissing.map((m) =>
    missingResult(
      m,
      artifactLocation,
      rules.indexOf(m.element.id, () => elementDescriptor(m.element)),
    ),
  );
  return [...risks, ...missing];
}

type Artifact = ReturnType<typeof artifactOf>;
type Result = ReturnType<typeof fileResults>[number];
type Notice = { level: "error" | "warning"; path: string; text: string };

/**
 * A form's part: its artifact and results, with rule indexes into its own rules (the log
 * numbers the rules of the run in order of first use, as one pass over every form would),
 * its language notice and its count of accepted findings.
 */
interface SarifPart {
  artifact: Artifact;
  results: Result[];
  rules: Descriptor[];
  notice?: Notice;
  accepted: number;
}

function sarifPart(view: ReportView, index: number): SarifPart {
  const rules = new RunRules();
  const artifact = artifactOf(view);
  const notice = languageNotice(view.report, view.messages);
  return {
    artifact,
    results: fileResults(view, { uri: artifact.location.uri, index }, rules),
    rules: rules.descriptors,
    ...(notice && {
      notice: { level: view.report.coverage.checked ? ("warning" as const) : ("error" as const), path: view.path, text: notice },
    }),
    accepted: view.accepted.length,
  };
}

// Files that could not be read, and forms (or parts) no rule pack reads.
function invocations(notices: Notice[], unreadable: FormatOptions["unreadable"]) {
  const notification = ({ level, path, text }: Notice) => ({
    level,
    message: { text: `${path}: ${text}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(path) } } }],
  });
  const notifications = [
    ...unreadable.map((e) => notification({ level: "error", path: e.path, text: e.error })),
    ...notices.map(notification),
  ];
  return notifications.length ? { invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }] } : {};
}

type SarifOptions = Pick<FormatOptions, "version" | "unreadable" | "changes" | "baseline">;

function sarifLog(parts: SarifPart[], options: SarifOptions) {
  const rules = new RunRules();
  const results = parts.flatMap((part) =>
    part.results.map((result) => {
      const rule = part.rules[result.ruleIndex]!;
      return { ...result, ruleIndex: rules.indexOf(rule.id, () => rule) };
    }),
  );
  return {
    $schema: sarifSchemaUri,
    version: "2.1.0" as const,
    runs: [
      {
        tool: { driver: { name: "consent-lens", version: options.version, rules: rules.descriptors } },
        ...invocations(
          parts.flatMap((p) => (p.notice ? [p.notice] : [])),
          options.unreadable,
        ),
        columnKind: "utf16CodeUnits" as const,
        artifacts: parts.map((p) => p.artifact),
        results,
        properties: {
          ruleChanges: runJson(options.changes),
          ...(options.baseline && { baseline: options.baseline, accepted: parts.reduce((n, p) => n + p.accepted, 0) }),
        },
      },
    ],
  };
}

/** The SARIF log as an object (formatSarif stringifies it). Files that could not be read are tool notifications. */
export const toSarif = (views: ReportView[], options: SarifOptions) => sarifLog(views.map(sarifPart), options);

/** The rule table opens the log: the forms' parts (results, never reports) wait for the end. */
export const sarifStream: FormatStream<SarifPart> = {
  part: (view, index) => sarifPart(view, index),
  open: (options) => {
    const parts: SarifPart[] = [];
    return {
      add: (part) => (parts.push(part), ""),
      end: (unreadable) => JSON.stringify(sarifLog(parts, { ...options, unreadable }), null, 2) + "\n",
    };
  },
};

/** The SARIF formatter. */
export const formatSarif: Formatter = formatterOf(sarifStream);
