import { type IncomingHttpHeaders, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a fake got, its JSON body parsed when it was JSON. */
export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  json?: Record<string, unknown>;
  /** What the fake found wrong with it against the provider's documented format (empty: valid). */
  problems: string[];
}

/** A local stand-in for one provider's API on 127.0.0.1, port 0. */
export interface ProviderFake {
  /** `http://127.0.0.1:<port>`. */
  base: string;
  requests: FakeRequest[];
  close(): Promise<void>;
}

/** Checks one request; returns its problems. */
type Check = (request: Omit<FakeRequest, 'problems'>) => string[];

/**
 * A fake that answers like the provider: a valid request gets `okStatus` (and `okBody`), one that
 * breaks the documented format gets 400 and the list of what is wrong — so a test sees a format
 * mistake as a failed delivery, as it would be at the real provider.
 */
async function providerFake(check: Check, okStatus: number, okBody = ''): Promise<ProviderFake> {
  const requests: FakeRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const body = Buffer.concat(chunks).toString('utf8');
      let json: Record<string, unknown> | undefined;
      try {
        json = JSON.parse(body) as Record<string, unknown>;
      } catch {
        json = undefined;
      }
      const seen = { method: req.method ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, body, ...(json === undefined ? {} : { json }) };
      const problems = check(seen);
      requests.push({ ...seen, problems });
      if (problems.length > 0) res.writeHead(400, { 'content-type': 'text/plain' }).end(problems.join('\n'));
      else res.writeHead(okStatus, { 'content-type': okBody.startsWith('{') ? 'application/json' : 'text/plain' }).end(okBody);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const isJson = (request: Omit<FakeRequest, 'problems'>) => /^application\/json/.test(request.headers['content-type'] ?? '') && request.json !== undefined;
const need = (ok: boolean, problem: string): string[] => (ok ? [] : [problem]);
const isText = (value: unknown, max = Infinity): boolean => typeof value === 'string' && value.length > 0 && value.length <= max;
const field = (object: unknown, key: string): unknown => (typeof object === 'object' && object !== null ? (object as Record<string, unknown>)[key] : undefined);

/** Slack incoming webhook: POST JSON with `text` (and optional Block Kit `blocks`); answers 200 `ok`. */
export function slackFake(path: string): Promise<ProviderFake> {
  return providerFake(
    (request) => [
      ...need(request.method === 'POST', 'method must be POST'),
      ...need(request.path === path, 'unknown webhook'),
      ...need(isJson(request), 'invalid_payload: expected application/json'),
      ...need(isText(request.json?.text), 'no_text'),
      ...need(
        request.json?.blocks === undefined ||
          (Array.isArray(request.json.blocks) && request.json.blocks.every((block) => ['section', 'context', 'header', 'divider'].includes(String(field(block, 'type'))))),
        'invalid_blocks',
      ),
    ],
    200,
    'ok',
  );
}

/** Discord execute webhook: POST JSON with `content` (≤ 2000) or `embeds` (≤ 10; title ≤ 256, description ≤ 4096); answers 204. */
export function discordFake(path: string): Promise<ProviderFake> {
  return providerFake((request) => {
    const embeds = request.json?.embeds;
    return [
      ...need(request.method === 'POST', 'method must be POST'),
      ...need(request.path === path, 'Unknown Webhook'),
      ...need(isJson(request), 'expected application/json'),
      ...need(isText(request.json?.content, 2000) || (Array.isArray(embeds) && embeds.length > 0), 'Cannot send an empty message'),
      ...need(
        embeds === undefined ||
          (Array.isArray(embeds) &&
            embeds.length <= 10 &&
            embeds.every((embed) => isText(field(embed, 'title'), 256) && isText(field(embed, 'description'), 4096) && Number.isInteger(field(embed, 'color')))),
        'invalid embeds',
      ),
    ];
  }, 204);
}

/** Teams incoming webhook: POST JSON `{type: message, attachments: [{contentType: …adaptive, content: AdaptiveCard}]}`; answers 200 `1`. */
export function teamsFake(path: string): Promise<ProviderFake> {
  return providerFake((request) => {
    const attachment = Array.isArray(request.json?.attachments) ? (request.json.attachments as unknown[])[0] : undefined;
    const card = field(attachment, 'content');
    return [
      ...need(request.method === 'POST', 'method must be POST'),
      ...need(request.path === path, 'unknown webhook'),
      ...need(isJson(request), 'expected application/json'),
      ...need(request.json?.type === 'message', 'type must be message'),
      ...need(field(attachment, 'contentType') === 'application/vnd.microsoft.card.adaptive', 'attachment must be an Adaptive Card'),
      ...need(field(card, 'type') === 'AdaptiveCard' && isText(field(card, 'version')) && Array.isArray(field(card, 'body')), 'invalid Adaptive Card'),
    ];
  }, 200, '1');
}

/** Telegram Bot API: POST /bot<token>/sendMessage, JSON with `chat_id` and `text` (1–4096); answers `{"ok":true,…}`. */
export function telegramFake(token: string): Promise<ProviderFake> {
  return providerFake(
    (request) => [
      ...need(request.method === 'POST', 'method must be POST'),
      ...need(request.path === `/bot${token}/sendMessage`, 'Unauthorized or unknown method'),
      ...need(isJson(request), 'expected application/json'),
      ...need(typeof request.json?.chat_id === 'string' || typeof request.json?.chat_id === 'number', 'Bad Request: chat_id is empty'),
      ...need(isText(request.json?.text, 4096), 'Bad Request: message text is empty'),
      ...need(request.json?.parse_mode === undefined || ['HTML', 'Markdown', 'MarkdownV2'].includes(String(request.json.parse_mode)), 'bad parse_mode'),
    ],
    200,
    '{"ok":true,"result":{"message_id":1}}',
  );
}

/** PagerDuty Events API v2: POST /v2/enqueue; trigger needs payload.summary/source/severity; resolve needs dedup_key; answers 202. */
export function pagerDutyFake(routingKey: string): Promise<ProviderFake> {
  return providerFake((request) => {
    const body = request.json ?? {};
    const payload = body.payload;
    const action = body.event_action;
    return [
      ...need(request.method === 'POST', 'method must be POST'),
      ...need(request.path === '/v2/enqueue', 'not found'),
      ...need(isJson(request), 'expected application/json'),
      ...need(body.routing_key === routingKey, 'invalid routing_key'),
      ...need(action === 'trigger' || action === 'acknowledge' || action === 'resolve', 'invalid event_action'),
      ...need(body.dedup_key === undefined || isText(body.dedup_key, 255), 'dedup_key: at most 255 characters'),
      ...(action === 'trigger'
        ? [
            ...need(isText(field(payload, 'summary'), 1024), 'payload.summary is required'),
            ...need(isText(field(payload, 'source')), 'payload.source is required'),
            ...need(['critical', 'error', 'warning', 'info'].includes(String(field(payload, 'severity'))), 'payload.severity is invalid'),
          ]
        : need(isText(body.dedup_key), 'dedup_key is required for acknowledge and resolve')),
    ];
  }, 202, '{"status":"success","message":"Event processed"}');
}

/** Opsgenie Alert API: `Authorization: GenieKey`; POST /v2/alerts (message ≤ 130, alias ≤ 512) or POST /v2/alerts/<alias>/close?identifierType=alias; answers 202. */
export function opsgenieFake(apiKey: string): Promise<ProviderFake> {
  return providerFake((request) => {
    const close = /^\/v2\/alerts\/([^/]+)\/close$/.exec(request.path);
    return [
      ...need(request.method === 'POST', 'method must be POST'),
      ...need(request.headers.authorization === `GenieKey ${apiKey}`, 'Key format is not valid'),
      ...need(isJson(request), 'expected application/json'),
      ...(close !== null
        ? need(request.query.get('identifierType') === 'alias', 'identifierType must be alias to close by alias')
        : [
            ...need(request.path === '/v2/alerts', 'not found'),
            ...need(isText(request.json?.message, 130), 'Message can not be empty and at most 130 characters'),
            ...need(request.json?.alias === undefined || isText(request.json.alias, 512), 'alias: at most 512 characters'),
          ]),
    ];
  }, 202, '{"result":"Request will be processed","requestId":"r-1"}');
}

/** ntfy: POST /<topic> with the message as the body; `Priority` 1–5 or a name, `Title`, `Tags` headers; answers the message JSON. */
export function ntfyFake(topic: string, token?: string): Promise<ProviderFake> {
  return providerFake(
    (request) => [
      ...need(request.method === 'POST' || request.method === 'PUT', 'method must be POST or PUT'),
      ...need(request.path === `/${topic}`, 'topic not found'),
      ...need(request.body.length > 0, 'empty message'),
      ...need(request.headers.priority === undefined || /^([1-5]|min|low|default|high|max|urgent)$/.test(String(request.headers.priority)), 'invalid priority'),
      ...need(token === undefined || request.headers.authorization === `Bearer ${token}`, 'unauthorized'),
    ],
    200,
    '{"id":"m1","event":"message"}',
  );
}

/** Gotify: POST /message with the app token (`X-Gotify-Key` or `?token=`) and JSON `message` (required), `title`, `priority`. */
export function gotifyFake(token: string): Promise<ProviderFake> {
  return providerFake(
    (request) => [
      ...need(request.method === 'POST', 'method must be POST'),
      ...need(request.path === '/message', 'not found'),
      ...need(request.headers['x-gotify-key'] === token || request.query.get('token') === token, 'you need to provide a valid access token'),
      ...need(isJson(request), 'expected application/json'),
      ...need(isText(request.json?.message), 'Field message is required'),
      ...need(request.json?.priority === undefined || Number.isInteger(request.json.priority), 'priority must be a number'),
    ],
    200,
    '{"id":1}',
  );
}

/** A plain webhook receiver: any POST. */
export function webhookFake(path: string): Promise<ProviderFake> {
  return providerFake((request) => [...need(request.method === 'POST', 'method must be POST'), ...need(request.path === path, 'not found')], 200, 'ok');
}
