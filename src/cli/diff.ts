import { UserError } from "../errors.js";
import { diffReports } from "../assess/diff.js";
import { diffJson, formatDiffMarkdown, formatDiffTerminal } from "../report/diff.js";
import type { Io } from "./io.js";
import { scanOne } from "./batch.js";
import { loadRulebook } from "./setup.js";
import { redact } from "../report/redact.js";
import { formLanguage } from "../report/view.js";
import { emit, exitCodes, scanOptions, useColor, version, type OutputFlags } from "./options.js";
import { diffFailure } from "./fail-on.js";
import type { FailOn } from "../rules/config.js";

export interface DiffFlags extends OutputFlags {
  failOnNew?: FailOn;
}

/** `consent-lens diff <old> <new>`: scans both versions and shows what changed. */
export async function diffCommand(before: string, after: string, flags: DiffFlags, io: Io): Promise<number> {
  if (flags.format === "html" || flags.format === "sarif")
    throw new UserError(`diff: --format ${flags.format} is not available; use terminal, markdown or json`);
  const { rulebook } = await loadRulebook(flags, io.cwd);
  const context = {
    rulebook,
    options: scanOptions(
      flags,
      rulebook.kinds.map((k) => k.definition.id),
    ),
    debug: Boolean(flags.debug),
    io,
  };
  const [a, b] = [await scanOne(before, context), await scanOne(after, context)];
  if ("error" in a) throw new UserError(`${a.path}: ${a.error}`);
  if ("error" in b) throw new UserError(`${b.path}: ${b.error}`);
  const compared = diffReports(a.report, b.report);
  // Compared on the real text, quoted from the masked one.
  const d = flags.redact ? { ...compared, before: redact(compared.before), after: redact(compared.after) } : compared;
  // Terminal and Markdown speak the new version's language unless --lang says otherwise.
  const language = flags.lang ?? formLanguage(d.after);
  const content =
    flags.format === "json"
      ? JSON.stringify(diffJson(d, version), null, 2) + "\n"
      : flags.format === "markdown"
        ? formatDiffMarkdown(d, language)
        : formatDiffTerminal(d, { color: useColor(flags, io), width: io.columns, language });
  emit(content, flags, [before, after], io);
  const failure = diffFailure(d, flags.failOnNew);
  if (failure) io.stderr(`consent-lens: ${failure}\n`);
  return failure ? exitCodes.failOn : exitCodes.ok;
}
