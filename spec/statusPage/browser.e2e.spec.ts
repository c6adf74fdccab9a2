import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { generateCert } from '../support/certs.js';
import { ROOT, type RunningDaemon, ensureBuilt, killDaemons, startDaemon, writeTempConfig } from '../support/daemon.js';
import { type TestServer, startHttpServer, startHttpsServer } from '../support/httpServers.js';

/**
 * The status page as people see it: the built daemon (`node dist/main.js`) on local targets, and
 * Debian's chromium driven by playwright-core. Without a browser, it says so loudly and passes;
 * with RXMON_REQUIRE_BROWSER=1 (CI, after installing chromium) a missing browser fails it.
 */

/** Debian's chromium; RXMON_CHROMIUM points elsewhere (another distribution, or a missing path to try the no-browser path). */
const CHROMIUM = process.env.RXMON_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
const SCREENSHOT = join(ROOT, 'docs/status-page.png');
/** The check interval of the monitor that starts failing, ms. */
const FLIP_INTERVAL_MS = 1_000;
/** Slack on top of one interval for the check, the SSE hop and the browser on a busy 2-core machine. */
const SLACK_MS = 3_000;

function whyNoBrowser(): string | undefined {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is missing (apt-get install chromium)`;
  try {
    createRequire(import.meta.url).resolve('playwright-core');
  } catch {
    return 'playwright-core is not installed (npm devDependency)';
  }
  return undefined;
}

const missing = whyNoBrowser();

if (missing) {
  describe('the status page in a real browser', () => {
    it(`cannot run: ${missing}`, () => {
      const line = '!'.repeat(100);
      console.warn(`\n${line}\n!!! BROWSER TEST NOT RUN: ${missing}.\n!!! The status page was NOT checked in a real browser.\n${line}\n`);
      expect(process.env.RXMON_REQUIRE_BROWSER === '1' ? 'required browser missing' : 'not required').toBe('not required');
    });
  });
} else {
  describe('the status page in a real browser', () => {
    let target: TestServer;
    let secure: TestServer;
    let daemon: RunningDaemon;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let url: string;
    let config: string;
    let checkoutFailing = false;
    const consoleErrors: string[] = [];

    beforeAll(async () => {
      ensureBuilt();
      // The browser first: its start-up load would otherwise slow the daemon's first checks.
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      target = await startHttpServer((req, res) => {
        if (req.url === '/slow') return; // never answers: that monitor stays pending
        const failing = req.url === '/fail' || (req.url === '/checkout' && checkoutFailing);
        setTimeout(() => res.writeHead(failing ? 503 : 200).end(failing ? 'unavailable' : 'ok'), 5 + Math.floor(Math.random() * 30));
      });
      secure = await startHttpsServer(await generateCert({ days: 60 }), (_req, res) => res.end('ok'));
      config = writeTempConfig(
        [
          'server: { port: 0 }',
          'history_size: 24',
          'monitors:',
          `  website: { url: "${target.url}/", check_every: 0.5, timeout: 0.5, success_threshold: 1 }`,
          `  checkout: { url: "${target.url}/checkout", check_every: ${FLIP_INTERVAL_MS / 1000}, timeout: 0.5, failure_threshold: 1, success_threshold: 1 }`,
          `  payments: { url: "https://localhost:${secure.port}/health", check_every: 0.5, timeout: 0.5, success_threshold: 1, tls: { insecure: true } }`,
          `  legacy-billing: { url: "${target.url}/fail", check_every: 0.5, timeout: 0.5, failure_threshold: 1 }`,
          `  reports: { url: "${target.url}/slow", check_every: 60, timeout: 30 }`,
          '',
        ].join('\n'),
      );
      daemon = startDaemon(['--config', config]);
      await daemon.waitFor((records) => records.some((record) => /^listening on /.test(record.msg)));
      url = daemon.records.find((record) => /^listening on /.test(record.msg))?.url as string;

      context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
      // Below jest's own 20 s, so a wait that fails says what it waited for.
      context.setDefaultTimeout(10_000);
      page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
      const response = await page.goto(url);
      if (response?.status() !== 200) {
        throw new Error(`GET ${url} answered ${response?.status()}: the daemon does not serve the status page (is it wired into runDaemon?)`);
      }
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      killDaemons();
      await Promise.all([target?.close(), secure?.close()]);
    });

    const stateOf = (p: Page, name: string) => p.locator(`[data-monitor="${name}"]`).getAttribute('data-state');

    it('lists every monitor with the right state, in colour and in words', async () => {
      await page.waitForSelector('#live[data-live="on"]');
      for (const [name, state] of [['website', 'up'], ['checkout', 'up'], ['payments', 'up'], ['legacy-billing', 'down']] as const) {
        await page.waitForSelector(`[data-monitor="${name}"][data-state="${state}"]`, { timeout: 10_000 });
      }
      const cards = await page.locator('[data-monitor]').evaluateAll((elements) =>
        elements.map((element) => ({
          name: element.getAttribute('data-monitor'),
          state: element.getAttribute('data-state'),
          label: element.querySelector('[data-field="state"]')?.textContent,
        })),
      );
      expect(cards).toEqual([
        { name: 'website', state: 'up', label: 'Up' },
        { name: 'checkout', state: 'up', label: 'Up' },
        { name: 'payments', state: 'up', label: 'Up' },
        { name: 'legacy-billing', state: 'down', label: 'Down' },
        { name: 'reports', state: 'pending', label: 'Pending' },
      ]);
      await expect(page.locator('[data-monitor="payments"] [data-field="cert"]').textContent()).resolves.toMatch(/expires in 59 days/);
      await expect(page.locator('[data-monitor="legacy-billing"] [data-field="error"]').textContent()).resolves.toContain('status 503');
      await expect(page.locator('[data-monitor="legacy-billing"] .spark-fail').count()).resolves.toBeGreaterThan(0);
      // With JavaScript on, nothing refreshes the page: the meta refresh only exists inside <noscript>.
      await expect(page.locator('meta[http-equiv="refresh"]').count()).resolves.toBe(0);
    });

    it('turns a monitor down on the open page within one interval, without a reload', async () => {
      await page.evaluate('window.notReloaded = true');
      expect(await stateOf(page, 'checkout')).toBe('up');

      checkoutFailing = true;
      await page.waitForSelector('[data-monitor="checkout"][data-state="down"]', { timeout: FLIP_INTERVAL_MS + SLACK_MS });

      await expect(page.evaluate('window.notReloaded')).resolves.toBe(true);
      await expect(page.locator('[data-monitor="checkout"] [data-field="state"]').textContent()).resolves.toBe('Down');
      await expect(page.locator('[data-monitor="checkout"] [data-field="status"]').textContent()).resolves.toBe('503');
      await expect(page.locator('#summary .headline').textContent()).resolves.toBe('2 of 5 monitors down');
      await expect(page.title()).resolves.toBe('(2 down) rxmon status');
    });

    it('works with JavaScript disabled: everything is there, and a meta refresh keeps it current', async () => {
      const noJs = await browser.newContext({ javaScriptEnabled: false });
      try {
        const plain = await noJs.newPage();
        await plain.goto(url);
        await expect(plain.locator('[data-monitor]').count()).resolves.toBe(5);
        await expect(stateOf(plain, 'legacy-billing')).resolves.toBe('down');
        await expect(stateOf(plain, 'reports')).resolves.toBe('pending');
        await expect(plain.locator('[data-monitor="website"] [data-field="uptime-hour"]').textContent()).resolves.toMatch(/^\d+(\.\d+)?%$/);
        await expect(plain.locator('[data-monitor="website"] svg.spark').count()).resolves.toBe(1);
        await expect(plain.locator('meta[http-equiv="refresh"]').getAttribute('content')).resolves.toBe('5');
        await expect(plain.locator('#live').textContent()).resolves.toBe('Refreshes every 5 s');
      } finally {
        await noJs.close();
      }
    });

    it('is readable on a phone: one column, nothing wider than the screen', async () => {
      const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
      try {
        const small = await phone.newPage();
        small.on('console', (message) => {
          if (message.type() === 'error') consoleErrors.push(`phone: ${message.text()}`);
        });
        await small.goto(url);
        const { scrollWidth, clientWidth } = await small.evaluate<{ scrollWidth: number; clientWidth: number }>(
          '({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth })',
        );
        expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
        // Measured in one go in the page: live updates swap cards, so element handles can go stale.
        const lefts = await small.evaluate<number[]>(
          "Array.from(document.querySelectorAll('[data-monitor]'), (card) => Math.round(card.getBoundingClientRect().x))",
        );
        expect(lefts).toHaveLength(5);
        expect(new Set(lefts).size).toBe(1);
      } finally {
        await phone.close();
      }
    });

    it('turns the monitor up again when its target recovers, and saves a screenshot for the README', async () => {
      checkoutFailing = false;
      await page.waitForSelector('[data-monitor="checkout"][data-state="up"]', { timeout: FLIP_INTERVAL_MS + SLACK_MS });
      await expect(page.locator('[data-monitor="checkout"] .spark-fail').count()).resolves.toBeGreaterThan(0);
      // Some history makes a telling picture.
      const caption = page.locator('[data-monitor="website"] figcaption');
      while (Number(/Last (\d+) checks/.exec((await caption.textContent()) ?? '')?.[1] ?? 0) < 16) await page.waitForTimeout(200);
      mkdirSync(join(ROOT, 'docs'), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      expect(existsSync(SCREENSHOT)).toBe(true);
    }, 30_000);

    it('shows a monitor added by a reload on the open page', async () => {
      writeFileSync(config, `${readFileSync(config, 'utf8')}  search: { url: "${target.url}/search", check_every: 0.5, timeout: 0.5, success_threshold: 1 }\n`);
      daemon.child.kill('SIGHUP');
      await page.waitForSelector('[data-monitor="search"][data-state="up"]');
      await expect(page.locator('[data-monitor]').count()).resolves.toBe(6);
    });

    it('logged no console errors and threw no page errors', () => {
      expect(consoleErrors).toEqual([]);
    });
  });
}
