import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { bundledRules, loadRules } from "../src/rules/load.js";
import { documentFromPages } from "../src/extract/document.js";
import { normalize } from "../src/text/normalize.js";
import { match } from "../src/match/match.js";

const rules = loadRules([bundledRules, fileURLToPath(new URL("packs/polarity.yaml", import.meta.url))], {
  only: [fileURLToPath(new URL("packs/polarity.yaml", import.meta.url))],
});
const verdicts = (sentence: string) =>
  match(normalize(documentFromPages("t", "text", [[sentence]], { linesAreParagraphs: true })), rules.rules, rules.language).map(
    (f) => `${f.category} ${f.polarity}`,
  );

describe("polarity: negation within its clause, exceptions reopen the door", () => {
  it.each([
    ["Your images may be shared with third parties.", "third-party-sharing risk"],
    ["We will never share your images with third parties.", "third-party-sharing protection"],
    ["We do not sell your data to companies.", "third-party-sharing protection"],
    ["Your scans will not be used to train algorithms.", "ai-training protection"],
    ["Your information won't be given to anyone outside the team.", "third-party-sharing protection"],
    ["Neither your name nor your images will be released to third parties.", "third-party-sharing protection"],
    ["We cannot and will not share your records with partners.", "third-party-sharing protection"],
    ["We will share it with no third parties.", "third-party-sharing protection"],
    ["We will not share your name with third parties unless required by law.", "third-party-sharing risk"],
    ["We do not plan to share your results with partners, but the law may require us to in some cases.", "third-party-sharing risk"],
    ["We will not disclose your data to partners except as described below.", "third-party-sharing risk"],
    ["We will not share your data with researchers unless you give us permission.", "third-party-sharing protection"],
    ["We do not sell data, but we may share it with our research partners.", "third-party-sharing risk"],
    ["Your data, without your name, may be shared with other researchers.", "third-party-sharing risk"],
    ["Your data may be shared with researchers without your permission.", "third-party-sharing risk"],
    ["If you do not want to take part, your records may still be shared with our partners.", "third-party-sharing risk"],
    ["Data already shared with researchers cannot be withdrawn.", "withdrawal-limits risk"],
    ["We will not share your data with researchers unless you tell us it is OK.", "third-party-sharing protection"],
    ["Whether or not you join, your records may be shared with our partners.", "third-party-sharing risk"],
    ["[ ] Yes [ ] No My records may be shared with research partners.", "third-party-sharing risk"],
    ["Your coded data, which does not include your name, may be shared with other researchers.", "third-party-sharing risk"],
    ["No names are kept, and we may share the data with research partners.", "third-party-sharing risk"],
    ["We will not share your data with anyone for any purpose other than this study.", "third-party-sharing protection"],
    ["We will not share your scans with companies unless you check the box below.", "third-party-sharing protection"],
    [
      "We do not share photographs with anyone except another provider that you have asked us to send them to.",
      "third-party-sharing protection",
    ],
    ["Your images are encrypted.", "security-transfer protection"],
    ["Your images are not encrypted when they are sent.", "security-transfer risk"],
  ])("%s -> %s", (sentence, expected) => {
    expect(verdicts(sentence)).toContain(expected);
  });

  it("reports nothing where nothing matches", () => {
    expect(verdicts("Please share your questions with us.")).toEqual([]);
  });

  it("treats a question or a short unpunctuated line as a heading, not a claim", () => {
    expect(verdicts("Will my data be shared with third parties?")).toEqual([]);
    expect(verdicts("Sharing Data With Third Parties")).toEqual([]);
  });

  it("treats a long title in capitals or Title Case as a heading, but not a sentence in capitals", () => {
    expect(verdicts("PERMISSION TO STORE AND SHARE YOUR BLOOD SAMPLES AND MEDICAL RECORDS WITH OTHER RESEARCHERS")).toEqual([]);
    expect(verdicts("Agreement to Share Your Scans With Outside Researchers and Technology Companies")).toEqual([]);
    expect(verdicts("WE MAY SHARE YOUR MEDICAL RECORDS WITH OTHER RESEARCHERS AND OUTSIDE COMPANIES.")).toContain(
      "third-party-sharing risk",
    );
    // a line cut off at a joining word is the start of a sentence, not a title
    expect(verdicts("WE MAY SHARE YOUR MEDICAL RECORDS WITH OTHER RESEARCHERS AND")).toContain("third-party-sharing risk");
  });
});
