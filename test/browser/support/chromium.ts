/**
 * Debian's Chromium for the browser tests, launched the way CI can run it, and the rule for when
 * it is missing: skipped LOUDLY on a developer's machine, a failure when CI asks for the browser
 * (SETTLESHEET_REQUIRE_BROWSER=1).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Where Debian installs Chromium (`apt-get install chromium`). */
export const CHROMIUM = '/usr/bin/chromium';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A browser with a fresh profile; `close` also deletes the profile. */
export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launches Chromium with a new user-data dir. */
export async function launchChromium(viewport = { width: 1280, height: 900 }): Promise<Browser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'settlesheet-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * `describe` for tests that need Chromium. Without it the suite is replaced by one visible skipped
 * test whose title says why (and a warning on the console), or by a failing test when
 * SETTLESHEET_REQUIRE_BROWSER=1, so CI cannot pass without having run them.
 */
export function describeInBrowser(title: string, body: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(title, body);
    return;
  }
  const why = `Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium)`;
  if (process.env.SETTLESHEET_REQUIRE_BROWSER === '1') {
    describe(title, () => {
      it(`FAILS: SETTLESHEET_REQUIRE_BROWSER=1 but ${why}`, () => {
        throw new Error(`The browser tests must run here: ${why}.`);
      });
    });
    return;
  }
  console.warn(`\n*** SKIPPED browser tests "${title}": ${why}. They did NOT run. ***\n`);
  describe(title, () => {
    it.skip(`SKIPPED, DID NOT RUN: ${why}`, () => undefined);
  });
}
