// Types of scans.mjs for the TypeScript tests.
export function renderPage(pdfPath: string, page: number, dpi: number): Promise<{ text: string; png: Buffer }>;
export function scannedPdf(pages: ({ png: Buffer } | { text: string })[]): Promise<Buffer>;
export function photograph(
  png: Buffer,
  options?: { angle?: number; quarterTurns?: number; noise?: number; shadow?: number; blur?: number; quality?: number; seed?: number },
): Promise<Buffer>;
export function wordAccuracy(truth: string, read: string): number;
