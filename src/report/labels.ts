import type { Category, InputFormat } from "../types.js";

/** How each category id of ../shared/reference/taxonomy.md reads in a report. */
export const categoryTitles: Record<Category, string> = {
  "research-use": "Research use",
  "third-party-sharing": "Sharing with others",
  "ai-training": "AI and algorithm training",
  "commercial-use": "Commercial use",
  deidentification: "De-identification",
  retention: "How long data is kept",
  "broad-consent": "Open-ended consent",
  "withdrawal-limits": "Limits on withdrawing",
  redisclosure: "Redisclosure",
  "security-transfer": "Security and transfer",
  "genetic-data": "Genetic data",
  "record-linkage": "Linking records and recontact",
  conditioning: "Conditions on care",
  "waiver-of-rights": "Giving up rights",
  "policy-change": "Changes to the terms",
};

/** How each input format reads in a report header. */
export const formatNames: Record<InputFormat, string> = {
  pdf: "PDF",
  docx: "Word document",
  text: "text",
  markdown: "Markdown",
  image: "image",
};
