import { readFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import { UserError, describeError } from "../errors.js";
import { severities, type Report, type Severity } from "../types.js";
import { bundledRules, loadRules } from "../rules/load.js";
import { diffReports } from "../assess/diff.js";
import { formatJson } from "../report/json.js";
import { formatMarkdown } from "../report/markdown.js";
import { formatTerminal } from "../report/terminal.js";
import { formatHtml } from "../report/html.js";
import { formatSarif } from "../report/sarif.js";
import { diffJson, formatDiffMarkdown, formatDiffTerminal } from "../report/diff.js";
import { processIo, type Io } from "./io.js";
import type { ScanOptions } from "./pipeline.js";
import { explainRule, listRules, testRules } from "./rules.js";
import { loadRuleSource, type RuleSource } from "./setup.js";
import { expandInputs } from "./inputs.js";
import { parallelFrom, scanAll, scanOne } from "./batch.js";
import { progressBar } from "./progress.js";
import { writeOutput } from "./output.js";

export const version: string = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version;

/** Exit codes: 0 done, 1 a risk at or above --fail-on, 2 bad input, bad rules or bad usage. */
export const exitCodes = { ok: 0, failOn: 1, error: 2 } as const;

const formats = ["terminal", "json", "markdown", "html", "sarif"] as const;

interface OutputFlags extends RuleSource {
  format: (typeof formats)[number];
  color: boolean;
  output?: string;
  password?: string;
  kind?: string;
  debug?: boolean;
}

interface ScanFlags extends OutputFlags {
  failOn?: Severity;
  questionsOnly?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

// The options every command that scans or reads rules shares.
const withRuleOptions = (command: Command) =>
  command
    .option("--rules <path>", "add a rule pack: a YAML file or a folder (repeatable)", collect)
    .option("--config <file>", "config file (default: .consent-lens.yaml here or in a parent folder)");

const withOutputOptions = (command: Command) =>
  withRuleOptions(command)
    .addOption(new Option("-f, --format <format>", "output format").choices([...formats]).default("terminal"))
    .option("-o, --output <file>", "write the report to this file instead of standard output")
    .option("--kind <kinds>", "kinds of form, comma-separated, instead of detecting them (see README)")
    .option("--password <password>", "password of an encrypted PDF")
    .option("--no-color", "plain text, no colours")
    .option("--debug", "show the stack trace of internal errors");

/** Runs the command line and returns the exit code; only bin/ sets it on the process. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let code: number = exitCodes.ok;
  const program = new Command("consent-lens")
    .description("Reads a consent form and shows what it lets others do with your data, and what to ask before signing.")
    .version(version)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  withOutputOptions(
    program
      .command("scan")
      .description("scan consent forms: files, folders (recursively) or globs; - reads standard input")
      .argument("<paths...>", "forms to scan"),
  )
    .addOption(new Option("--fail-on <severity>", "exit 1 when a risk at or above this severity is found").choices([...severities]))
    .option("--questions-only", "print only the questions to ask before signing")
    .action(async (paths: string[], flags: ScanFlags) => {
      code = await scan(paths, flags, io);
    });

  withOutputOptions(
    program
      .command("diff")
      .description("what changed between two versions of a form: findings added and removed, elements gained or filled, grade")
      .argument("<old>")
      .argument("<new>"),
  ).action(async (before: string, after: string, flags: OutputFlags) => {
    code = await diff(before, after, flags, io);
  });

  const rulesCommand = program.command("rules").description("list or test rule packs");
  withRuleOptions(rulesCommand.command("list").description("list the rules: id, category, severity, title")).action((flags: RuleSource) =>
    io.stdout(listRules(loadRuleSource(flags).rules)),
  );
  rulesCommand
    .command("test")
    .description("run every rule's examples; exit 1 if one fails")
    .option("--rules <path>", "test this pack (repeatable) instead of the bundled rules; it may use the bundled lists", collect)
    .option("--no-color", "plain text, no colours")
    .action((flags: { rules?: string[]; color: boolean }) => {
      const rules = flags.rules ? loadRules([bundledRules, ...flags.rules], { only: flags.rules }) : loadRules();
      const { output, passed } = testRules(rules, flags.color && io.isTTY);
      io.stdout(output);
      code = passed ? exitCodes.ok : exitCodes.failOn;
    });
  withRuleOptions(
    program.command("explain").description("what a rule looks for, why it matters, its questions and source").argument("<rule-id>"),
  ).action((id: string, flags: RuleSource) => io.stdout(explainRule(loadRuleSource(flags).rules, id)));

  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? exitCodes.ok : exitCodes.error;
    io.stderr(`consent-lens: ${describeError(error, argv.includes("--debug"))}\n`);
    return exitCodes.error;
  }
}

function scanOptions(flags: OutputFlags, kinds: string[]): ScanOptions {
  const given = flags.kind?.split(",").map((k) => k.trim()).filter(Boolean);
  // An unknown --kind is a usage error, not a problem of each file.
  for (const kind of given ?? [])
    if (!kinds.includes(kind)) throw new UserError(`--kind: unknown kind "${kind}"; kinds: ${kinds.join(", ")}`);
  return { ...(flags.password ? { password: flags.password } : {}), ...(given ? { kinds: given } : {}) };
}

const useColor = (flags: OutputFlags, io: Io) => flags.color && !flags.output && io.isTTY && !(io.env.NO_COLOR ?? "");

function emit(content: string, flags: OutputFlags, inputs: string[], io: Io) {
  if (flags.output) writeOutput(flags.output, content, inputs);
  else io.stdout(content);
}

async function scan(args: string[], flags: ScanFlags, io: Io): Promise<number> {
  const { rules, config } = loadRuleSource(flags);
  const options = scanOptions(flags, rules.kinds.map((k) => k.kind.id));
  const paths = await expandInputs(args);
  const progress = io.stderrIsTTY && paths.length >= parallelFrom ? progressBar(paths.length, io.stderr, io.columns) : undefined;
  const outcomes = await scanAll(paths, { rules, source: flags, options, debug: Boolean(flags.debug), io, onDone: (p) => progress?.tick(p) });
  progress?.end();

  const reports: Report[] = [];
  const errors: { path: string; error: string }[] = [];
  for (const outcome of outcomes) {
    if ("report" in outcome) reports.push(outcome.report);
    else {
      errors.push({ path: outcome.path, error: outcome.error });
      io.stderr(`consent-lens: ${outcome.path}: ${outcome.error}\n`);
    }
  }
  const questionsOnly = Boolean(flags.questionsOnly);
  const formatted = {
    json: () => formatJson(reports, { version, errors }),
    markdown: () => formatMarkdown(reports, { questionsOnly, errors }),
    html: () => formatHtml(reports, { version }),
    sarif: () => formatSarif(reports, { version, errors }),
    terminal: () => (reports.length ? formatTerminal(reports, { color: useColor(flags, io), width: io.columns, questionsOnly, errors }) : ""),
  }[flags.format]();
  if (formatted) emit(formatted, flags, paths, io);

  if (errors.length) return exitCodes.error;
  const failOn = flags.failOn ?? config?.data["fail-on"];
  const limit = failOn ? severities.indexOf(failOn) : -1;
  const failing = reports.some((r) => r.findings.some((f) => f.polarity === "risk" && severities.indexOf(f.severity) <= limit));
  return failing ? exitCodes.failOn : exitCodes.ok;
}

async function diff(before: string, after: string, flags: OutputFlags, io: Io): Promise<number> {
  const { rules } = loadRuleSource(flags);
  const context = { rules, options: scanOptions(flags, rules.kinds.map((k) => k.kind.id)), debug: Boolean(flags.debug), io };
  const outcomes = [await scanOne(before, context), await scanOne(after, context)];
  for (const o of outcomes) if ("error" in o) throw new UserError(`${o.path}: ${o.error}`);
  const [a, b] = outcomes.map((o) => ("report" in o ? o.report : undefined)) as [Report, Report];
  const d = diffReports(a, b);
  if (flags.format === "html" || flags.format === "sarif") throw new UserError(`diff: --format ${flags.format} is not available; use terminal, markdown or json`);
  const content =
    flags.format === "json"
      ? JSON.stringify(diffJson(d, version), null, 2) + "\n"
      : flags.format === "markdown"
        ? formatDiffMarkdown(d)
        : formatDiffTerminal(d, { color: useColor(flags, io), width: io.columns });
  emit(content, flags, [before, after], io);
  return exitCodes.ok;
}
