import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ROOT, type RunningDaemon, ensureBuilt, killDaemons, startDaemon, writeTempConfig } from '../support/daemon.js';
import { type TestServer, startHttpServer } from '../support/httpServers.js';

/**
 * The status page as people see it, at the scale rxmon claims: the built daemon (`node dist/main.js`)
 * with 10,000 monitors on one local target, and Debian's chromium driven by playwright-core. Without
 * a browser, it says so loudly and passes; with RXMON_REQUIRE_BROWSER=1 (CI, after installing
 * chromium) a missing browser fails it.
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
const SCREENSHOTS = { overview: 'docs/status-page.png', monitor: 'docs/status-page-monitor.png', phone: 'docs/status-page-phone.png' };
const MONITORS = 10_000;
/** Every monitor's interval, s. */
const CHECK_EVERY_S = 10;
/** The monitor whose target starts failing (failure_threshold 1). */
const FLIP = 'm04242';
/** Its row's `data-i` ("evil" comes first). */
const FLIP_INDEX = 4243;
/** Slack on top of one interval for the check, the 250 ms batch, the SSE hop and the browser on a busy 2-core machine. */
const SLACK_MS = 5_000;
const nameOf = (i: number) => `m${String(i).padStart(5, '0')}`;

function whyNoBrowser(): string | undefined {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is missing (apt-get install chromium)`;
  try {
    createRequire(import.meta.url).resolve('playwright-core');
  } catch {
    return 'playwright-core is not installed (npm devDependency)';
  }
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function getText(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve(body));
    })
      .on('error', reject)
      .end();
  });
}

/**
 * Until the daemon composes the page from its LiveMonitors and store (`createStatusPage({ live, store })`
 * in src/cli/runDaemon.ts), it serves the previous page, which this test does not describe.
 */
function whyNotWired(): string | undefined {
  const source = readFileSync(join(ROOT, 'src/cli/runDaemon.ts'), 'utf8');
  return /createStatusPage\(\{\s*live\b/.test(source) ? undefined : 'src/cli/runDaemon.ts does not build the page with createStatusPage({ live, store }) yet';
}

const missing = whyNoBrowser() ?? whyNotWired();

if (missing) {
  describe('the status page in a real browser', () => {
    it(`cannot run: ${missing}`, () => {
      const line = '!'.repeat(100);
      console.warn(`\n${line}\n!!! BROWSER TEST NOT RUN: ${missing}.\n!!! The status page was NOT checked in a real browser.\n${line}\n`);
      expect(process.env.RXMON_REQUIRE_BROWSER === '1' && whyNoBrowser() !== undefined ? 'required browser missing' : 'not required').toBe('not required');
    });
  });
} else {
  describe('the status page in a real browser, 10,000 monitors', () => {
    let target: TestServer;
    let daemon: RunningDaemon;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let url: string;
    const failing = new Set<string>();
    const consoleErrors: string[] = [];
    const dialogs: string[] = [];
    const timings: Record<string, number> = {};

    const watch = (p: Page, label: string) => {
      p.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(`${label}: ${message.text()}`);
      });
      p.on('pageerror', (error) => consoleErrors.push(`${label} pageerror: ${error.message}`));
      p.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
    };

    beforeAll(async () => {
      ensureBuilt();
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      target = await startHttpServer((req, res) => {
        const name = req.url?.slice('/m/'.length) ?? '';
        if (req.url === '/evil') {
          res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"<script>window.pwned=1</script><img src=x onerror=alert(1)>"}');
          return;
        }
        if (failing.has(name)) res.writeHead(503).end('unavailable');
        else res.writeHead(200).end('ok');
      });
      // A port of our own, so the daemon can log at warn (10,000 check lines a round cost this machine's CPU).
      const port = await freePort();
      const lines = [
        'log: { level: warn }',
        `server: { port: ${port} }`,
        `defaults: { check_every: ${CHECK_EVERY_S}, timeout: 2, success_threshold: 1, failure_threshold: 2 }`,
        'monitors:',
        `  evil: { url: "${target.url}/evil", group: "<script>window.pwned=2</script>", failure_threshold: 1, expect: { json: { status: ok } } }`,
      ];
      for (let i = 0; i < MONITORS - 1; i += 1) {
        const name = nameOf(i);
        lines.push(`  ${name}: { url: "${target.url}/m/${name}", group: team-${String(i % 25).padStart(2, '0')}${name === FLIP ? ', failure_threshold: 1' : ''} }`);
      }
      const config = writeTempConfig(`${lines.join('\n')}\n`);
      daemon = startDaemon(['--config', config]);
      url = `http://127.0.0.1:${port}/`;
      // The first round of checks: every monitor decided (up, or evil down).
      const started = Date.now();
      while (!(await getText(url).catch(() => '')).includes('data-count="pending">0<')) {
        if (daemon.child.exitCode !== null) throw new Error(`the daemon exited: ${daemon.stderr()}`);
        if (Date.now() - started > 45_000) throw new Error('monitors still pending after 45 s (is the machine overloaded?)');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      // Settled: the first round's burst is over once the page answers quickly (at most 10 s more).
      const settling = Date.now();
      for (;;) {
        const start = Date.now();
        await getText(url);
        if (Date.now() - start < 300 || Date.now() - settling > 10_000) break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
      context.setDefaultTimeout(15_000);
      page = await context.newPage();
      watch(page, 'desktop');
    }, 90_000);

    afterAll(async () => {
      await browser?.close();
      killDaemons();
      await target?.close();
      if (Object.keys(timings).length > 0) console.log(`browser timings (ms): ${JSON.stringify(timings)}`);
    });

    it('loads fast: the summary, the down monitor, every group and all 10,000 rows', async () => {
      const start = Date.now();
      const response = await page.goto(url, { waitUntil: 'load' });
      timings.load = Date.now() - start;
      expect(response?.status()).toBe(200);
      const paint = await page.evaluate<number>("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1");
      timings.firstContentfulPaint = Math.round(paint);
      const nav = await page.evaluate<Record<string, number>>(
        "(() => { const n = performance.getEntriesByType('navigation')[0]; return { responseStart: Math.round(n.responseStart), responseEnd: Math.round(n.responseEnd), domInteractive: Math.round(n.domInteractive), domContentLoaded: Math.round(n.domContentLoadedEventEnd), transferSize: n.transferSize, decodedBodySize: n.decodedBodySize }; })()",
      );
      Object.assign(timings, nav);
      // The browser's part (from the first byte to the first paint) well under a second; the whole of
      // it under a bound a busy shared machine still meets (typically 300-600 ms here).
      expect(paint).toBeGreaterThan(0);
      expect(paint - nav.responseStart).toBeLessThan(1_000);
      expect(paint).toBeLessThan(4_000);
      await page.waitForSelector('#live[data-live="on"]');
      await expect(page.locator('tr[data-i]').count()).resolves.toBe(MONITORS);
      await expect(page.locator('details.group').count()).resolves.toBe(26);
      await expect(page.locator('#headline').textContent()).resolves.toBe(`1 of ${MONITORS} monitors down`);
      await expect(page.title()).resolves.toBe('(1 down) rxmon status');
      const card = page.locator('#down li.down-card');
      await expect(card.count()).resolves.toBe(1);
      await expect(card.locator('a').textContent()).resolves.toBe('evil');
      await expect(card.locator('.st').textContent()).resolves.toBe('Down');
    });

    it('renders names, groups and error bodies with <script> as text', async () => {
      const card = page.locator('#down li.down-card');
      await expect(card.textContent()).resolves.toContain('<script>window.pwned=2</script>');
      await expect(card.locator('[data-field="error"]').textContent()).resolves.toContain('<script>window.pwned=1</script>');
      await expect(page.locator('details.group[data-g="<script>window.pwned=2</script>"] summary .g').textContent()).resolves.toBe('<script>window.pwned=2</script>');
      await expect(page.evaluate('window.pwned')).resolves.toBeUndefined();
      expect(dialogs).toEqual([]);
    });

    it('narrows to one monitor by search, and back', async () => {
      const start = Date.now();
      await page.fill('#q', FLIP);
      await page.waitForSelector('#matches:text("1 monitor matches")');
      timings.search = Date.now() - start;
      const visible = await page.locator('tr[data-i]:visible').evaluateAll((rows) => rows.map((row) => row.querySelector('a')?.textContent));
      expect(visible).toEqual([FLIP]);
      await page.fill('#q', 'state:down');
      await page.waitForSelector('#matches:text("1 monitor matches")');
      await page.fill('#q', 'group:team-07');
      await page.waitForSelector('#matches:text("400 monitors match")');
      await page.fill('#q', '');
      await page.waitForSelector(`#matches:text("${MONITORS} monitors")`);
    });

    it('turns a monitor down on the open page within one interval, without a reload', async () => {
      await page.evaluate('window.notReloaded = true');
      const row = page.locator(`tr[data-i="${FLIP_INDEX}"]`);
      await expect(row.locator('a').textContent()).resolves.toBe(FLIP);
      await expect(row.getAttribute('data-s')).resolves.toBe('up');
      const start = Date.now();
      failing.add(FLIP);
      await page.waitForSelector(`#down li.down-card[data-i="${FLIP_INDEX}"]`, { timeout: CHECK_EVERY_S * 1000 + SLACK_MS });
      timings.turnedDown = Date.now() - start;
      await expect(row.getAttribute('data-s')).resolves.toBe('down');
      await expect(row.locator('td.st').textContent()).resolves.toBe('Down');
      await expect(page.evaluate('window.notReloaded')).resolves.toBe(true);
      await expect(page.locator('#headline').textContent()).resolves.toBe(`2 of ${MONITORS} monitors down`);
      await expect(page.title()).resolves.toBe('(2 down) rxmon status');
      await expect(page.locator(`#down li.down-card[data-i="${FLIP_INDEX}"] code`).textContent()).resolves.toBe('UNEXPECTED_STATUS');
      await expect(page.locator(`details.group[data-g="team-17"] summary .cd`).textContent()).resolves.toBe('1 down');
      mkdirSync(join(ROOT, 'docs'), { recursive: true });
      await page.locator('details.group').nth(1).evaluate((details) => ((details as unknown as { open: boolean }).open = true));
      await page.screenshot({ path: join(ROOT, SCREENSHOTS.overview) });
    }, 30_000);

    it("shows a monitor's page: uptime windows, the phase chart, the incident and the latest results", async () => {
      const monitor = await context.newPage();
      watch(monitor, 'monitor');
      const start = Date.now();
      // The incident reaches the store with the next flush: reload until it is there.
      for (;;) {
        await monitor.goto(`${url}monitors/${FLIP}?range=1h`);
        if ((await monitor.locator('[data-field="incidents"] tr[data-incident="open"]').count()) > 0) break;
        if (Date.now() - start > 10_000) throw new Error('no incident on the monitor page after 10 s');
        await monitor.waitForTimeout(500);
      }
      timings.monitorPage = Date.now() - start;
      await expect(monitor.locator('[data-field="state"]').textContent()).resolves.toBe('Down');
      await expect(monitor.locator('svg.chart rect.p-first').count()).resolves.toBeGreaterThan(0);
      await expect(monitor.locator('svg.chart rect.p-fail').count()).resolves.toBeGreaterThan(0);
      await expect(monitor.locator('[data-field="uptime-24h"]').textContent()).resolves.toMatch(/^\d+(\.\d+)?%$/);
      await expect(monitor.locator('[data-field="uptime-1y"]').textContent()).resolves.toMatch(/^\d+(\.\d+)?%$/);
      await expect(monitor.locator('[data-field="incidents"] tr[data-incident="open"]').textContent()).resolves.toContain('UNEXPECTED_STATUS');
      await expect(monitor.locator('[data-field="results"] tr[data-ok="false"]').first().textContent()).resolves.toContain('UNEXPECTED_STATUS');
      await expect(monitor.locator('.ranges strong').textContent()).resolves.toBe('1h');
      await monitor.screenshot({ path: join(ROOT, SCREENSHOTS.monitor), fullPage: true });
      // Through the API client, not a navigation: a 404 navigation is a console error by design.
      const notFound = await monitor.request.get(`${url}monitor?name=nobody`);
      expect(notFound.status()).toBe(404);
      await expect(notFound.text()).resolves.toContain('No monitor named');
      await monitor.close();
    }, 30_000);

    it('works with JavaScript off: the summary, the down monitors and the groups are there', async () => {
      const noJs = await browser.newContext({ javaScriptEnabled: false });
      try {
        const plain = await noJs.newPage();
        await plain.goto(url);
        await expect(plain.locator('#headline').textContent()).resolves.toBe(`2 of ${MONITORS} monitors down`);
        await expect(plain.locator('#down li.down-card').count()).resolves.toBe(2);
        await expect(plain.locator('details.group').count()).resolves.toBe(26);
        await expect(plain.locator('#search').isVisible()).resolves.toBe(false);
        await expect(plain.locator('meta[http-equiv="refresh"]').getAttribute('content')).resolves.toBe('30');
      } finally {
        await noJs.close();
      }
    });

    it('works on a phone: nothing wider than the screen, rows readable', async () => {
      const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
      try {
        const small = await phone.newPage();
        watch(small, 'phone');
        await small.goto(url);
        await small.waitForSelector('#live[data-live="on"]');
        await small.locator('details.group').first().evaluate((details) => ((details as unknown as { open: boolean }).open = true));
        const { scrollWidth, clientWidth } = await small.evaluate<{ scrollWidth: number; clientWidth: number }>(
          '({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth })',
        );
        expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
        await small.screenshot({ path: join(ROOT, SCREENSHOTS.phone) });
        await small.goto(`${url}monitors/${FLIP}`);
        const monitorWidth = await small.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
        expect(monitorWidth).toBeLessThanOrEqual(0);
      } finally {
        await phone.close();
      }
    }, 30_000);

    it('logged no console errors and threw no page errors', () => {
      expect(consoleErrors).toEqual([]);
    });
  });
}
