// Debian's Chromium driven by playwright-core: no browser download, the flags this machine needs
// (no sandbox as root, no background connections on a closed network).
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const chromiumAvailable = fs.existsSync(CHROMIUM_PATH);

if (process.env['CI'] === 'true' && !chromiumAvailable) {
  throw new Error(`CI=true but no Chromium at ${CHROMIUM_PATH}: the browser tests must run in CI`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

export const SCREENSHOT_DIR = new URL('../test-results/screenshots/', import.meta.url);
fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });

export function screenshotPath(name: string): string {
  return new URL(`${name}.png`, SCREENSHOT_DIR).pathname;
}
