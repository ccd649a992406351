import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** Debian's Chromium, headless, with the flags this closed network needs. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** axe violations of serious or critical impact on the current page. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

/** A fresh browser context: a desktop window, or a phone (390 × 844, touch). */
export async function newPage(browser: Browser, opts: { phone?: boolean } = {}): Promise<Page> {
  const ctx = await browser.newContext(opts.phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 900 } });
  return ctx.newPage();
}

/** Fills the SSO sign-in form the platform's pages are sent to. */
export async function ssoPassword(page: Page, username: string, password = 'Yiwang2026demo'): Promise<void> {
  await page.waitForURL(/\/signin\/interaction\//);
  await page.getByLabel('手机号或用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page
    .locator('form')
    .getByRole('button', { name: /^登\s*录$/ })
    .click();
}

/** Signs a demo account in through SSO and lands on `next`. */
export async function signIn(page: Page, base: string, username: string, next = '/workbench'): Promise<void> {
  await page.goto(`${base}/signin?next=${encodeURIComponent(next)}`);
  await ssoPassword(page, username);
  await page.waitForURL((u) => u.pathname === next);
}

/**
 * A browser test file's world: the real platform started fresh with the demo region, and a
 * browser; both stopped after the file. Read `server` and `browser` inside tests.
 */
export function platformInBrowser(start: () => Promise<{ url: string; dataDir: string; stop(): Promise<void> }>) {
  const world = {} as { server: Awaited<ReturnType<typeof start>>; browser: Browser };
  beforeAll(async () => {
    world.server = await start();
    world.browser = await launch();
  });
  afterAll(async () => {
    await world.browser?.close();
    await world.server?.stop();
  });
  return world;
}
