import { z } from 'zod';
import { closestKey } from '../didYouMean.js';
import type { AlertCommon, AlertSpec, AlertType } from '../types.js';
import { describeIssue } from './describeIssue.js';
import { duration } from './durationSchema.js';
import { requestHeaders } from './headersSchema.js';
import { flag, oneOf, text, wholeNumber } from './scalars.js';
import { type KeyStyle, struct } from './struct.js';
import { httpUrl } from './urlSchema.js';
import { MISSING_KEY, accept, isPlainMap, optionalSection, reject, valueSchema, wrongType } from './valueSchema.js';

/** Every `alerts[].type`, the default first. */
export const ALERT_TYPES: readonly AlertType[] = ['webhook', 'slack', 'discord', 'teams', 'telegram', 'pagerduty', 'opsgenie', 'ntfy', 'gotify', 'email'];

/** The base URLs used when an alert does not set its own (`url:` / `api_url:`). */
export const PROVIDER_DEFAULT_URLS = {
  telegram: 'https://api.telegram.org',
  pagerduty: 'https://events.pagerduty.com/v2/enqueue',
  opsgenie: 'https://api.opsgenie.com',
  ntfy: 'https://ntfy.sh',
} as const;

/** Letters, digits, `_`, `.` and `-`: alert names become log fields and metric labels. */
const ALERT_NAME = /^[A-Za-z0-9_.-]+$/;

/** One alert as checked, before its name is settled. */
type Unnamed<S> = S extends AlertSpec ? Omit<S, 'name'> & { name?: string } : never;

/** Options of the alert schemas. */
interface AlertSchemaOptions {
  style: KeyStyle;
  unitlessAs: 's' | 'ms';
}

/** An alert name. */
function alertName(): z.ZodType<string, unknown> {
  return valueSchema((input) => {
    if (typeof input !== 'string') return reject(wrongType('an alert name (a string)', input));
    if (!ALERT_NAME.test(input)) return reject('invalid alert name: use letters, digits, "_", "." and "-" only');
    return accept(input);
  });
}

/** A secret string: non-empty, never echoed. */
function secret(): z.ZodType<string, unknown> {
  return text({ nonEmpty: true });
}

/** A Telegram chat: a numeric id (negative for groups) or `@channelname`; kept as a string. */
function chatId(): z.ZodType<string, unknown> {
  return valueSchema((input) => {
    if (typeof input === 'number' && Number.isSafeInteger(input)) return accept(String(input));
    if (typeof input === 'string' && /^(-?\d+|@\w+)$/.test(input.trim())) return accept(input.trim());
    return reject('expected a chat id (a number, or "@channelname")');
  });
}

/** An ntfy topic: one path segment. */
function ntfyTopic(): z.ZodType<string, unknown> {
  return valueSchema((input) => {
    if (typeof input !== 'string') return reject(wrongType('a topic name', input));
    return /^[-_A-Za-z0-9]{1,64}$/.test(input) ? accept(input) : reject('expected a topic: 1 to 64 letters, digits, "-" or "_"');
  });
}

/** One address, or a list of them (`to:`). */
function recipients(): z.ZodType<string[], unknown> {
  const address = /^[^\s@<>]+@[^\s@<>]+$/;
  return valueSchema((input) => {
    const list = typeof input === 'string' ? [input] : input;
    if (!Array.isArray(list) || list.length === 0) return reject('expected an address or a non-empty list of addresses');
    if (!list.every((item) => typeof item === 'string' && address.test(item.trim()))) return reject('expected e-mail addresses (name@host)');
    return accept(list.map((item: string) => item.trim()));
  });
}

/** An e-mail sender: `name@host` or `Name <name@host>`. */
function sender(): z.ZodType<string, unknown> {
  return valueSchema((input) => {
    if (typeof input !== 'string') return reject(wrongType('an address', input));
    return /^([^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(input.trim()) ? accept(input.trim()) : reject('expected an address (name@host or "Name <name@host>")');
  });
}

/** Keys every alert accepts. */
function commonShape(unitlessAs: 's' | 'ms') {
  return {
    type: oneOf(ALERT_TYPES).optional(),
    name: alertName().optional(),
    sendOnResolved: flag().optional(),
    reminderEvery: duration(unitlessAs).optional(),
    failureThreshold: wholeNumber(1).optional(),
  };
}

/** The common part, defaults filled (the name is settled by the list); `send_on_resolved` defaults to true for PagerDuty and Opsgenie. */
function common<T extends AlertType>(
  type: T,
  checked: { name?: string; sendOnResolved?: boolean; reminderEvery?: number; failureThreshold?: number },
): Omit<AlertCommon, 'name' | 'type'> & { type: T; name?: string } {
  return {
    type,
    ...(checked.name === undefined ? {} : { name: checked.name }),
    // Incident tools keep an incident open until told: resolve it unless asked not to.
    sendOnResolved: checked.sendOnResolved ?? (type === 'pagerduty' || type === 'opsgenie'),
    ...(checked.reminderEvery === undefined ? {} : { reminderEvery: checked.reminderEvery }),
    ...(checked.failureThreshold === undefined ? {} : { failureThreshold: checked.failureThreshold }),
  };
}

/** The schema of each type: its own keys with the common ones, defaults filled. */
function typeSchemas({ style, unitlessAs }: AlertSchemaOptions): { [T in AlertType]: z.ZodType<Unnamed<Extract<AlertSpec, { type: T }>>, unknown> } {
  const shape = commonShape(unitlessAs);
  const chat = <T extends 'slack' | 'discord' | 'teams'>(type: T) =>
    struct({ ...shape, webhook: httpUrl() }, style).transform((checked) => ({ ...common(type, checked), webhook: checked.webhook }));
  return {
    webhook: struct({ ...shape, webhook: httpUrl(), headers: optionalSection(requestHeaders()), body: text().optional() }, style).transform((checked) => ({
      ...common('webhook', checked),
      webhook: checked.webhook,
      headers: checked.headers ?? {},
      ...(checked.body === undefined ? {} : { body: checked.body }),
    })),
    slack: chat('slack'),
    discord: chat('discord'),
    teams: chat('teams'),
    telegram: struct({ ...shape, botToken: secret(), chatId: chatId(), apiUrl: httpUrl().optional() }, style).transform((checked) => ({
      ...common('telegram', checked),
      botToken: checked.botToken,
      chatId: checked.chatId,
      apiUrl: checked.apiUrl ?? PROVIDER_DEFAULT_URLS.telegram,
    })),
    pagerduty: struct(
      { ...shape, routingKey: secret(), url: httpUrl().optional(), severity: oneOf(['critical', 'error', 'warning', 'info'] as const).optional() },
      style,
    ).transform((checked) => ({
      ...common('pagerduty', checked),
      routingKey: checked.routingKey,
      url: checked.url ?? PROVIDER_DEFAULT_URLS.pagerduty,
      severity: checked.severity ?? 'critical',
    })),
    opsgenie: struct({ ...shape, apiKey: secret(), apiUrl: httpUrl().optional(), priority: oneOf(['P1', 'P2', 'P3', 'P4', 'P5'] as const).optional() }, style).transform(
      (checked) => ({
        ...common('opsgenie', checked),
        apiKey: checked.apiKey,
        apiUrl: checked.apiUrl ?? PROVIDER_DEFAULT_URLS.opsgenie,
        ...(checked.priority === undefined ? {} : { priority: checked.priority }),
      }),
    ),
    ntfy: struct({ ...shape, url: httpUrl().optional(), topic: ntfyTopic(), token: secret().optional(), priority: wholeNumber(1, 5).optional() }, style).transform(
      (checked) => ({
        ...common('ntfy', checked),
        url: checked.url ?? PROVIDER_DEFAULT_URLS.ntfy,
        topic: checked.topic,
        ...(checked.token === undefined ? {} : { token: checked.token }),
        ...(checked.priority === undefined ? {} : { priority: checked.priority }),
      }),
    ),
    gotify: struct({ ...shape, url: httpUrl(), token: secret(), priority: wholeNumber(0, 10).optional() }, style).transform((checked) => ({
      ...common('gotify', checked),
      url: checked.url,
      token: checked.token,
      priority: checked.priority ?? 8,
    })),
    email: struct(
      {
        ...shape,
        host: text({ nonEmpty: true }),
        port: wholeNumber(1, 65535).optional(),
        secure: flag().optional(),
        username: text({ nonEmpty: true }).optional(),
        password: secret().optional(),
        from: sender(),
        to: recipients(),
      },
      style,
    ).transform((checked) => ({
      ...common('email', checked),
      host: checked.host.trim(),
      port: checked.port ?? (checked.secure === true ? 465 : 587),
      secure: checked.secure ?? false,
      ...(checked.username === undefined ? {} : { username: checked.username }),
      ...(checked.password === undefined ? {} : { password: checked.password }),
      from: checked.from,
      to: checked.to,
    })),
  };
}

/**
 * One entry of `alerts:`: `type` (default `webhook`) picks which keys are allowed and required;
 * a problem is reported at its key like any other (`alerts[1].routing_key: missing required key`),
 * an unknown type with a suggestion (`alerts[0].type: unknown alert type (did you mean slack?)`).
 *
 * @param options How the input is written.
 * @returns The schema; its output has every default filled but the name.
 */
function alertEntrySchema(options: AlertSchemaOptions): z.ZodType<Unnamed<AlertSpec>, unknown> {
  const schemas = typeSchemas(options);
  return z.unknown().transform((input, context): Unnamed<AlertSpec> => {
    const problem = (message: string, path: PropertyKey[] = [], atKey = false) =>
      context.issues.push({ code: 'custom', message, input: undefined, path, params: { atKey } });
    if (!isPlainMap(input)) {
      problem(wrongType('a map with type:', input));
      return z.NEVER;
    }
    const raw = input.type;
    const type = raw === undefined ? 'webhook' : ALERT_TYPES.find((known) => typeof raw === 'string' && known === raw.trim().toLowerCase());
    if (type === undefined) {
      const guess = typeof raw === 'string' ? closestKey(raw, ALERT_TYPES) : undefined;
      problem(guess === undefined ? `expected one of ${ALERT_TYPES.join(', ')}` : `unknown alert type (did you mean ${guess}?)`, ['type']);
      return z.NEVER;
    }
    const checked = schemas[type].safeParse(input, { error: describeIssue });
    if (checked.success) return checked.data;
    // A misspelt required key is one problem, not two: keep the "did you mean" and drop the "missing".
    const meant = new Set(checked.error.issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? [/did you mean (\w+)\?/.exec(issue.message)?.[1]] : [])));
    for (const issue of checked.error.issues) {
      if (issue.message === MISSING_KEY && meant.has(String(issue.path.at(-1)))) continue;
      if (issue.code === 'unrecognized_keys') problem(issue.message, [...issue.path, String(issue.keys[0])], true);
      else problem(issue.message, issue.path, issue.code === 'custom' && (issue.params as { atKey?: boolean } | undefined)?.atKey === true);
    }
    return z.NEVER;
  });
}

/**
 * `alerts:`: a list of alerts, each named. An alert without `name` is called `<type>-<n>`, the n-th
 * alert of its type in the list (`webhook-1`, `slack-1`, `webhook-2`): stable while alerts of other
 * types come and go. Names must be unique.
 *
 * @param options How the input is written.
 * @returns The schema; its output is the resolved alerts.
 */
export function alertsSchema(options: AlertSchemaOptions): z.ZodType<AlertSpec[], unknown> {
  return z.array(alertEntrySchema(options)).transform((alerts, context) => {
    const seen = new Map<AlertType, number>();
    const named = alerts.map((alert): AlertSpec => {
      const count = (seen.get(alert.type) ?? 0) + 1;
      seen.set(alert.type, count);
      return { ...alert, name: alert.name ?? `${alert.type}-${count}` } as AlertSpec;
    });
    const first = new Map<string, number>();
    named.forEach((alert, index) => {
      const earlier = first.get(alert.name);
      if (earlier === undefined) first.set(alert.name, index);
      else {
        const path = alerts[index].name === undefined ? [index] : [index, 'name'];
        context.issues.push({ code: 'custom', message: `duplicate alert name "${alert.name}" (alerts[${earlier}] has it)`, input: undefined, path });
      }
    });
    return named;
  });
}
