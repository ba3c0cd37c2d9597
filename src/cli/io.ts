/** What the CLI needs from the outside world; tests pass their own. */
export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<Uint8Array>;
  /** Whether standard output is a terminal, and its width; whether standard error is one (for progress). */
  isTTY: boolean;
  stderrIsTTY: boolean;
  columns: number;
  env: Record<string, string | undefined>;
  /** The working folder: where relative paths and the config file are looked for. */
  cwd: string;
}

// A reader that stops early (`| head`) closes the pipe: stop writing, quietly, as other command-line tools do.
function quitOnClosedPipe() {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
  });
}

export const processIo = (): Io => {
  quitOnClosedPipe();
  return processStreams();
};

const processStreams = (): Io => ({
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  },
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  columns: process.stdout.columns ?? (Number(process.env.COLUMNS) || 80),
  env: process.env,
  cwd: process.cwd(),
});
