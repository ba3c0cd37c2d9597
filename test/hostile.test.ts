// Hostile input: files built to exhaust memory or time, to trick the terminal, or to hide
// that nothing was checked. Each answer must be one line (or a short report), fast. Named pipes and
// devices, which would hang this process if a fix regressed, are in hostile.process.test.ts.
import { describe, expect, it } from "vitest";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { constants, crc32, deflateRawSync } from "node:zlib";
import { documentFromPages } from "../src/extract/document.js";
import { normalize } from "../src/text/normalize.js";
import { extract } from "../src/extract/index.js";
import { cli, fixture } from "./helpers.js";

// A text with one line and no line breaks, from pieces that once made a step quadratic: abbreviations and
// letters that continue a sentence, a run of capitals, a long word, clauses with no full stop.
const pieces = [
  "Your samples may be sent to Dr. Ortiz e.g. at St. Anne Co. Inc. and a. b. c. ",
  "WE MAY SHARE YOUR RECORDS WITH OUR PARTNERS, ",
  "your results may be kept by the lab; ",
  `${"x".repeat(300)} `,
  "and the sponsor may keep your data ",
];
const oneLine = (length: number) =>
  pieces
    .join("")
    .repeat(Math.ceil(length / pieces.join("").length))
    .slice(0, length);
const normalizeOneLine = (text: string) => normalize(documentFromPages("long.txt", "text", [[text]], { linesAreParagraphs: false }));

describe("long lines", () => {
  // Fastest of three runs, so a busy machine does not make the ratio flaky.
  const fastest = (text: string) =>
    Math.min(
      ...[1, 2, 3].map(() => {
        const t = performance.now();
        normalizeOneLine(text);
        return performance.now() - t;
      }),
    );

  it("normalizes a one-line text in time linear in its length (4x the text, well under 16x the time)", () => {
    const small = fastest(oneLine(50_000));
    const large = fastest(oneLine(200_000));
    expect(large / small).toBeLessThan(8);
  });

  it("never makes a sentence longer than 2000 characters, so matching stays linear", () => {
    const text = normalizeOneLine(oneLine(30_000));
    expect(text.sentences.length).toBeGreaterThan(15);
    for (const s of text.sentences) expect(s.end - s.start).toBeLessThanOrEqual(2000);
  });

  it("scans a 20 KB form written on one line", async () => {
    const { code, stdout } = await cli(["scan", "--format", "json", "-"], { input: oneLine(20_000) });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).files[0].findings.length).toBeGreaterThan(0);
  });
});

/** A zip of deflated entries, each with the size its headers declare (true or not). */
function zip(entries: { name: string; data: Buffer; declared: number }[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, data, declared } of entries) {
    const fileName = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(declared, 22);
    header.writeUInt16LE(fileName.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc32(data), 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(declared, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    local.push(header, fileName, data);
    central.push(entry, fileName);
    offset += header.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}

const part = (name: string, text: string) => ({ name, data: deflateRawSync(text), declared: Buffer.byteLength(text) });
const wordParts = [
  part("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
  part(
    "_rels/.rels",
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  ),
];

// Deflated megabytes of spaces, each flushed so the copies can follow one another: that many MB
// inflated from about a kilobyte each, without ever holding them. The last block ends the stream.
function inflatingTo(megabytes: number): Buffer {
  const megabyte = deflateRawSync(Buffer.alloc(1 << 20, " "), { finishFlush: constants.Z_FULL_FLUSH });
  return Buffer.concat([...new Array<Buffer>(megabytes).fill(megabyte), Buffer.from([0x03, 0x00])]);
}

describe("a DOCX zip bomb", () => {
  const refused = /^the Word document unpacks to more than 50 MB \(a zip bomb\?\); it was not read$/;

  it("is refused from its declared size, before inflating", async () => {
    const bomb = zip([...wordParts, { name: "word/document.xml", data: deflateRawSync("<w:document/>"), declared: 2 ** 30 }]);
    await expect(extract({ path: "bomb.docx", bytes: bomb })).rejects.toThrow(refused);
  });

  it("is refused while inflating when its header lies, long before the gigabyte it holds", async () => {
    const bomb = zip([...wordParts, { name: "word/document.xml", data: inflatingTo(1024), declared: 1000 }]);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    await expect(extract({ path: "bomb.docx", bytes: bomb })).rejects.toThrow(refused);
    expect(process.memoryUsage().rss - before).toBeLessThan(300 * 1024 * 1024);
  });

  it("still reads a Word document under the bound", async () => {
    const body = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>We may share your samples with partners.</w:t></w:r></w:p></w:body></w:document>`;
    const document = await extract({ path: "form.docx", bytes: zip([...wordParts, part("word/document.xml", body)]) });
    expect(document.raw).toContain("We may share your samples with partners.");
  });

  it("is one line on the command line, exit 2", async () => {
    // the bound that refuses it is tested above: here, only how the command line says so
    const bomb = zip([...wordParts, { name: "word/document.xml", data: deflateRawSync("<w:document/>"), declared: 2 ** 30 }]);
    const { code, stderr } = await cli(["scan", "-"], { input: bomb });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^consent-lens: -: the Word document unpacks to more than 50 MB .*\n$/);
  });
});

describe("--output", () => {
  const form = fixture("short-notice.md");
  const folder = () => mkdtempSync(join(tmpdir(), "consent-lens-out-"));

  it("keeps a private report private", async () => {
    const dir = folder();
    const out = join(dir, "report.txt");
    writeFileSync(out, "old report");
    chmodSync(out, 0o600);
    expect((await cli(["scan", "--output", out, form])).code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readFileSync(out, "utf8")).toContain("short-notice.md");
  });

  it("gives a new report the permissions the umask allows", async () => {
    const out = join(folder(), "report.txt");
    expect((await cli(["scan", "--output", out, form])).code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o666 & ~process.umask());
  });

  it("never writes through a link planted at a temporary file's name", async () => {
    const dir = folder();
    const victim = join(dir, "victim.txt");
    writeFileSync(victim, "precious");
    // The name the temporary file used to have: predictable from the process id.
    symlinkSync(victim, join(dir, `.report.txt.${process.pid}.tmp`));
    expect((await cli(["scan", "--output", join(dir, "report.txt"), form])).code).toBe(0);
    expect(readFileSync(victim, "utf8")).toBe("precious");
    expect(statSync(join(dir, "report.txt")).isFile()).toBe(true);
  });

  it("leaves no temporary file behind when it cannot write", async () => {
    const dir = folder();
    mkdirSync(join(dir, "taken"));
    const { code, stderr } = await cli(["scan", "--output", join(dir, "taken"), form]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^consent-lens: --output .*taken: cannot write \(\w+\)\n$/);
    expect(readdirSync(dir)).toEqual(["taken"]);
  });
});

describe("folder scans", () => {
  const folder = () => mkdtempSync(join(tmpdir(), "consent-lens-folder-"));

  it("follows links to forms and to folders, each folder once, and lists every file it skips with the reason", async () => {
    const dir = folder();
    mkdirSync(join(dir, "forms"));
    symlinkSync(fixture("short-notice.md"), join(dir, "forms", "linked.md"));
    symlinkSync(fixture("protective-form.docx"), join(dir, "forms", "linked.docx"));
    symlinkSync(join(dir, "forms", "linked.md"), join(dir, "forms", "more.md")); // the same file by another name
    symlinkSync(dir, join(dir, "forms", "loop")); // a link back to the top
    symlinkSync(join(dir, "nowhere.pdf"), join(dir, "forms", "dangling.pdf"));
    writeFileSync(join(dir, "forms", "notes.csv"), "a,b");
    writeFileSync(join(dir, "forms", "README"), "notes");
    writeFileSync(join(dir, "forms", ".hidden.pdf"), "");
    const { code, stdout, stderr } = await cli(["scan", "--format", "json", "forms"], { cwd: dir });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).files.map((f: { path: string }) => f.path)).toEqual([
      join("forms", "linked.docx"),
      join("forms", "linked.md"),
    ]);
    expect(stderr.split("\n").filter(Boolean).sort()).toEqual(
      [
        `consent-lens: skipped ${join("forms", "README")}: not a form consent-lens reads (no extension)`,
        `consent-lens: skipped ${join("forms", "more.md")}: the same file as ${join("forms", "linked.md")}`,
        `consent-lens: skipped ${join("forms", "dangling.pdf")}: a link to nothing`,
        `consent-lens: skipped ${join("forms", "loop", "forms")}: a folder already scanned (a link loop?)`,
        `consent-lens: skipped ${join("forms", "notes.csv")}: not a form consent-lens reads (.csv)`,
      ].sort(),
    );
  });

  it("picks up a legacy .doc, so the report says how to convert it", async () => {
    const dir = folder();
    writeFileSync(join(dir, "old.doc"), readFileSync(fixture("bad/legacy.doc")));
    const { code, stderr } = await cli(["scan", dir]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/old\.doc: legacy Word \.doc .* save it as \.docx or PDF/);
  });

  it.each([[[]], [["--fail-on", "high"]]])("exits 2 when a folder holds no form, whatever the options (%j)", async (options) => {
    const dir = folder();
    writeFileSync(join(dir, "data.xlsx"), "not a form");
    const { code, stdout, stderr } = await cli(["scan", ...options, dir]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      `consent-lens: skipped ${join(dir, "data.xlsx")}: not a form consent-lens reads (.xlsx)\nconsent-lens: no form to check in ${dir}\n`,
    );
  });
});

describe("control characters", () => {
  // Clear the screen, go home, set the window title, move up a line, then a fake finding in red.
  const attack = "\x1b[2J\x1b[H\x1b]0;owned\x07\x1b[1A\r\x1b[31mHIGH  nothing to worry about\x1b[0m\x9b2J\u202e";
  const form = `Photo Consent\n\nWe may share your photos with${attack} our research partners.\nWe will never sell your photos${attack}.\n`;
  // Any control character but newline and tab; and the report's own colours.
  // eslint-disable-next-line no-control-regex -- control characters are what this test looks for
  const injected = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
  // eslint-disable-next-line no-control-regex -- control characters are what this test looks for
  const colours = /\x1b\[[0-9;]*m/g;

  it.each([["terminal"], ["markdown"]])("reach no %s report from the form's text or its file name", async (format) => {
    const dir = mkdtempSync(join(tmpdir(), "consent-lens-escape-"));
    writeFileSync(join(dir, `form${attack}.md`), form);
    const { code, stdout } = await cli(["scan", "--format", format, "--details", dir]);
    expect(code).toBe(0);
    expect(stdout).toContain("our research partners");
    expect(stdout).toMatch(/form.*HIGH +nothing to worry about.*2J\.md/); // the name, shown without its controls
    expect(stdout).not.toMatch(injected);
  });

  it("reach no coloured terminal report: only the report's own colours remain", async () => {
    const { stdout } = await cli(["scan", "--details", "-"], { input: form, isTTY: true, env: { NO_COLOR: "" } });
    expect(stdout).toContain("\x1b[1m"); // colour is on
    expect(stdout.replace(colours, "")).not.toMatch(injected);
    expect(stdout).not.toContain("\x1b[31mHIGH  nothing");
  });

  it("reach no line on standard error from a file name", async () => {
    const dir = mkdtempSync(join(tmpdir(), "consent-lens-escape-"));
    writeFileSync(join(dir, `broken${attack}.pdf`), "%PDF-1.7 not really");
    writeFileSync(join(dir, `notes${attack}.csv`), "a,b");
    const { code, stderr } = await cli(["scan", dir]);
    expect(code).toBe(2);
    expect(stderr.split("\n").filter(Boolean)).toHaveLength(2); // the file skipped, the damaged one
    expect(stderr.replace(/\n/g, "")).not.toMatch(injected);
  });
});

describe("rule and config files", () => {
  const folder = () => mkdtempSync(join(tmpdir(), "consent-lens-yaml-"));
  // Each level repeats the one before nine times: nine levels make 387 million strings.
  const billionLaughs = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    .concat(Array.from({ length: 8 }, (_, i) => `${"bcdefghi"[i]}: &${"bcdefghi"[i]} [${Array(9).fill(`*${"abcdefgh"[i]}`).join(", ")}]`))
    .join("\n");

  it("refuses a rule pack over 2 MB unread, in one line naming it", async () => {
    const pack = join(folder(), "huge.yaml");
    writeFileSync(pack, `rules: []\n${"# padding\n".repeat(220_000)}`);
    const { code, stderr } = await cli(["rules", "list", "--rules", pack]);
    expect(code).toBe(2);
    expect(stderr).toBe(`consent-lens: ${pack}: the rule file is too large (2.1 MB; the limit is 2 MB)\n`);
  });

  it.each([["--config"], ["--rules"]])("refuses a YAML alias bomb given with %s, in one line naming the file", async (option) => {
    const file = join(folder(), "laughs.yaml");
    writeFileSync(file, billionLaughs);
    const { code, stderr } = await cli(["scan", option, file, fixture("short-notice.md")]);
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`^consent-lens: ${file}: Excessive alias count .*\n$`));
  });
});

describe("text encodings", () => {
  const text = "We may share your photos with our research partners.\nWe will never sell your photos.\n";
  const utf16be = Buffer.from(text, "utf16le").swap16();

  it.each([
    ["UTF-16 LE with its byte order mark", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])],
    ["UTF-16 BE with its byte order mark", Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be])],
    ["UTF-8 with a byte order mark", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
  ])("reads %s", async (_, bytes) => {
    const document = await extract({ path: "form.txt", bytes });
    expect(document.raw.startsWith("We may share your photos")).toBe(true);
    const { code, stdout } = await cli(["scan", "--format", "json", "-"], { input: bytes });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).files[0].findings.map((f: { category: string }) => f.category)).toContain("commercial-use");
  });
});
