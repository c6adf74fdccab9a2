import type { AlertEvent } from './alertEvents.js';

/** The placeholders an alert body template may use, each written `{{name}}`. */
export const ALERT_TEMPLATE_VARIABLES = ['monitor', 'state', 'error', 'url', 'status', 'since'] as const;

/** One placeholder name. */
export type AlertTemplateVariable = (typeof ALERT_TEMPLATE_VARIABLES)[number];

/** A rendered request body and the content type it goes with. */
export interface RenderedAlertBody {
  body: string;
  contentType: string;
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/**
 * Renders the body of one alert from a template.
 *
 * Placeholders: `{{monitor}}`; `{{state}}` (`DOWN` or `UP`); `{{error}}` (the error message, empty
 * when up); `{{url}}` (passwords already masked); `{{status}}` (the HTTP status, empty without a
 * response); `{{since}}` (ISO time the state began). Unknown placeholders stay as they are.
 *
 * A template that is JSON once its placeholders are filled in (checked with each replaced by `0`)
 * is rendered as JSON: every value is JSON-string-escaped, so quotes, backslashes and newlines in an
 * error message keep the body valid; it goes out as `application/json`. Any other template is plain
 * text (`text/plain; charset=utf-8`) with values as they are.
 *
 * Without a template the body is Slack-compatible JSON: `{"text":"api is DOWN: <error message>"}`,
 * `"api is still DOWN: …"` for a reminder, `"api is UP"` when resolved.
 *
 * @param event The alert.
 * @param template The `body` of the alert's config; absent for the default.
 * @returns The body and its content type.
 */
export function renderAlertBody(event: AlertEvent, template?: string): RenderedAlertBody {
  const values = templateValues(event);
  if (template === undefined) {
    const still = event.reminder ? 'still ' : '';
    const reason = event.state === 'down' && values.error !== '' ? `: ${values.error}` : '';
    return { body: JSON.stringify({ text: `${event.monitor} is ${still}${values.state}${reason}` }), contentType: 'application/json' };
  }
  const json = isJsonTemplate(template);
  const body = template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!Object.hasOwn(values, name)) return whole;
    const value = values[name as AlertTemplateVariable];
    return json ? JSON.stringify(value).slice(1, -1) : value;
  });
  return { body, contentType: json ? 'application/json' : 'text/plain; charset=utf-8' };
}

function templateValues(event: AlertEvent): Record<AlertTemplateVariable, string> {
  return {
    monitor: event.monitor,
    state: event.state.toUpperCase(),
    error: event.state === 'down' ? (event.result.error?.message ?? '') : '',
    url: event.result.url,
    status: event.result.status === undefined ? '' : String(event.result.status),
    since: event.since,
  };
}

function isJsonTemplate(template: string): boolean {
  try {
    JSON.parse(template.replace(PLACEHOLDER, '0'));
    return true;
  } catch {
    return false;
  }
}
