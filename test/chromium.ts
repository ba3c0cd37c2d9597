import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";

// Browser tests run in real Chromium: Debian's package, which .ci/run installs; skipped where it is absent.
export const chromiumPath = "/usr/bin/chromium";
export const hasChromium = existsSync(chromiumPath);

/** Headless Chromium with a fresh temporary profile of its own (launch() gives one), and nothing of its own on the network. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
