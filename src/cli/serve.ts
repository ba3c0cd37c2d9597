import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readFileSync, realpathSync, statSync } from "node:fs";
import { extname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { UserError } from "../errors.js";

/*
 * `consent-lens serve`: the web page (dist/web/, written by npm run build:web) from a small
 * static server that only this computer can reach (127.0.0.1). It serves the page's files and
 * nothing else, with the page's own Content-Security-Policy as a header too.
 */

/** The page's folder, the same from the source (src/cli) and from the build (dist/cli). */
export const siteFolder = fileURLToPath(new URL("../../dist/web/", import.meta.url));

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
};

/** The page's policy, from its index.html (one definition), with what only a header can say: no framing. */
export function sitePolicy(folder: string): string {
  const html = readFileSync(join(folder, "index.html"), "utf8");
  const policy = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  if (!policy) throw new Error(`${folder}index.html has no Content-Security-Policy`);
  return `${policy}; frame-ancestors 'none'`;
}

/** The file a request's path names inside the folder, or undefined: nothing outside it, no hidden file, no folder. */
export function fileFor(folder: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split("?")[0]!.split("#")[0]!);
  } catch {
    return undefined;
  }
  if (path === "/") path = "/index.html";
  const parts = path.split(/[/\\]/).filter(Boolean);
  if (path.includes("\0") || parts.some((p) => p === ".." || p.startsWith("."))) return undefined;
  const file = join(folder, ...parts);
  try {
    const real = realpathSync(file);
    return real.startsWith(realpathSync(folder) + sep) && statSync(real).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

function handler(folder: string, policy: string, port: () => number) {
  const common = {
    "Content-Security-Policy": policy,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "no-cache",
  };
  return (request: IncomingMessage, response: ServerResponse) => {
    const send = (status: number, body: string | Buffer, type = types[".txt"]!) => {
      response.writeHead(status, { ...common, "Content-Type": type, "Content-Length": Buffer.byteLength(body) });
      response.end(request.method === "HEAD" ? undefined : body);
    };
    // Only this computer's own addresses: a web page elsewhere cannot reach the server by a name that points here.
    const host = request.headers.host ?? "";
    if (host !== `127.0.0.1:${port()}` && host !== `localhost:${port()}`) return send(421, "wrong host\n");
    if (request.method !== "GET" && request.method !== "HEAD") return send(405, "only GET\n");
    const file = fileFor(folder, request.url ?? "/");
    if (!file) return send(404, "not found\n");
    send(200, readFileSync(file), types[extname(file)] ?? "application/octet-stream");
  };
}

/** Starts the server on 127.0.0.1 (port 0, the default: any free port); resolves once it listens, with its address. */
export async function startServer(options: { port?: number; folder?: string } = {}): Promise<{ server: Server; url: string }> {
  const folder = options.folder ?? siteFolder;
  if (!statSync(join(folder, "index.html"), { throwIfNoEntry: false })?.isFile())
    throw new UserError("the web page is not built; run npm run build:web first");
  const server = createServer();
  server.on(
    "request",
    handler(folder, sitePolicy(folder), () => (server.address() as { port: number }).port),
  );
  const port = options.port ?? 0;
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new UserError(`port ${port} is already in use; choose another with --port`)
          : new UserError(`cannot serve the page on port ${port} (${error.code ?? error.message})`),
      ),
    );
    server.listen(port, "127.0.0.1", resolve);
  });
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` };
}

/** The command: serves until Ctrl-C (or SIGTERM), then closes and returns. */
export async function serveCommand(flags: { port: string }, print: (line: string) => void): Promise<void> {
  const port = /^\d+$/.test(flags.port) ? Number(flags.port) : NaN;
  if (!(port <= 65535)) throw new UserError(`--port must be a number from 0 to 65535, not "${flags.port}"`);
  const { server, url } = await startServer({ port });
  print(`consent-lens: the page is at ${url} (only this computer can open it; Ctrl-C stops the server)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop).off("SIGTERM", stop);
      server.closeAllConnections();
      server.close(() => resolve());
    };
    process.on("SIGINT", stop).on("SIGTERM", stop);
  });
}
