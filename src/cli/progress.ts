import { printable } from "../text/printable.js";

// The end of a file name, without the control characters a hostile name could hold.
const shortName = (path: string, length: number) => {
  const name = printable(path);
  return name.length > length ? "…" + name.slice(1 - length) : name;
};

/** A one-line progress bar on standard error, redrawn in place; only for terminals. */
export function progressBar(total: number, write: (s: string) => void, columns: number) {
  let done = 0;
  return {
    tick(label: string) {
      done++;
      const width = Math.max(10, Math.min(30, columns - 30));
      const filled = Math.round((done / total) * width);
      const name = shortName(label, 20);
      write(`\r[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total} ${name}`.padEnd(columns - 1));
    },
    end: () => write("\r" + " ".repeat(columns - 1) + "\r"),
  };
}

/** One line on standard error, redrawn as each page is read by OCR (a scan can take a while); only for terminals. */
export function pageProgress(write: (s: string) => void, columns: number) {
  let shown = false;
  return {
    page(path: string, done: number, total: number) {
      shown = true;
      const name = shortName(path, 30);
      write(`\r${name}: reading page ${done} of ${total} by OCR`.padEnd(columns - 1).slice(0, columns - 1));
    },
    end: () => shown && write("\r" + " ".repeat(columns - 1) + "\r"),
  };
}
