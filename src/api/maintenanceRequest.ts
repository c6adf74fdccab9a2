import { parseDuration } from '../config/duration.js';
import type { MaintenanceTarget } from '../storage/store.js';

/** The longest ad hoc window accepted: 30 days. */
export const MAX_AD_HOC_MS = 30 * 86_400_000;

/** The longest `reason` kept, characters. */
export const MAX_REASON_LENGTH = 500;

/** What a start asks for, checked. */
export interface MaintenanceRequest {
  target: MaintenanceTarget;
  /** How long, ms. */
  forMs: number;
  reason?: string;
}

/** A checked request, or why not (the status to answer and one line naming the field). */
export type ParsedMaintenanceRequest = { ok: true; request: MaintenanceRequest } | { ok: false; status: 400 | 404; problem: string };

/** The monitors and groups a request may name. */
export interface KnownNames {
  monitors: readonly string[];
  groups: readonly string[];
}

/**
 * Which monitor or group a start or stop names: exactly one of them, configured.
 *
 * @param monitor The `monitor` given, if any.
 * @param group The `group` given, if any.
 * @param known The configured monitors and groups.
 * @returns The target, or the problem.
 */
export function parseTarget(monitor: unknown, group: unknown, known: KnownNames): { ok: true; target: MaintenanceTarget } | { ok: false; status: 400 | 404; problem: string } {
  if ((monitor === undefined) === (group === undefined)) return { ok: false, status: 400, problem: 'monitor or group: give exactly one of them' };
  if (monitor !== undefined) {
    if (typeof monitor !== 'string' || monitor === '') return { ok: false, status: 400, problem: 'monitor: expected a monitor name' };
    if (!known.monitors.includes(monitor)) return { ok: false, status: 404, problem: `monitor: unknown monitor "${monitor}"` };
    return { ok: true, target: { monitor } };
  }
  if (typeof group !== 'string' || group === '') return { ok: false, status: 400, problem: 'group: expected a group name' };
  if (!known.groups.includes(group)) return { ok: false, status: 404, problem: `group: unknown group "${group}" (no monitor has it)` };
  return { ok: true, target: { group } };
}

/**
 * Checks the body of `POST /api/v1/maintenance` (and the CLI's flags, the same rules):
 * `{ "monitor": "api" | "group": "payments", "for": "30m", "reason"?: "deploy 1.2" }`. A pure calculation.
 *
 * @param body The parsed JSON body.
 * @param known The configured monitors and groups.
 * @returns The request, or the status and problem to answer.
 */
export function parseMaintenanceRequest(body: unknown, known: KnownNames): ParsedMaintenanceRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, status: 400, problem: 'expected a JSON object with monitor or group, and for' };
  const fields = body as Record<string, unknown>;
  const unknownField = Object.keys(fields).find((key) => !['monitor', 'group', 'for', 'reason'].includes(key));
  if (unknownField !== undefined) return { ok: false, status: 400, problem: `${unknownField}: unknown field (expected monitor, group, for, reason)` };
  const target = parseTarget(fields.monitor, fields.group, known);
  if (!target.ok) return target;
  const forMs = fields.for === undefined ? undefined : parseDuration(fields.for, 's');
  if (forMs === undefined) return { ok: false, status: 400, problem: 'for: expected a duration such as "30m" or "2h"' };
  if (forMs > MAX_AD_HOC_MS) return { ok: false, status: 400, problem: 'for: expected at most 30d' };
  if (fields.reason !== undefined && (typeof fields.reason !== 'string' || fields.reason.length > MAX_REASON_LENGTH)) {
    return { ok: false, status: 400, problem: `reason: expected a text of at most ${MAX_REASON_LENGTH} characters` };
  }
  return { ok: true, request: { target: target.target, forMs, ...(fields.reason === undefined || fields.reason === '' ? {} : { reason: fields.reason as string }) } };
}
