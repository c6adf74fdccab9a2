import { startHttpServer, type TestServer } from '../support/httpServers.js';
import { ensureBuilt, killDaemons, listenUrl, runDaemon, startDaemon, writeTempConfig } from '../support/daemon.js';
import { type ProviderFake, pagerDutyFake, slackFake } from './providerFakes.js';

const ROUTING_KEY = 'pd-e2e-routing-key-0123';
const SLACK_PATH = '/services/T0/B0/e2e-slack-token-4567';

describe('the daemon with two alert providers', () => {
  let target: TestServer;
  let pagerDuty: ProviderFake;
  let slack: ProviderFake;
  beforeAll(() => ensureBuilt());
  beforeEach(async () => {
    target = await startHttpServer((req, res) => res.writeHead(req.url === '/fail' ? 503 : 200).end('x'));
    pagerDuty = await pagerDutyFake(ROUTING_KEY);
    slack = await slackFake(SLACK_PATH);
  });
  afterEach(async () => {
    killDaemons();
    await Promise.all([target.close(), pagerDuty.close(), slack.close()]);
  });

  it('pages PagerDuty for the monitor that picks it, chats for both, counts and masks', async () => {
    const config = writeTempConfig(`
server: { port: 0 }
alerts:
  - { type: pagerduty, name: oncall, routing_key: "\${PD_KEY}", url: "${pagerDuty.base}/v2/enqueue" }
  - { type: slack, name: chat, webhook: "${slack.base}\${SLACK_PATH}", failure_threshold: 1 }
monitors:
  payments: { url: "${target.url}/fail", check_every: 0.2, timeout: 0.2, failure_threshold: 2, alerts: [oncall, chat] }
  blog: { url: "${target.url}/fail", check_every: 0.2, timeout: 0.2, failure_threshold: 2, alerts: [chat] }
`);
    const daemon = startDaemon(['--config', config], { PD_KEY: ROUTING_KEY, SLACK_PATH });
    await daemon.waitFor(() => pagerDuty.requests.length >= 1 && slack.requests.length >= 2, 15_000);

    expect(pagerDuty.requests[0].problems).toEqual([]);
    expect(pagerDuty.requests[0].json).toMatchObject({ event_action: 'trigger', dedup_key: 'rxmon/payments', payload: { summary: 'payments is DOWN: status 503, expected 200-399' } });
    expect(slack.requests.slice(0, 2).map((request) => request.problems)).toEqual([[], []]);
    expect(slack.requests.map((request) => request.json?.text).sort()).toEqual(['blog is DOWN: status 503, expected 200-399', 'payments is DOWN: status 503, expected 200-399']);
    await daemon.waitFor((records) => records.filter((record) => record.msg === 'alert sent').length >= 3, 10_000);

    const metrics = await (await fetch(new URL('/metrics', listenUrl(daemon.records)))).text();
    expect(metrics).toMatch(/^rxmon_alert_deliveries_total\{alert="oncall",type="pagerduty",outcome="delivered"\} 1$/m);
    expect(metrics).toMatch(/^rxmon_alert_deliveries_total\{alert="chat",type="slack",outcome="delivered"\} 2$/m);
    daemon.child.kill('SIGTERM');
    expect((await daemon.exited()).code).toBe(0);

    // blog never picked oncall: PagerDuty only ever heard of payments.
    expect(pagerDuty.requests.every((request) => request.json?.dedup_key === 'rxmon/payments')).toBe(true);
    const sent = daemon.records.filter((record) => record.msg === 'alert sent');
    expect(sent).toEqual(expect.arrayContaining([expect.objectContaining({ alert: 'oncall', type: 'pagerduty', host: new URL(pagerDuty.base).host, monitor: 'payments' })]));
    const output = JSON.stringify(daemon.records) + daemon.stderr() + metrics;
    expect(output).not.toContain(ROUTING_KEY);
    expect(output).not.toContain('e2e-slack-token-4567');
  });

  it('exits 2 with file:line when a monitor picks an unknown alert', async () => {
    const config = writeTempConfig(`alerts:\n  - { type: slack, name: chat, webhook: "https://hooks.example/x" }\nmonitors:\n  api:\n    url: ${target.url}/ok\n    alerts: [chta]\n`, 'bad.yml');
    const { code, stdout, stderr } = await runDaemon(['--config', config]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim()).toMatch(/bad\.yml:6: monitors\.api\.alerts\[0\]: unknown alert "chta" \(did you mean chat\?\)$/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
