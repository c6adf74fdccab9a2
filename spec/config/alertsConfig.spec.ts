import { parseConfig } from '../../src/config/parseConfig.js';
import { configErrorOf } from '../support/configErrors.js';

const MONITOR = 'monitors:\n  api:\n    url: http://127.0.0.1/\n';

const problemOf = configErrorOf;

describe('alerts: types', () => {
  it('reads every provider type with its keys, defaults filled', () => {
    const config = parseConfig(
      `${MONITOR}alerts:
  - webhook: https://hooks.example/x
  - type: slack
    webhook: https://hooks.slack.com/services/T/B/C
  - { type: discord, name: gamers, webhook: "https://discord.com/api/webhooks/1/t" }
  - { type: teams, webhook: "https://example.webhook.office.com/webhookb2/x" }
  - { type: telegram, bot_token: "123:abc", chat_id: -100200 }
  - { type: pagerduty, name: oncall, routing_key: "R0UTINGKEY", failure_threshold: 5 }
  - { type: opsgenie, api_key: "genie-key", api_url: "https://api.eu.opsgenie.com", priority: P1 }
  - { type: ntfy, topic: rxmon-alerts }
  - { type: gotify, url: "https://push.example", token: "app-token" }
  - { type: email, host: smtp.example, username: rxmon, password: "smtp-pass", from: "rxmon@example.com", to: ops@example.com }
  - { type: slack, webhook: "https://hooks.slack.com/services/T/B/D", send_on_resolved: true, reminder_every: 1h }
`,
      'a.yml',
      {},
    );
    expect(config.alerts).toEqual([
      { name: 'webhook-1', type: 'webhook', webhook: 'https://hooks.example/x', headers: {}, sendOnResolved: false },
      { name: 'slack-1', type: 'slack', webhook: 'https://hooks.slack.com/services/T/B/C', sendOnResolved: false },
      { name: 'gamers', type: 'discord', webhook: 'https://discord.com/api/webhooks/1/t', sendOnResolved: false },
      { name: 'teams-1', type: 'teams', webhook: 'https://example.webhook.office.com/webhookb2/x', sendOnResolved: false },
      { name: 'telegram-1', type: 'telegram', botToken: '123:abc', chatId: '-100200', apiUrl: 'https://api.telegram.org', sendOnResolved: false },
      { name: 'oncall', type: 'pagerduty', routingKey: 'R0UTINGKEY', url: 'https://events.pagerduty.com/v2/enqueue', severity: 'critical', failureThreshold: 5, sendOnResolved: true },
      { name: 'opsgenie-1', type: 'opsgenie', apiKey: 'genie-key', apiUrl: 'https://api.eu.opsgenie.com', priority: 'P1', sendOnResolved: true },
      { name: 'ntfy-1', type: 'ntfy', url: 'https://ntfy.sh', topic: 'rxmon-alerts', sendOnResolved: false },
      { name: 'gotify-1', type: 'gotify', url: 'https://push.example', token: 'app-token', priority: 8, sendOnResolved: false },
      { name: 'email-1', type: 'email', host: 'smtp.example', port: 587, secure: false, username: 'rxmon', password: 'smtp-pass', from: 'rxmon@example.com', to: ['ops@example.com'], sendOnResolved: false },
      { name: 'slack-2', type: 'slack', webhook: 'https://hooks.slack.com/services/T/B/D', sendOnResolved: true, reminderEvery: 3_600_000 },
    ]);
  });

  it('reads an empty headers: of a webhook as none, as before', () => {
    const config = parseConfig(`${MONITOR}alerts:\n  - webhook: https://h.example/\n    headers:\n`, 'a.yml', {});
    expect(config.alerts[0]).toMatchObject({ type: 'webhook', headers: {} });
  });

  it('resolves PagerDuty and Opsgenie incidents by default, unless send_on_resolved: false', () => {
    const config = parseConfig(`${MONITOR}alerts:\n  - { type: pagerduty, routing_key: k1 }\n  - { type: opsgenie, api_key: k2, send_on_resolved: false }\n  - { type: slack, webhook: "https://h.example/" }\n`, 'a.yml', {});
    expect(config.alerts.map((alert) => [alert.type, alert.sendOnResolved])).toEqual([['pagerduty', true], ['opsgenie', false], ['slack', false]]);
  });

  it('takes credentials from ${ENV} and lists every one as a secret', () => {
    const env = { PD_KEY: 'pd-routing-key-123', TG: '999:telegram-token', SMTP_PASS: 'smtp-secret-pass', SLACK_HOOK: 'https://hooks.slack.com/services/T/B/slack-token-xyz' };
    const config = parseConfig(
      `${MONITOR}alerts:
  - { type: pagerduty, routing_key: "\${PD_KEY}" }
  - { type: telegram, bot_token: "\${TG}", chat_id: "@ops" }
  - { type: email, host: smtp.example, port: 465, secure: true, username: u, password: "\${SMTP_PASS}", from: a@b.c, to: [d@e.f] }
  - { type: slack, webhook: "\${SLACK_HOOK}" }
  - { type: opsgenie, api_key: literal-genie-key }
`,
      'a.yml',
      env,
    );
    expect(config.secrets).toEqual(expect.arrayContaining([...Object.values(env), '/services/T/B/slack-token-xyz', 'literal-genie-key']));
    expect(config.alerts[2]).toMatchObject({ port: 465, secure: true });
  });
});

describe('monitors pick alerts by name', () => {
  it('keeps a monitor list, and a default one from defaults:', () => {
    const config = parseConfig(
      `defaults:\n  alerts: [chat]\nmonitors:\n  api: { url: "http://127.0.0.1/", alerts: [oncall, chat] }\n  web: { url: "http://127.0.0.1/w" }\n  quiet: { url: "http://127.0.0.1/q", alerts: [] }\nalerts:\n  - { type: pagerduty, name: oncall, routing_key: k123 }\n  - { type: slack, name: chat, webhook: "https://hooks.slack.com/x" }\n`,
      'a.yml',
      {},
    );
    expect(config.monitors.map((monitor) => [monitor.name, monitor.alerts])).toEqual([
      ['api', ['oncall', 'chat']],
      ['web', ['chat']],
      ['quiet', []],
    ]);
  });

  it('leaves alerts absent (all of them) when nothing picks', () => {
    expect(parseConfig(`${MONITOR}alerts:\n  - webhook: https://h.example/\n`, 'a.yml', {}).monitors[0].alerts).toBeUndefined();
  });
});

describe('bad alerts: one line with file:line and key', () => {
  it.each([
    ['an unknown type, with a suggestion', `${MONITOR}alerts:\n  - type: slak\n    webhook: https://h.example/\n`, 'bad.yml:5: alerts[0].type: unknown alert type (did you mean slack?)'],
    ['an unknown type, far from any', `${MONITOR}alerts:\n  - type: carrier-pigeon\n`, 'bad.yml:5: alerts[0].type: expected one of webhook, slack, discord, teams, telegram, pagerduty, opsgenie, ntfy, gotify, email'],
    ['a missing routing_key', `${MONITOR}alerts:\n  - type: pagerduty\n    severity: error\n`, 'bad.yml:5: alerts[0].routing_key: missing required key'],
    ['a key of another type', `${MONITOR}alerts:\n  - type: slack\n    webhook: https://h.example/\n    routing_key: x\n`, 'bad.yml:7: alerts[0].routing_key: unknown key'],
    ['a misspelt key', `${MONITOR}alerts:\n  - type: telegram\n    bot_tokn: x\n    chat_id: 1\n`, 'bad.yml:6: alerts[0].bot_tokn: unknown key (did you mean bot_token?)'],
    ['a bad severity', `${MONITOR}alerts:\n  - { type: pagerduty, routing_key: k, severity: huge }\n`, 'bad.yml:5: alerts[0].severity: expected one of critical, error, warning, info'],
    ['a bad ntfy priority', `${MONITOR}alerts:\n  - { type: ntfy, topic: t, priority: 9 }\n`, 'bad.yml:5: alerts[0].priority: expected a whole number from 1 to 5'],
    ['a gotify without url', `${MONITOR}alerts:\n  - { type: gotify, token: t }\n`, 'bad.yml:5: alerts[0].url: missing required key'],
    ['an e-mail without recipients', `${MONITOR}alerts:\n  - type: email\n    host: smtp.example\n    from: a@b.c\n    to: []\n`, 'bad.yml:8: alerts[0].to: expected an address or a non-empty list of addresses'],
    ['a bad alert name', `${MONITOR}alerts:\n  - name: on call\n    webhook: https://h.example/\n`, 'bad.yml:5: alerts[0].name: invalid alert name: use letters, digits, "_", "." and "-" only'],
    ['a duplicate name', `${MONITOR}alerts:\n  - { name: chat, webhook: "https://h.example/" }\n  - { name: chat, type: slack, webhook: "https://h.example/s" }\n`, 'bad.yml:6: alerts[1].name: duplicate alert name "chat" (alerts[0] has it)'],
    ['a name that takes a derived one', `${MONITOR}alerts:\n  - { name: webhook-2, webhook: "https://h.example/" }\n  - { webhook: "https://h.example/2" }\n`, 'bad.yml:6: alerts[1]: duplicate alert name "webhook-2" (alerts[0] has it)'],
    ['a bad alert-level failure_threshold', `${MONITOR}alerts:\n  - { webhook: "https://h.example/", failure_threshold: 0 }\n`, 'bad.yml:5: alerts[0].failure_threshold: expected a whole number ≥ 1'],
  ])('%s', (_name, yaml, expected) => {
    expect(problemOf(yaml)).toBe(expected);
  });

  it.each([
    [
      'a monitor picking an unknown alert, with a suggestion',
      'monitors:\n  api:\n    url: http://127.0.0.1/\n    alerts: [oncall, chta]\nalerts:\n  - { name: oncall, type: pagerduty, routing_key: k }\n  - { name: chat, type: slack, webhook: "https://h.example/" }\n',
      'bad.yml:4: monitors.api.alerts[1]: unknown alert "chta" (did you mean chat?)',
    ],
    [
      'a monitor picking an alert far from any',
      'monitors:\n  api:\n    url: http://127.0.0.1/\n    alerts:\n      - pager\nalerts:\n  - { name: chat, type: slack, webhook: "https://h.example/" }\n',
      'bad.yml:5: monitors.api.alerts[0]: unknown alert "pager" (alerts: has chat)',
    ],
    ['picking an alert when there are none', 'monitors:\n  api:\n    url: http://127.0.0.1/\n    alerts: [chat]\n', 'bad.yml:4: monitors.api.alerts[0]: unknown alert "chat" (no alerts: are configured)'],
    [
      'defaults: picking an unknown alert',
      'defaults:\n  alerts: [chatt]\nmonitors:\n  api:\n    url: http://127.0.0.1/\nalerts:\n  - { name: chat, type: slack, webhook: "https://h.example/" }\n',
      'bad.yml:2: defaults.alerts[0]: unknown alert "chatt" (did you mean chat?)',
    ],
    ['a monitor alerts: that is not a list', 'monitors:\n  api:\n    url: http://127.0.0.1/\n    alerts: chat\n', 'bad.yml:4: monitors.api.alerts: expected a list, got a string'],
  ])('%s', (_name, yaml, expected) => {
    expect(problemOf(yaml)).toBe(expected);
  });

  it('never echoes a secret from ${ENV} in a problem', () => {
    const message = problemOf(`${MONITOR}alerts:\n  - { type: pagerduty, routing_key: "\${PD}", severity: "\${PD}" }\n`, { PD: 'secret-routing-key' });
    expect(message).toBe('bad.yml:5: alerts[0].severity: expected one of critical, error, warning, info');
    expect(message).not.toContain('secret-routing-key');
  });
});
