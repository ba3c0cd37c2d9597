import { resolve } from "node:path";
import { Command, CommanderError, Option } from "commander";
import { describeError, UserError } from "../errors.js";
import { display } from "../display.js";
import { printable } from "../text/printable.js";
import { existsSync } from "node:fs";
import { failOnLevels, reportLanguages } from "../types.js";
import { formatStreamFor, outputFormats, type FormatOptions } from "../report/format.js";
import type { Unreadable } from "../report/view.js";
import { processIo, type Io } from "./io.js";
import { loadRulebook, type RuleSource } from "./setup.js";
import type { Assessing, BatchContext, Outcome } from "./batch.js";
import type { DiffFlags } from "./diff.js";
import type { FormVerdict } from "./fail-on.js";
import type { AcceptFlags } from "./accept.js";
import { baselineName, baselinePath } from "./baseline-path.js";
import { outputFile } from "./output.js";
import { pageProgress, progressBar } from "./progress.js";
import { exitCodes, reportLanguageOf, scanOptions, useColor, version, type ScanFlags } from "./options.js";

const collect = (value: string, previous: string[] = []) => [...previous, value];

// The options every command that scans or reads rules shares.
const withRuleOptions = (command: Command) =>
  command
    .option("--rules <path>", "add a rule pack: a YAML file or a folder (repeatable)", collect)
    .option("--config <file>", "config file (default: .consent-lens.yaml here or in a parent folder)")
    .option("--no-config", "use no config file, not even one found in this folder or a parent");

const withOutputOptions = (command: Command) =>
  withRuleOptions(command)
    .addOption(new Option("-f, --format <format>", "output format").choices([...outputFormats]).default("terminal"))
    .option("-o, --output <file>", "write the report to this file instead of standard output")
    .option("--kind <kinds>", "kinds of form, comma-separated, instead of detecting them (see README)")
    .option("--password <password>", "password of an encrypted PDF")
    .addOption(
      new Option("--lang <language>", "the report's language (default: the form's; JSON and SARIF: en)").choices([...reportLanguages]),
    )
    .option("--no-color", "plain text, no colours")
    .option("--no-redact", "show the identifiers of a filled-in form (names, dates of birth, record numbers...) instead of masking them")
    .option("--debug", "show the stack trace of internal errors");

/** Runs the command line and returns the exit code; only bin/ sets it on the process. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
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
    .addOption(
      new Option("--fail-on <severity>", "exit 1 when a risk at or above this severity is found; none: never").choices([...failOnLevels]),
    )
    .option("--fail-on-missing", "exit 1 also when a form leaves out a required element (at or above --fail-on, if given)")
    .option("--questions-only", "print only the questions to ask before signing")
    .option("--details", "print everything: why each finding matters, every sentence, the grade arithmetic, all the questions")
    .option("--as-one", "read the images given (or the images in a folder, by name) as the pages of one form, in order")
    .option("--baseline <file>", `the accepted findings (default: ${baselineName} next to the config file, or here)`)
    .option("--baseline-check", "list baseline entries whose finding is gone (exit 1 if any)")
    .action(async (paths: string[], flags: ScanFlags) => {
      code = await scanCommand(paths, flags, io);
    });

  withOutputOptions(
    program
      .command("diff")
      .description("what changed between two versions of a form: findings added and removed, elements gained or filled, grade")
      .argument("<old>")
      .argument("<new>"),
  )
    .addOption(
      new Option(
        "--fail-on-new <severity>",
        "exit 1 when the new version adds a risk or a missing element at or above this severity",
      ).choices([...failOnLevels]),
    )
    .action(async (before: string, after: string, flags: DiffFlags) => {
      const { diffCommand } = await import("./diff.js");
      code = await diffCommand(before, after, flags, io);
    });

  withRuleOptions(
    program
      .command("accept")
      .description("accept a finding: record it in the baseline, with the reason, who and when, so that --fail-on no longer counts it")
      .argument("<form>")
      .argument("<finding-id>", "its fingerprint (JSON), a prefix of it (at least 6 digits), or the id of a missing element"),
  )
    .requiredOption("--reason <text>", 'why it is accepted ("our IRB approved this wording on 2026-03-01")')
    .option("--by <who>", "who accepts it (default: git config user.name and user.email)")
    .option("--baseline <file>", `the baseline to write (default: ${baselineName} next to the config file, or here)`)
    .option("--kind <kinds>", "kinds of form, comma-separated, as given to scan")
    .option("--password <password>", "password of an encrypted PDF")
    .option("--debug", "show the stack trace of internal errors")
    .action(async (form: string, id: string, flags: AcceptFlags) => {
      const { acceptCommand } = await import("./accept.js");
      code = await acceptCommand(form, id, flags, io);
    });

  addRuleCommands(program, io, (c) => (code = c));
  addServeCommand(program, io);

  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? exitCodes.ok : exitCodes.error;
    // A broken rule file may have several problems: each is a line of its own. A stack trace keeps its
    // lines; a one-line message loses any control characters a file name brought.
    const debug = argv.includes("--debug");
    const lines =
      error instanceof UserError
        ? error.message.split("\n").map(printable)
        : [debug ? describeError(error, debug) : printable(describeError(error))];
    io.stderr(lines.map((line) => `consent-lens: ${line}\n`).join(""));
    return exitCodes.error;
  }
}

function addServeCommand(program: Command, io: Io) {
  program
    .command("serve")
    .description("serve the web page, where a form is checked in the browser and never leaves this computer (127.0.0.1 only)")
    .option("--port <port>", "the port (0: any free one)", "8417")
    .action(async (flags: { port: string }) => {
      const { serveCommand } = await import("./serve.js");
      await serveCommand(flags, io.stdout);
    });
}

function addRuleCommands(program: Command, io: Io, exit: (code: number) => void) {
  const rulesCommand = program.command("rules").description("list or test rule packs");
  withRuleOptions(
    rulesCommand.command("list").description("list the rules, checklist elements and kinds of form, with the pack each comes from"),
  ).action(async (flags: RuleSource) => {
    const { listRules } = await import("./rules.js");
    io.stdout(listRules((await loadRulebook(flags, io.cwd)).rulebook));
  });
  rulesCommand
    .command("test")
    .description("run every rule's examples; exit 1 if one fails")
    .option("--rules <path>", "test this pack (repeatable) instead of the bundled rules; it may use the bundled lists", collect)
    .option("--no-color", "plain text, no colours")
    .action(async (flags: { rules?: string[]; color: boolean }) => {
      const [{ bundledRules, loadRules }, { testRules }] = await Promise.all([import("../rules/load.js"), import("./rules.js")]);
      const packs = flags.rules?.map((p) => resolve(io.cwd, p));
      const rulebook = packs ? loadRules([bundledRules, ...packs], { only: packs }) : loadRules();
      const { output, passed } = testRules(rulebook, flags.color && io.isTTY);
      io.stdout(output);
      exit(passed ? exitCodes.ok : exitCodes.failOn);
    });
  withRuleOptions(
    program
      .command("explain")
      .description(
        "what a rule, checklist element (hipaa-*, cr-*, q-*) or kind of form looks for, why it matters, its questions and source",
      )
      .argument("<id>"),
  ).action(async (id: string, flags: RuleSource) => {
    const { explain } = await import("./rules.js");
    io.stdout(explain((await loadRulebook(flags, io.cwd)).rulebook, id));
  });
}

// A batch shows a bar per file on a terminal's standard error, other scans a line per page read by OCR.
// Reports stream to the output as forms are done: a bar on the same terminal is cleared before each.
async function* scanPaths(args: string[], paths: string[], context: BatchContext & Assessing, asOne: boolean): AsyncGenerator<Outcome> {
  const { parallelFrom, scanAll, scanPages } = await import("./batch.js");
  const { io } = context;
  const inProcess = asOne || paths.length < parallelFrom;
  const progress = io.stderrIsTTY && !inProcess ? progressBar(paths.length, io.stderr, io.columns) : undefined;
  const pages = io.stderrIsTTY && inProcess ? pageProgress(io.stderr, io.columns) : undefined;
  const withProgress = {
    ...context,
    ...(pages && { onPage: (path: string, done: number, total: number) => pages.page(path, done, total) }),
  };
  try {
    if (asOne) yield await scanPages(args.join(" + "), paths, withProgress);
    else
      for await (const outcome of scanAll(paths, withProgress)) {
        if (io.isTTY) progress?.end();
        pages?.end();
        yield outcome;
        progress?.tick(outcome.path);
      }
  } finally {
    progress?.end();
    pages?.end();
  }
}

async function scanCommand(args: string[], flags: ScanFlags, io: Io): Promise<number> {
  // SARIF results are findings to fix; questions are not, and an empty SARIF log would look like a clean form.
  if (flags.questionsOnly && flags.format === "sarif")
    throw new UserError("--questions-only: SARIF holds findings, not questions; use --format json");
  const [{ rulebook, config }, { expandInputs, expandPages }, stream] = await Promise.all([
    loadRulebook(flags, io.cwd),
    import("./inputs.js"),
    formatStreamFor(flags.format),
  ]);
  // The baseline's reader (YAML, zod) loads only when there is a baseline.
  const accepting = flags.baseline || existsSync(baselinePath(undefined, config, io.cwd)) ? await import("./baseline.js") : undefined;
  const baseline = accepting?.readBaseline(flags.baseline, config, io.cwd);
  const options = scanOptions(
    flags,
    rulebook.kinds.map((k) => k.definition.id),
  );
  const { paths, skipped } = flags.asOne ? expandPages(args, io.cwd) : await expandInputs(args, io.cwd);
  for (const { path, reason } of skipped) io.stderr(`consent-lens: skipped ${printable(path)}: ${reason}\n`);
  // Nothing checked is not good news: no report, and the exit code of an error whatever --fail-on says.
  if (!paths.length) {
    io.stderr(`consent-lens: no form to check in ${printable(args.join(" "))}\n`);
    return exitCodes.error;
  }
  const formatOptions: FormatOptions = {
    version,
    unreadable: [],
    changes: rulebook.changes,
    questionsOnly: Boolean(flags.questionsOnly),
    details: Boolean(flags.details),
    color: useColor(flags, io),
    width: io.columns,
    ...reportLanguageOf(flags),
    ...(baseline && { baseline: display(baseline.file, io.cwd) }),
  };
  const context = {
    rulebook,
    source: flags,
    options,
    format: flags.format,
    stream,
    formatOptions,
    redact: flags.redact,
    baseline,
    acceptedIn: (path: string) => accepting?.acceptedIn(baseline, io.cwd, path),
    debug: Boolean(flags.debug),
    io,
  };
  const output = flags.output ? outputFile(flags.output, paths, io.cwd) : { write: io.stdout, close: () => {}, abort: () => {} };
  const writer = stream.open(formatOptions);
  const unreadable: Unreadable[] = [];
  const verdicts: FormVerdict[] = [];
  try {
    for await (const outcome of scanPaths(args, paths, context, Boolean(flags.asOne))) {
      if ("error" in outcome) {
        unreadable.push({ path: outcome.path, error: outcome.error });
        io.stderr(`consent-lens: ${printable(outcome.path)}: ${printable(outcome.error)}\n`);
        continue;
      }
      verdicts.push(outcome.verdict);
      output.write(writer.add(outcome.part));
    }
    output.write(writer.end(unreadable));
    output.close();
  } catch (error) {
    output.abort();
    throw error;
  }

  if (unreadable.length) return exitCodes.error;
  const { scanVerdict } = await import("./fail-on.js");
  return scanVerdict(verdicts, flags, config, baseline, io);
}
