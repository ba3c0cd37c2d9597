// Types of garbled-pdf.mjs for the TypeScript tests.
export function garbledText(text: string): string;
export function garbledPdf(paragraphs: { text: string; garbled?: boolean }[]): Promise<Uint8Array>;
