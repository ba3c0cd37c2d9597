// Types of filled-forms.mjs for the TypeScript tests.
export const identifiers: Record<string, string[]>;
export const identifierCount: number;
export function filledPdf(): Promise<Buffer>;
export function filledDocx(): Promise<Buffer>;
