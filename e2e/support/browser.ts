import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/**
 * Which Chromium to drive: CHROMIUM_PATH, else the distribution's /usr/bin/chromium, else Playwright's own
 * download. When none exists we stop with the exact command to run instead of a cryptic launch error.
 */
export function chromiumExecutable(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  const found = candidates.find((path): path is string => Boolean(path && existsSync(path)));
  if (found) return found;
  if (existsSync(chromium.executablePath())) return undefined; // Playwright's own browser
  throw new Error(
    "No Chromium found for the end-to-end tests. Install one with `npx playwright install chromium` " +
      "(or on Debian/Ubuntu `sudo apt-get install -y chromium`), or set CHROMIUM_PATH to a Chromium binary.",
  );
}

// Flags for running as root in a container with no network beyond loopback.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
