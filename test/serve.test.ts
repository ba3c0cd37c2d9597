import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Server } from "node:http";
import { fileFor, startServer } from "../src/cli/serve.js";
import { cli } from "./helpers.js";

// A site of two files, beside a secret the server must never give out.
const policy = "default-src 'self'; connect-src 'none'";
let dir: string;
let site: string;
let server: Server;
let port: number;

/** A raw request (fetch would normalise `..` away), with the Host header as given. */
function get(path: string, options: { method?: string; host?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({
      host: "127.0.0.1",
      port,
      path,
      method: options.method ?? "GET",
      headers: { host: options.host ?? `127.0.0.1:${port}` },
    });
    req.on("response", (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk)).on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", reject).end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "consent-lens-serve-"));
  site = join(dir, "web");
  mkdirSync(site);
  writeFileSync(join(dir, "secret.txt"), "SECRET");
  writeFileSync(join(site, "index.html"), `<meta http-equiv="Content-Security-Policy" content="${policy}"><p>the page</p>`);
  writeFileSync(join(site, "app.js"), "export {};");
  writeFileSync(join(site, ".hidden"), "SECRET");
  symlinkSync(join(dir, "secret.txt"), join(site, "link.txt"));
  ({ server } = await startServer({ folder: site, port: 0 }));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe("consent-lens serve", () => {
  it("listens on 127.0.0.1 only", () => {
    expect((server.address() as { address: string }).address).toBe("127.0.0.1");
  });

  it("serves the page with its own Content-Security-Policy as a header, and no framing", async () => {
    const page = await get("/");
    expect(page.status).toBe(200);
    expect(page.body).toContain("the page");
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.headers["content-security-policy"]).toBe(`${policy}; frame-ancestors 'none'`);
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    expect((await get("/app.js")).headers["content-type"]).toBe("text/javascript; charset=utf-8");
  });

  it.each([
    "/../secret.txt",
    "/%2e%2e/secret.txt",
    "/..%2fsecret.txt",
    "/..%5csecret.txt",
    "/link.txt",
    "/.hidden",
    "/%00",
    "/%zz",
    "/nothing.js",
  ])("gives out nothing outside the site's files: %s", async (path) => {
    const response = await get(path);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain("SECRET");
  });

  it("answers only GET and HEAD, and only under its own address", async () => {
    expect((await get("/", { method: "POST" })).status).toBe(405);
    expect((await get("/", { method: "HEAD" })).status).toBe(200);
    expect((await get("/", { host: "attacker.example:80" })).status).toBe(421);
    expect((await get("/", { host: `localhost:${port}` })).status).toBe(200);
  });

  it("names files only inside the folder", () => {
    expect(fileFor(site, "/app.js?v=1")).toBe(join(site, "app.js"));
    expect(fileFor(site, "/")).toBe(join(site, "index.html"));
    expect(fileFor(site, "/../web/app.js")).toBeUndefined();
  });

  it("says in one line what is wrong: a bad port, a port in use", async () => {
    const bad = await cli(["serve", "--port", "http"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('consent-lens: --port must be a number from 0 to 65535, not "http"\n');
    await expect(startServer({ folder: site, port })).rejects.toThrow(`port ${port} is already in use; choose another with --port`);
    await expect(startServer({ folder: join(dir, "none") })).rejects.toThrow("the web page is not built; run npm run build:web first");
  });
});
