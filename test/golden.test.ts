import { describe, expect, it } from "vitest";
import { formatterFor, outputFormats } from "../src/report/format.js";
import { reportView } from "../src/report/view.js";
import { formatOptions, reportOf } from "./helpers.js";

// One fixture form in every format, compared with the files in test/golden/: a change
// to any formatter shows as a readable diff. After a deliberate change: npx vitest run -u.
const extensions = { terminal: "txt", json: "json", markdown: "md", html: "html", sarif: "sarif" } as const;

describe("golden reports of fixtures/imaging-ai-consent.pdf", () => {
  it.each(outputFormats.map((f) => [f]))("%s", async (format) => {
    const report = await reportOf("imaging-ai-consent.pdf");
    const output = (await formatterFor(format))([reportView(report)], formatOptions());
    await expect(output).toMatchFileSnapshot(`golden/imaging-ai-consent.${extensions[format]}`);
  });
});
