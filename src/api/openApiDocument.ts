/**
 * The OpenAPI 3.1 document of the API and the badges, served at `GET /api/v1/openapi.json`.
 * Written by hand next to the routes it describes; a test checks that every route is in it.
 */

const json = (schema: object, description: string) => ({ description, content: { 'application/json': { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errorResponse = (description: string) => json(ref('Error'), description);
const svg = (description: string) => ({ description, content: { 'image/svg+xml': { schema: { type: 'string' } } } });

const windowEnum = ['1h', '24h', '7d', '30d', '90d', '1y'];
const nameParameter = { name: 'name', in: 'path', required: true, description: 'The monitor name (its key under `monitors:`).', schema: { type: 'string' } };
const windowPath = { name: 'window', in: 'path', required: true, schema: { type: 'string', enum: windowEnum } };
const labelQuery = { name: 'label', in: 'query', required: false, description: 'Replaces the left text.', schema: { type: 'string' } };
const monitorErrors = {
  '404': errorResponse('Unknown monitor: not configured and nothing stored.'),
  '503': errorResponse('The store did not answer.'),
};
const badgeResponses = (what: string) => ({
  '200': svg(what),
  '400': svg('A window not in the list.'),
  '404': svg('Unknown monitor.'),
});
const shieldsResponses = (what: string) => ({
  '200': json(ref('ShieldsEndpoint'), `${what}, as a shields.io endpoint badge.`),
  '400': json(ref('ShieldsEndpoint'), 'A window not in the list (`isError: true`).'),
  '404': json(ref('ShieldsEndpoint'), 'Unknown monitor (`isError: true`).'),
});
const badgeGet = (summary: string, parameters: object[], responses: object) => ({ get: { tags: ['badges'], summary, security: [], parameters, responses } });

/** The document (a plain JSON value). */
export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'rxmon',
    version: '1',
    description:
      'The state, results, incidents and uptime of every monitor, and badges. JSON answers are `Cache-Control: no-store`; badges `public, max-age=60`. With `server.auth` set, everything but `/healthz` and the badges asks for it.',
  },
  security: [{ bearer: [] }, { basic: [] }],
  tags: [{ name: 'api' }, { name: 'badges' }],
  paths: {
    '/api/v1/monitors': {
      get: {
        tags: ['api'],
        summary: 'Every configured monitor: its state, latest result and uptime over 24 h, 7 d and 30 d (figures at most a minute old).',
        responses: {
          '200': json({ type: 'object', required: ['monitors'], properties: { monitors: { type: 'array', items: ref('Monitor') } } }, 'The monitors, in config order.'),
          '401': errorResponse('Credentials missing or wrong.'),
        },
      },
    },
    '/api/v1/maintenance': {
      get: {
        tags: ['api'],
        summary: 'Maintenance now: the windows on (with the monitors each covers) and the ad hoc windows not over yet.',
        responses: {
          '200': json(
            {
              type: 'object',
              required: ['active', 'adHoc'],
              properties: {
                active: { type: 'array', items: { allOf: [ref('MaintenanceWindow'), { type: 'object', properties: { monitors: { type: 'array', items: { type: 'string' } } } }] } },
                adHoc: { type: 'array', items: ref('AdHocWindow') },
              },
            },
            'Maintenance now.',
          ),
          '401': errorResponse('Credentials missing or wrong.'),
          '503': errorResponse('The store did not answer.'),
        },
      },
      post: {
        tags: ['api'],
        summary: 'Opens an ad hoc window now, for a monitor or a group, kept in the store (every instance sees it within 5 s).',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['for'],
                properties: { monitor: { type: 'string' }, group: { type: 'string' }, for: { type: 'string', description: 'A duration: `30m`, `2h` (a bare number is seconds).' }, reason: { type: 'string' } },
              },
            },
          },
        },
        responses: {
          '201': json({ type: 'object', required: ['window'], properties: { window: ref('AdHocWindow') } }, 'The window.'),
          '400': errorResponse('A bad body: names the field.'),
          '401': errorResponse('Credentials missing or wrong.'),
          '404': errorResponse('Unknown monitor or group.'),
          '503': errorResponse('The store did not answer.'),
        },
      },
      delete: {
        tags: ['api'],
        summary: 'Ends now the ad hoc windows of a monitor (`?monitor=`) or a group (`?group=`).',
        parameters: [
          { name: 'monitor', in: 'query', required: false, schema: { type: 'string' } },
          { name: 'group', in: 'query', required: false, schema: { type: 'string' } },
        ],
        responses: {
          '200': json({ type: 'object', required: ['stopped'], properties: { stopped: { type: 'integer' } } }, 'How many windows were ended.'),
          '400': errorResponse('Neither or both of monitor and group.'),
          '401': errorResponse('Credentials missing or wrong.'),
          '503': errorResponse('The store did not answer.'),
        },
      },
    },
    '/api/v1/monitors/{name}': {
      get: {
        tags: ['api'],
        summary: 'One configured monitor, as in the list.',
        parameters: [nameParameter],
        responses: { '200': json(ref('Monitor'), 'The monitor.'), ...monitorErrors },
      },
    },
    '/api/v1/monitors/{name}/results': {
      get: {
        tags: ['api'],
        summary: 'Stored check results, newest first, by pages.',
        parameters: [
          nameParameter,
          { name: 'since', in: 'query', description: 'Inclusive lower bound on `startedAt`: ISO 8601 or ms since the epoch.', schema: { type: 'string' } },
          { name: 'until', in: 'query', description: 'Exclusive upper bound on `startedAt`: ISO 8601 or ms since the epoch.', schema: { type: 'string' } },
          { name: 'limit', in: 'query', description: 'Results per page.', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
          { name: 'cursor', in: 'query', description: 'The `next` of the previous page (opaque).', schema: { type: 'string' } },
        ],
        responses: {
          '200': json(
            { type: 'object', required: ['results'], properties: { results: { type: 'array', items: ref('CheckResult') }, next: { type: 'string', description: 'Present when more results match.' } } },
            'One page.',
          ),
          '400': errorResponse('A bad parameter, named first: `limit: expected a whole number from 1 to 1000`.'),
          ...monitorErrors,
        },
      },
    },
    '/api/v1/monitors/{name}/incidents': {
      get: {
        tags: ['api'],
        summary: 'Outages (a `down` change and the `up` that ended it), newest first; the open one has no `until`.',
        parameters: [nameParameter],
        responses: {
          '200': json({ type: 'object', required: ['incidents'], properties: { incidents: { type: 'array', items: ref('Incident') } } }, 'The incidents kept (`storage.retention.changes`).'),
          ...monitorErrors,
        },
      },
    },
    '/api/v1/monitors/{name}/uptime': {
      get: {
        tags: ['api'],
        summary: 'Uptime over one window ending now.',
        parameters: [nameParameter, { name: 'window', in: 'query', schema: { type: 'string', enum: windowEnum, default: '24h' } }],
        responses: {
          '200': json(ref('Uptime'), 'The figures.'),
          '400': errorResponse('`window: expected one of 1h, 24h, 7d, 30d, 90d, 1y`.'),
          ...monitorErrors,
        },
      },
    },
    '/api/v1/openapi.json': {
      get: { tags: ['api'], summary: 'This document.', responses: { '200': json({ type: 'object' }, 'OpenAPI 3.1.') } },
    },
    '/badge/{name}/status.svg': badgeGet('`up`, `down` or `pending` (grey).', [nameParameter, labelQuery], badgeResponses('The state badge.')),
    '/badge/{name}/uptime/{window}.svg': badgeGet(
      'Uptime over the window: ≥ 99.9 % brightgreen, ≥ 99 % green, ≥ 95 % yellow, ≥ 90 % orange, else red.',
      [nameParameter, windowPath, labelQuery],
      badgeResponses('The uptime badge.'),
    ),
    '/badge/{name}/response-time/{window}.svg': badgeGet(
      'Mean response time over the window: < 200 ms brightgreen, < 500 ms green, < 1 s yellow, < 2 s orange, else red.',
      [nameParameter, windowPath, labelQuery],
      badgeResponses('The response-time badge.'),
    ),
    '/badge/{name}/status.json': badgeGet('The state badge for shields.io.', [nameParameter, labelQuery], shieldsResponses('The state')),
    '/badge/{name}/shields.json': badgeGet('The same as `status.json`.', [nameParameter, labelQuery], shieldsResponses('The state')),
    '/badge/{name}/uptime/{window}.json': badgeGet('The uptime badge for shields.io.', [nameParameter, windowPath, labelQuery], shieldsResponses('The uptime')),
    '/badge/{name}/response-time/{window}.json': badgeGet('The response-time badge for shields.io.', [nameParameter, windowPath, labelQuery], shieldsResponses('The response time')),
  },
  components: {
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer', description: '`server.auth.bearer`' },
      basic: { type: 'http', scheme: 'basic', description: '`server.auth.username` and `password`' },
    },
    schemas: {
      Error: { type: 'object', required: ['error'], properties: { error: { type: 'string' } } },
      CheckError: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } },
      CheckResult: {
        type: 'object',
        required: ['monitor', 'method', 'url', 'startedAt', 'ok', 'bytes', 'durationMs'],
        properties: {
          monitor: { type: 'string' },
          method: { type: 'string' },
          url: { type: 'string', description: 'Passwords masked.' },
          startedAt: { type: 'string', format: 'date-time' },
          ok: { type: 'boolean' },
          status: { type: 'integer' },
          bytes: { type: 'integer' },
          contentLength: { type: 'integer' },
          durationMs: { type: 'number' },
          error: ref('CheckError'),
          timings: {
            type: 'object',
            properties: { dnsMs: { type: 'number' }, connectMs: { type: 'number' }, tlsMs: { type: 'number' }, firstByteMs: { type: 'number' }, transferMs: { type: 'number' } },
          },
          redirects: { type: 'integer' },
          finalUrl: { type: 'string' },
          certExpiresInDays: { type: 'number' },
          scheduleLagMs: { type: 'number' },
          maintenance: { const: true, description: 'Present when the check started inside a maintenance window of its monitor.' },
        },
      },
      MaintenanceWindow: {
        type: 'object',
        required: ['name', 'source', 'start', 'end'],
        properties: {
          name: { type: 'string', description: "The config window's name, or `ad hoc`." },
          source: { type: 'string', enum: ['config', 'adhoc'] },
          start: { type: 'string', format: 'date-time' },
          end: { type: 'string', format: 'date-time' },
          reason: { type: 'string' },
          id: { type: 'string', description: 'An ad hoc window\'s id.' },
        },
      },
      AdHocWindow: {
        type: 'object',
        required: ['id', 'start', 'end'],
        properties: {
          id: { type: 'string' },
          monitor: { type: 'string' },
          group: { type: 'string' },
          start: { type: 'string', format: 'date-time' },
          end: { type: 'string', format: 'date-time' },
          reason: { type: 'string' },
        },
      },
      Monitor: {
        type: 'object',
        required: ['name', 'group', 'state', 'since', 'maintenance', 'last', 'uptime'],
        properties: {
          name: { type: 'string' },
          group: { type: ['string', 'null'] },
          state: { type: 'string', enum: ['up', 'down', 'pending', 'maintenance'], description: '`maintenance` while in a maintenance window, whatever the checks say.' },
          since: { type: ['string', 'null'], format: 'date-time', description: '`startedAt` of the result that decided the state.' },
          maintenance: { oneOf: [ref('MaintenanceWindow'), { type: 'null' }], description: 'The window the monitor is in now.' },
          last: { oneOf: [ref('CheckResult'), { type: 'null' }] },
          instance: { type: 'string', description: 'In a cluster (`cluster.enabled`): the instance that checks the monitor now. Absent otherwise, or while no instance owns it.' },
          uptime: {
            type: 'object',
            required: ['24h', '7d', '30d'],
            properties: Object.fromEntries(['24h', '7d', '30d'].map((window) => [window, { type: ['number', 'null'], minimum: 0, maximum: 1 }])),
          },
        },
      },
      Incident: {
        type: 'object',
        required: ['since', 'error'],
        properties: {
          since: { type: 'string', format: 'date-time' },
          until: { type: 'string', format: 'date-time', description: 'Absent while the monitor is still down.' },
          error: { oneOf: [ref('CheckError'), { type: 'null' }] },
        },
      },
      Uptime: {
        type: 'object',
        required: ['window', 'ratio', 'checks', 'ok'],
        properties: {
          window: { type: 'string', enum: windowEnum },
          ratio: { type: ['number', 'null'], minimum: 0, maximum: 1, description: '`ok / checks`; null with no checks.' },
          checks: { type: 'integer' },
          ok: { type: 'integer' },
        },
      },
      ShieldsEndpoint: {
        type: 'object',
        required: ['schemaVersion', 'label', 'message', 'color'],
        properties: {
          schemaVersion: { const: 1 },
          label: { type: 'string' },
          message: { type: 'string' },
          color: { type: 'string' },
          isError: { type: 'boolean' },
          error: { type: 'string' },
        },
      },
    },
  },
} as const;
