import { Cron } from 'croner';
import { z } from 'zod';
import type { OneOffMaintenanceSpec, RecurringMaintenanceSpec } from '../types.js';
import { duration } from './durationSchema.js';
import { text } from './scalars.js';
import { type KeyStyle, struct } from './struct.js';
import { accept, describeType, reject, valueSchema, wrongType } from './valueSchema.js';

/** A checked entry of `maintenance:`; the list gives it its default name. */
export type UnnamedMaintenance = (Omit<OneOffMaintenanceSpec, 'name'> | Omit<RecurringMaintenanceSpec, 'name'>) & { name?: string };

/** The weekday words of `every:`, Sunday first (cron's day numbers). */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/**
 * An ISO 8601 time with a date, a time and an offset (`2026-12-05T22:00:00+01:00`, or `Z`): a
 * one-off window means the same instant wherever rxmon runs.
 *
 * @returns The schema, in ms since the epoch.
 */
function instant(): z.ZodType<number, unknown> {
  return valueSchema((input) => {
    const value = input instanceof Date ? input.toISOString() : input;
    if (typeof value !== 'string') return reject(wrongType('an ISO 8601 time with an offset such as "2026-12-05T22:00:00+01:00"', input));
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(value.trim())) {
      return reject('expected an ISO 8601 time with an offset such as "2026-12-05T22:00:00+01:00" or "…Z"');
    }
    const ms = Date.parse(value.trim());
    return Number.isNaN(ms) ? reject('not a valid date and time') : accept(ms);
  });
}

/**
 * An IANA time zone name (`Europe/Berlin`, `UTC`), as the platform's time-zone data knows it.
 *
 * @returns The schema.
 */
function timeZone(): z.ZodType<string, unknown> {
  return valueSchema((input) => {
    if (typeof input !== 'string' || input.trim() === '') return reject(wrongType('an IANA time zone such as Europe/Berlin', input));
    try {
      new Intl.DateTimeFormat('en', { timeZone: input.trim() });
    } catch {
      return reject(`unknown time zone "${input.trim()}" (expected an IANA name such as Europe/Berlin or UTC)`);
    }
    return accept(input.trim());
  });
}

/**
 * A five-field cron pattern (`"0 2 * * *"`), checked by croner.
 *
 * @returns The schema.
 */
function cronPattern(): z.ZodType<string, unknown> {
  return valueSchema((input) => {
    if (typeof input !== 'string') return reject(wrongType('a cron pattern such as "0 2 * * *"', input));
    const pattern = input.trim();
    if (pattern.split(/\s+/).length !== 5) return reject('expected a cron pattern of five fields (minute hour day month weekday) such as "0 2 * * *"');
    try {
      new Cron(pattern, { paused: true });
    } catch (error) {
      return reject(`not a valid cron pattern: ${(error as Error).message.replace(/^CronPattern: /, '')}`);
    }
    return accept(pattern);
  });
}

/**
 * A local time of day, `HH:MM` (24 h).
 *
 * @returns The schema: `[hour, minute]`.
 */
function timeOfDay(): z.ZodType<readonly [number, number], unknown> {
  return valueSchema((input) => {
    const match = typeof input === 'string' ? /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(input.trim()) : null;
    if (!match) return reject('expected a time of day such as "02:00" or "23:30"');
    return accept([Number(match[1]), Number(match[2])] as const);
  });
}

/**
 * `every:`: weekday words (`[mon, tue]`), or `day` for every day.
 *
 * @returns The schema: cron day numbers, sorted.
 */
function weekdays(): z.ZodType<number[], unknown> {
  return valueSchema((input) => {
    const words = typeof input === 'string' ? [input] : input;
    if (!Array.isArray(words) || words.length === 0) return reject('expected day or a list of weekdays such as [mon, tue]');
    const days = new Set<number>();
    for (const item of words) {
      const word = typeof item === 'string' ? item.trim().toLowerCase() : '';
      const index = (WEEKDAYS as readonly string[]).indexOf(word);
      if (word === 'day') WEEKDAYS.forEach((_, day) => days.add(day));
      else if (index >= 0) days.add(index);
      else return reject(`expected weekdays (${WEEKDAYS.join(', ')}) or day, got ${typeof item === 'string' ? `"${item}"` : describeType(item)}`);
    }
    return accept([...days].sort((a, b) => a - b));
  });
}

/** A list of names (monitors or groups). */
function names(): z.ZodType<string[], unknown> {
  return z.array(text({ nonEmpty: true }));
}

/**
 * One entry of `maintenance:`: a one-off window (`start`, `end`) or a recurring one (`every` +
 * `at`, or `cron`; `duration`; `timezone`, default UTC), for `monitors`, `groups`, or (neither)
 * every monitor. Which monitors and groups exist is checked against the whole config afterwards.
 *
 * @param options How the input is written.
 * @returns The schema; its output lacks the default `name` (the list fills it).
 */
export function maintenanceEntrySchema({ style, unitlessAs }: { style: KeyStyle; unitlessAs: 's' | 'ms' }) {
  return struct(
    {
      name: text({ nonEmpty: true }).optional(),
      monitors: names().optional(),
      groups: names().optional(),
      start: instant().optional(),
      end: instant().optional(),
      every: weekdays().optional(),
      at: timeOfDay().optional(),
      cron: cronPattern().optional(),
      duration: duration(unitlessAs).optional(),
      timezone: timeZone().optional(),
    },
    style,
  ).transform((entry, context): UnnamedMaintenance => {
    const problem = (key: string, message: string, atKey = true) =>
      context.issues.push({ code: 'custom', message, input: undefined, path: key === '' ? [] : [key], params: { atKey } });
    const scope = { ...(entry.name === undefined ? {} : { name: entry.name }), monitors: entry.monitors ?? [], groups: entry.groups ?? [] };
    const recurringKeys = (['every', 'at', 'cron', 'duration', 'timezone'] as const).filter((key) => entry[key] !== undefined);
    if (entry.start !== undefined || entry.end !== undefined) {
      for (const key of recurringKeys) problem(key, 'not for a one-off window (start/end); a recurring one has every/cron, at, duration');
      if (entry.start === undefined) problem('', 'missing required key start (a one-off window has start and end)');
      else if (entry.end === undefined) problem('', 'missing required key end (a one-off window has start and end)');
      else if (entry.end <= entry.start) problem('end', 'must be after start', false);
      return { kind: 'once', ...scope, startMs: entry.start ?? 0, endMs: entry.end ?? 0 };
    }
    if (entry.every === undefined && entry.cron === undefined) {
      problem('', 'expected start and end (a one-off window) or every/cron with duration (a recurring one)');
    } else if (entry.every !== undefined && entry.cron !== undefined) {
      problem('cron', 'either every (with at) or cron, not both');
    } else if (entry.every !== undefined && entry.at === undefined) {
      problem('', 'missing required key at (every needs a start time such as "02:00")');
    } else if (entry.cron !== undefined && entry.at !== undefined) {
      problem('at', 'not with cron (the pattern says when it starts)');
    }
    if ((entry.every !== undefined || entry.cron !== undefined) && entry.duration === undefined) problem('', 'missing required key duration (how long each occurrence lasts, such as 1h)');
    const cron = entry.cron ?? `${entry.at?.[1] ?? 0} ${entry.at?.[0] ?? 0} * * ${(entry.every ?? []).join(',')}`;
    return { kind: 'recurring', ...scope, cron, timezone: entry.timezone ?? 'UTC', durationMs: entry.duration ?? 0 };
  });
}
