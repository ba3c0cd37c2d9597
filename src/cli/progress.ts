/** A one-line progress bar on standard error, redrawn in place; only for terminals. */
export function progressBar(total: number, write: (s: string) => void, columns: number) {
  let done = 0;
  return {
    tick(label: string) {
      done++;
      const width = Math.max(10, Math.min(30, columns - 30));
      const filled = Math.round((done / total) * width);
      const name = label.length > 20 ? "…" + label.slice(-19) : label;
      write(`\r[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total} ${name}`.padEnd(columns - 1));
    },
    end: () => write("\r" + " ".repeat(columns - 1) + "\r"),
  };
}
