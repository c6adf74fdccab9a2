import type { AlertSpec, AuthSpec, ResolvedMonitorSpec } from './types.js';

/** Header names whose values are credentials. */
const SENSITIVE_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie)$|token|key|secret|password/i;

/**
 * Every value the logs, metrics, alerts and error messages must never show: the `${ENV}`
 * substitutions, passwords and bearer tokens of `auth`, heartbeat tokens, passwords in URLs, and the values of
 * credential headers (`Authorization`, `Cookie`, `Proxy-Authorization`, `*token*`, `*key*`, …), and
 * each alert's credentials (routing keys, API keys, bot tokens, SMTP passwords, chat webhook URLs).
 *
 * @param substituted Values of `${ENV}` substitutions.
 * @param monitors The resolved monitors.
 * @param alerts The resolved alerts.
 * @param storageUrl The PostgreSQL URL, whose password is a secret.
 * @param serverAuth `server.auth`: its bearer token or password is a secret.
 * @returns Distinct non-empty values, longest first (so that masking replaces the longest match).
 */
export function collectSecrets(
  substituted: readonly string[],
  monitors: readonly ResolvedMonitorSpec[],
  alerts: readonly AlertSpec[] = [],
  storageUrl?: string,
  serverAuth?: AuthSpec,
): string[] {
  const secrets = new Set(substituted);
  const addUrl = (url: string) => {
    const password = new URL(url).password;
    if (password !== '') {
      secrets.add(password);
      secrets.add(safeDecode(password));
    }
  };
  const addHeaders = (headers: Readonly<Record<string, string>>) => {
    for (const [name, value] of Object.entries(headers)) {
      if (SENSITIVE_HEADER.test(name)) secrets.add(value);
    }
  };
  for (const monitor of monitors) {
    // A heartbeat monitor's url is its masked ping path; its token is the secret.
    if (monitor.heartbeat !== undefined) secrets.add(monitor.heartbeat.token);
    else addUrl(monitor.url);
    addHeaders(monitor.headers);
    if (monitor.auth !== undefined) {
      secrets.add('bearer' in monitor.auth ? monitor.auth.bearer : monitor.auth.password);
    }
  }
  for (const alert of alerts) {
    if (alert.type === 'webhook') {
      addUrl(alert.webhook);
      addHeaders(alert.headers);
    }
    for (const value of alertCredentials(alert)) secrets.add(value);
  }
  if (storageUrl !== undefined) addUrl(storageUrl);
  if (serverAuth !== undefined) secrets.add('bearer' in serverAuth ? serverAuth.bearer : serverAuth.password);
  secrets.delete('');
  return [...secrets].sort((a, b) => b.length - a.length);
}

/**
 * The credentials of one alert: its key or token, its SMTP password, and for Slack, Discord and Teams
 * the webhook URL itself and its path (the token is the path).
 *
 * @param alert A resolved alert.
 * @returns Its secret values (the webhook type's are its URL password and credential headers, above).
 */
function alertCredentials(alert: AlertSpec): string[] {
  switch (alert.type) {
    case 'slack':
    case 'discord':
    case 'teams': {
      const { pathname, search } = new URL(alert.webhook);
      return [alert.webhook, `${pathname}${search}`];
    }
    case 'telegram':
      return [alert.botToken];
    case 'pagerduty':
      return [alert.routingKey];
    case 'opsgenie':
      return [alert.apiKey];
    case 'ntfy':
      return alert.token === undefined ? [] : [alert.token];
    case 'gotify':
      return [alert.token];
    case 'email':
      return alert.password === undefined ? [] : [alert.password];
    case 'webhook':
      return [];
  }
}

/**
 * @param text A percent-encoded URL part.
 * @returns It decoded, or as is when it does not decode.
 */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
