import { writeFileSync } from 'node:fs';
import { type IncomingMessage, type Server, createServer } from 'node:http';
import { type Server as HttpsServer, createServer as createHttpsServer } from 'node:https';
import { type AddressInfo, connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { generateCert } from '../support/certs.js';
import { ensureBuilt, killDaemons, runDaemon, startDaemon, writeTempConfig } from '../support/daemon.js';
import { streamsClosed } from './support/streamsClosed.js';

// Issue 7 §5: credentials and `${ENV}` values never reach any output; the listener is loopback-only
// by default.

/** Every secret the config uses, by the environment variable that carries it. */
const SECRETS = {
  RXMON_T_AUTHORIZATION: 'Bearer authz-7f1a-s3cr3t',
  RXMON_T_COOKIE: 'session=c00kie-9b2e-s3cr3t',
  RXMON_T_API_KEY: 'apikey-5d7c-s3cr3t',
  RXMON_T_TOKEN: 'hdrtoken-3e8f-s3cr3t',
  RXMON_T_URL_PASSWORD: 'urlpass-6a1d-s3cr3t',
  RXMON_T_BASIC_PASSWORD: 'basicpass-2c9e-s3cr3t',
  RXMON_T_BEARER: 'bearer-8d3b-s3cr3t',
  RXMON_T_QUERY_TOKEN: 'querytoken-4f6a-s3cr3t',
  RXMON_T_HOOK_TOKEN: 'hooktoken-1b5c-s3cr3t',
  RXMON_T_HOOK_HEADER: 'hookheader-7e2f-s3cr3t',
  /** Used only by the configs of reloads. */
  RXMON_T_RELOAD_TOKEN: 'reloadtoken-0c4d-s3cr3t',
} as const;
/** Written into the config as is (no `${ENV}`): a credential header's value must be kept out too. */
const LITERAL_PROXY_AUTHORIZATION = 'Basic cHJveHktbGl0ZXJhbC1zM2NyM3Q=';
const ALL_SECRETS: readonly string[] = [...Object.values(SECRETS), LITERAL_PROXY_AUTHORIZATION];

/** What the target and the webhook receiver saw. */
interface Seen {
  /** Request headers of target requests, so the test knows the secrets were really sent. */
  targetHeaders: IncomingMessage['headers'][];
  /** Bodies that reached the good webhook. */
  alertBodies: string[];
  badHookCalls: number;
}

let target: Server;
let targetUrl: string;
let tls: HttpsServer;
let tlsPort: number;
const seen: Seen = { targetHeaders: [], alertBodies: [], badHookCalls: 0 };

beforeAll(async () => {
  ensureBuilt();
  target = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path.startsWith('/hook/')) {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        seen.alertBodies.push(body);
        res.end('ok');
      });
      return;
    }
    if (path.startsWith('/bad-hook/')) {
      seen.badHookCalls++;
      req.resume();
      res.writeHead(400).end('no');
      return;
    }
    seen.targetHeaders.push(req.headers);
    if (path.startsWith('/hang')) return; // never answers: TIMEOUT
    res.writeHead(path.startsWith('/fail') ? 503 : 200).end('hello');
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
  const cert = await generateCert(); // self-signed: the check fails on TLS
  tls = createHttpsServer({ key: cert.key, cert: cert.cert }, (_req, res) => res.end('hello'));
  await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
  tlsPort = (tls.address() as AddressInfo).port;
});
afterEach(killDaemons);
afterAll(async () => {
  target.closeAllConnections();
  tls.closeAllConnections();
  await Promise.all([new Promise((resolve) => target.close(resolve)), new Promise((resolve) => tls.close(resolve))]);
});

/** The credential headers every monitor sends. */
const HEADERS = `{ Authorization: "\${RXMON_T_AUTHORIZATION}", Cookie: "\${RXMON_T_COOKIE}", X-Api-Key: "\${RXMON_T_API_KEY}", X-Auth-Token: "\${RXMON_T_TOKEN}", Proxy-Authorization: "${LITERAL_PROXY_AUTHORIZATION}" }`;

/** Monitors that succeed and fail (503, TIMEOUT, bad TLS, refused) while carrying every kind of secret. */
function monitorsYaml(): string {
  const hostPort = targetUrl.slice('http://'.length);
  const every = 'check_every: 0.5, timeout: 0.3, failure_threshold: 1, success_threshold: 1';
  return `
  headers-ok: { url: "${targetUrl}/ok", headers: ${HEADERS}, ${every} }
  headers-503: { url: "${targetUrl}/fail", headers: ${HEADERS}, ${every} }
  url-password-ok: { url: "http://rxmon:\${RXMON_T_URL_PASSWORD}@${hostPort}/ok", ${every} }
  url-password-503: { url: "http://rxmon:\${RXMON_T_URL_PASSWORD}@${hostPort}/fail", ${every} }
  basic-ok: { url: "${targetUrl}/ok", auth: { username: rxmon, password: "\${RXMON_T_BASIC_PASSWORD}" }, ${every} }
  basic-timeout: { url: "${targetUrl}/hang", auth: { username: rxmon, password: "\${RXMON_T_BASIC_PASSWORD}" }, ${every} }
  bearer-ok: { url: "${targetUrl}/ok", auth: { bearer: "\${RXMON_T_BEARER}" }, ${every} }
  bearer-timeout: { url: "${targetUrl}/hang", auth: { bearer: "\${RXMON_T_BEARER}" }, headers: ${HEADERS}, ${every} }
  query-ok: { url: "${targetUrl}/ok?token=\${RXMON_T_QUERY_TOKEN}", ${every} }
  query-503: { url: "${targetUrl}/fail?token=\${RXMON_T_QUERY_TOKEN}", ${every} }
  bad-tls: { url: "https://rxmon:\${RXMON_T_URL_PASSWORD}@127.0.0.1:${tlsPort}/?token=\${RXMON_T_QUERY_TOKEN}", headers: ${HEADERS}, ${every} }
  refused: { url: "http://rxmon:\${RXMON_T_URL_PASSWORD}@127.0.0.1:9/", auth: { bearer: "\${RXMON_T_BEARER}" }, ${every} }
`;
}

function configYaml(extraMonitors = ''): string {
  return `server: { port: 0 }
alerts:
  - webhook: "${targetUrl}/hook/\${RXMON_T_HOOK_TOKEN}?key=\${RXMON_T_HOOK_TOKEN}"
    headers: { X-Hook-Token: "\${RXMON_T_HOOK_HEADER}", Authorization: "Bearer \${RXMON_T_HOOK_HEADER}" }
    send_on_resolved: true
    body: '{"text": "{{monitor}} is {{state}}: {{error}} ({{url}} {{status}} since {{since}})"}'
  - webhook: "${targetUrl}/bad-hook/\${RXMON_T_HOOK_TOKEN}"
    headers: { X-Hook-Token: "\${RXMON_T_HOOK_HEADER}" }
monitors:${monitorsYaml()}${extraMonitors}`;
}

/** Bad configs for reloads: each problem sits on a line that carries secrets. */
const BAD_RELOADS: ReadonlyArray<{ name: string; monitor: string; message: RegExp }> = [
  {
    name: 'a bad timeout next to credentials',
    monitor: `  broken: { url: "http://rxmon:\${RXMON_T_URL_PASSWORD}@127.0.0.1:9/?token=\${RXMON_T_RELOAD_TOKEN}", headers: ${HEADERS}, timeout: -1 }\n`,
    message: /config\.yml:\d+: monitors\.broken\.timeout: expected a positive duration/,
  },
  {
    name: 'a URL that does not parse, with a password in it',
    monitor: `  broken: { url: "http://rxmon:\${RXMON_T_RELOAD_TOKEN}@exa mple.com:99999/" }\n`,
    message: /config\.yml:\d+: monitors\.broken\.url: not a valid URL/,
  },
  {
    name: 'a bad regular expression made of a secret',
    monitor: `  broken: { url: "http://127.0.0.1:9/", expect: { body_matches: "(\${RXMON_T_RELOAD_TOKEN}" } }\n`,
    message: /config\.yml:\d+: monitors\.broken\.expect\.body_matches: not a valid regular expression/,
  },
  {
    name: 'a header value of the wrong type',
    monitor: `  broken: { url: "http://127.0.0.1:9/", headers: { Authorization: ["\${RXMON_T_RELOAD_TOKEN}"] } }\n`,
    message: /config\.yml:\d+: monitors\.broken\.headers\.Authorization: expected a string/,
  },
  {
    name: 'an unknown key next to a secret',
    monitor: `  broken: { url: "http://127.0.0.1:9/", auth: { bearer: "\${RXMON_T_RELOAD_TOKEN}" }, heders: { X-Api-Key: "\${RXMON_T_RELOAD_TOKEN}" } }\n`,
    message: /config\.yml:\d+: monitors\.broken\.heders: unknown key/,
  },
];

/** Which secrets occur in a text (and where, for the failure message). */
function leaks(where: string, text: string): string[] {
  return ALL_SECRETS.filter((secret) => text.includes(secret)).map((secret) => `${where}: ${secret} (…${excerpt(text, secret)}…)`);
}

function excerpt(text: string, secret: string): string {
  const at = text.indexOf(secret);
  return text.slice(Math.max(0, at - 80), at + secret.length + 20).replace(/\n/g, '⏎');
}

const checksOf = (records: Array<Record<string, any>>, monitor: string) =>
  records.filter((record) => record.monitor === monitor && typeof record.durationMs === 'number');

/** Every output of one run of the daemon, by where it came from. */
interface Output {
  where: string;
  text: string;
}

/**
 * Runs the daemon with {@link configYaml} until every monitor has checked and the alerts went out,
 * scrapes the listener, reloads it with each of {@link BAD_RELOADS} (by HTTP and by SIGHUP), then
 * with a good config that brings a new secret, and stops it. Returns everything it wrote or served.
 */
async function runScenario(): Promise<Output[]> {
  const config = writeTempConfig(configYaml());
  const daemon = startDaemon(['--config', config], { ...SECRETS });
  let stdout = '';
  let stdoutBeforeGoodReload = '';
  daemon.child.stdout.on('data', (chunk: string) => (stdout += chunk));
  const closed = streamsClosed(daemon.child);
  const outputs: Output[] = [];

  const monitors = ['headers-ok', 'headers-503', 'url-password-ok', 'url-password-503', 'basic-ok', 'basic-timeout', 'bearer-ok', 'bearer-timeout', 'query-ok', 'query-503', 'bad-tls', 'refused'];
  await daemon.waitFor((records) => monitors.every((name) => checksOf(records, name).length >= 2), 15_000);
  // Down alerts of the seven failing monitors (503 ×3, TIMEOUT ×2, bad TLS, refused), to both webhooks.
  await daemon.waitFor(() => seen.alertBodies.length >= 7, 15_000);
  await daemon.waitFor((records) => records.filter((record) => record.msg === 'alert failed').length >= 7, 15_000);
  const base = daemon.records.find((record) => /^listening on /.test(record.msg))!.url as string;

  // The checks met what they were meant to meet...
  const codes = (name: string) => checksOf(daemon.records, name).map((record) => record.error?.code ?? 'ok');
  expect(codes('headers-ok')).toContain('ok');
  expect(codes('headers-503')).toContain('UNEXPECTED_STATUS');
  expect(codes('basic-timeout')).toContain('TIMEOUT');
  expect(codes('bearer-timeout')).toContain('TIMEOUT');
  expect(codes('bad-tls')).toContain('DEPTH_ZERO_SELF_SIGNED_CERT');
  expect(codes('refused')).toContain('ECONNREFUSED');
  expect(codes('url-password-ok')).toContain('ok');
  expect(codes('query-ok')).toContain('ok');
  // ...and really sent the secrets (else grepping for them would prove nothing).
  const sent = JSON.stringify(seen.targetHeaders);
  for (const name of ['RXMON_T_AUTHORIZATION', 'RXMON_T_COOKIE', 'RXMON_T_API_KEY', 'RXMON_T_TOKEN', 'RXMON_T_BEARER'] as const) {
    expect(sent).toContain(SECRETS[name]);
  }
  expect(sent).toContain(LITERAL_PROXY_AUTHORIZATION);
  expect(sent).toContain(Buffer.from(`rxmon:${SECRETS.RXMON_T_BASIC_PASSWORD}`).toString('base64'));
  expect(sent).toContain(Buffer.from(`rxmon:${SECRETS.RXMON_T_URL_PASSWORD}`).toString('base64'));

  outputs.push({ where: '/metrics', text: await (await fetch(new URL('/metrics', base))).text() });
  outputs.push({ where: '/healthz', text: await (await fetch(new URL('/healthz', base))).text() });

  // Reloads with bad configs whose offending lines carry secrets: by HTTP (the answer) and SIGHUP (the log).
  for (const bad of BAD_RELOADS) {
    writeFileSync(config, configYaml(bad.monitor));
    const answer = await fetch(new URL('/-/reload', base), { method: 'POST' });
    expect(answer.status).toBe(400);
    const text = await answer.text();
    expect(text).toMatch(bad.message);
    outputs.push({ where: `POST /-/reload (${bad.name})`, text });
    const rejectedBefore = daemon.records.filter((record) => /^config rejected/.test(record.msg)).length;
    daemon.child.kill('SIGHUP');
    await daemon.waitFor((records) => records.filter((record) => /^config rejected/.test(record.msg)).length > rejectedBefore);
  }
  stdoutBeforeGoodReload = stdout;

  // A good reload that brings a secret the first config did not have.
  writeFileSync(config, configYaml(`  reloaded: { url: "${targetUrl}/fail?token=\${RXMON_T_RELOAD_TOKEN}", check_every: 0.5, timeout: 0.3, failure_threshold: 1 }\n`));
  const alertsBefore = seen.alertBodies.length;
  const reloaded = await fetch(new URL('/-/reload', base), { method: 'POST' });
  expect(reloaded.status).toBe(200);
  outputs.push({ where: 'POST /-/reload (good)', text: await reloaded.text() });
  await daemon.waitFor((records) => checksOf(records, 'reloaded').length >= 2, 10_000);
  await daemon.waitFor(() => seen.alertBodies.slice(alertsBefore).some((body) => body.includes('reloaded')), 10_000);
  outputs.push({ where: '/metrics after the good reload', text: await (await fetch(new URL('/metrics', base))).text() });

  daemon.child.kill('SIGTERM');
  expect((await closed).code).toBe(0);
  expect(stdout.length).toBeGreaterThan(10_000); // the outputs are real, not empty
  expect(seen.badHookCalls).toBeGreaterThanOrEqual(7);
  outputs.push(
    { where: 'stdout before the good reload', text: stdoutBeforeGoodReload },
    { where: 'stdout after the good reload', text: stdout.slice(stdoutBeforeGoodReload.length) },
    { where: 'stderr', text: daemon.stderr() },
  );
  outputs.push(...seen.alertBodies.map((text, i) => ({ where: `alert body #${i + 1}`, text })));
  return outputs;
}

/** Leaks of `secrets` in `outputs`, one line each. */
function leaksIn(outputs: readonly Output[], secrets: readonly string[]): string[] {
  return outputs.flatMap(({ where, text }) => leaks(where, text).filter((line) => secrets.some((secret) => line.startsWith(`${where}: ${secret} `))));
}

describe('secrets, in a daemon that checks, fails, alerts and reloads', () => {
  let outputs: Output[] = [];
  beforeAll(async () => {
    outputs = await runScenario();
  }, 60_000);

  const queryToken = SECRETS.RXMON_T_QUERY_TOKEN;
  const reloadToken = SECRETS.RXMON_T_RELOAD_TOKEN;

  it('credential headers, URL passwords, basic and bearer auth and webhook secrets appear in no output', () => {
    expect(outputs.length).toBeGreaterThan(10);
    const secrets = ALL_SECRETS.filter((secret) => secret !== queryToken && secret !== reloadToken);
    expect(leaksIn(outputs, secrets)).toEqual([]);
  });

  it('an ${ENV} value in a URL query stays out of the logs', () => {
    expect(leaksIn(outputs.filter(({ where }) => /^(stdout|stderr)/.test(where)), [queryToken])).toEqual([]);
  });

  it('secrets on the offending line of a rejected reload stay out of its message and the log', () => {
    const rejected = outputs.filter(({ where }) => /^(POST \/-\/reload|stdout before|stderr)/.test(where));
    const answers = rejected.filter(({ where }) => where.startsWith('POST /-/reload (') && where !== 'POST /-/reload (good)');
    expect(answers).toHaveLength(BAD_RELOADS.length);
    expect(leaksIn(rejected, [reloadToken])).toEqual([]);
  });

  it('an ${ENV} value in a URL query stays out of /metrics and alert bodies', () => {
    expect(leaksIn(outputs, [queryToken])).toEqual([]);
  });

  it('a secret that a reload brings stays out of the logs, /metrics and alert bodies', () => {
    expect(leaksIn(outputs, [reloadToken])).toEqual([]);
  });
});

describe('secrets in a bad config at start-up', () => {
  it('never appear in the start-up error of a bad config (stderr, exit 2)', async () => {
    for (const bad of BAD_RELOADS) {
      const config = writeTempConfig(configYaml(bad.monitor));
      const { code, stdout, stderr } = await runDaemon(['--validate', '--config', config], { ...SECRETS });
      expect(code).toBe(2);
      expect(stderr).toMatch(bad.message);
      expect([...leaks(`stdout (${bad.name})`, stdout), ...leaks(`stderr (${bad.name})`, stderr)]).toEqual([]);
    }
  });
});

describe('the listener', () => {
  it('binds 127.0.0.1 unless configured otherwise', async () => {
    const config = writeTempConfig(`server: { port: 0 }\nmonitors:\n  web: { url: "${targetUrl}/ok", check_every: 1, timeout: 0.5 }\n`);
    const daemon = startDaemon(['--config', config]);
    await daemon.waitFor((records) => records.some((record) => /^listening on /.test(record.msg)));
    const url = new URL(daemon.records.find((record) => /^listening on /.test(record.msg))!.url);
    expect(url.hostname).toBe('127.0.0.1');
    const port = Number(url.port);

    // The kernel's own view: the listening socket on that port is bound to 127.0.0.1 only.
    const { readFileSync } = await import('node:fs');
    const listening = readFileSync('/proc/net/tcp', 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields.length > 3 && fields[3] === '0A') // LISTEN
      .map((fields) => fields[1])
      .filter((local) => parseInt(local.split(':')[1], 16) === port);
    expect(listening).toEqual(['0100007F:' + port.toString(16).toUpperCase().padStart(4, '0')]);
    const v6 = readFileSync('/proc/net/tcp6', 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields.length > 3 && fields[3] === '0A' && parseInt(fields[1].split(':')[1], 16) === port);
    expect(v6).toEqual([]);

    // And from outside: another address of this machine is refused, where it has one.
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address !== undefined && address.family === 'IPv4' && !address.internal);
    if (external !== undefined) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host: external.address, port });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(outcome).toBe('ECONNREFUSED');
    } else {
      console.warn('no external IPv4 address on this machine: the refusal from outside is not tried (the /proc check stands)');
    }
    daemon.child.kill('SIGTERM');
    expect((await daemon.exited()).code).toBe(0);
  });
});
