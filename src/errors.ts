/**
 * An expected failure caused by the user's input: a missing or unreadable file,
 * a broken rule file, a bad option. The CLI prints its message (one line per
 * problem) and exits 2; anything else is an internal error.
 */
export class UserError extends Error {
  override name = "UserError";
}

/** One line for the user: a UserError's message, or an internal error (its stack only with --debug). */
export function describeError(error: unknown, debug = false): string {
  if (error instanceof UserError) return error.message;
  if (debug) return (error as Error)?.stack ?? String(error);
  return `internal error: ${(error as Error)?.message ?? String(error)} (run with --debug for details)`;
}

/**
 * Every problem of a file, reported in one run: steps are tried one by one, the
 * UserErrors they throw kept as lines, and thrown together at the end.
 */
export class Problems {
  private readonly lines: string[] = [];

  /** Runs a step; a UserError it throws is kept and the step gives undefined. */
  attempt<R>(step: () => R): R | undefined {
    try {
      return step();
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      this.keep(error);
      return undefined;
    }
  }

  keep(error: UserError): void {
    this.lines.push(...error.message.split("\n"));
  }

  /** Throws one UserError with every problem kept so far, each once, in the order found. */
  throwIfAny(): void {
    if (this.lines.length) throw new UserError([...new Set(this.lines)].join("\n"));
  }
}

// Damerau-Levenshtein (optimal string alignment): a swap of two letters is one slip.
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

/** The known name a misspelt one most likely meant, if one is close enough (a third of its letters differ at most). */
export function closestName(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(name.length / 3)) + 1;
  for (const candidate of known) {
    // A name cut short ("hi" for "high") is one slip too.
    const cutShort = name.length >= 2 && candidate.toLowerCase().startsWith(name.toLowerCase());
    const d = cutShort
      ? Math.min(1, distance(name.toLowerCase(), candidate.toLowerCase()))
      : distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/** `; did you mean "title"?` when a close name is known, else nothing. */
export const didYouMean = (name: string, known: Iterable<string>) => {
  const closest = closestName(name, known);
  return closest !== undefined && closest !== name ? `; did you mean "${closest}"?` : "";
};
