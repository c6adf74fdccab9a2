import { z } from 'zod';
import { byteSize } from './byteSizeSchema.js';
import { caFile } from './caFileSchema.js';
import { duration } from './durationSchema.js';
import { expectSchema } from './expectSchema.js';
import { requestHeaders } from './headersSchema.js';
import { monitorName } from './monitorName.js';
import { authSchema, bodySchema } from './requestSchemas.js';
import { flag, oneOf, text, wholeNumber } from './scalars.js';
import { struct, type KeyStyle } from './struct.js';
import { httpUrl } from './urlSchema.js';
import { optionalSection, reject, valueSchema } from './valueSchema.js';

/** The methods a monitor may use. */
export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** How the input of a monitor schema is written. */
export interface SpecSchemaOptions {
  /** `snake_case` for YAML, `camelCase` for library specs. */
  readonly style: KeyStyle;
  /** What a bare number means in `timeout`, `check_every`, `retry_every`: seconds (YAML) or ms. */
  readonly unitlessAs: 's' | 'ms';
  /** Where a relative `tls.ca` starts: the config file's directory, or the working directory. */
  readonly baseDir: string;
}

/**
 * Every key a monitor may set except `url` and `name`, all optional: the single place the monitor
 * rules live. Values come out checked and converted (durations in ms, method upper-case, status
 * ranges), defaults not yet filled.
 *
 * @param options How the input is written.
 * @returns The zod shape.
 */
function monitorFields({ style, unitlessAs, baseDir }: SpecSchemaOptions) {
  return {
    method: oneOf(HTTP_METHODS).optional(),
    timeout: duration(unitlessAs).optional(),
    checkEvery: duration(unitlessAs).optional(),
    retryEvery: duration(unitlessAs).optional(),
    headers: optionalSection(requestHeaders()),
    body: bodySchema().optional(),
    auth: optionalSection(authSchema(style)),
    followRedirects: flag().optional(),
    maxRedirects: wholeNumber(0).optional(),
    tls: optionalSection(struct({ insecure: flag().optional(), ca: caFile(baseDir).optional() }, style)),
    ipFamily: oneOf(['auto', 'ipv4', 'ipv6'] as const).optional(),
    maxBodyBytes: byteSize().optional(),
    expect: optionalSection(expectSchema(style)),
    failureThreshold: wholeNumber(1).optional(),
    successThreshold: wholeNumber(1).optional(),
    group: text({ nonEmpty: true }).optional(),
    // Alert names; checked against `alerts:` once both are known (alertSelection.ts).
    alerts: optionalSection(z.array(text({ nonEmpty: true }))),
  };
}

/**
 * One monitor of the YAML file (`monitors.<name>`): `url` required, its name is its key.
 *
 * @param options How the input is written.
 * @returns The schema.
 */
export function yamlMonitorSchema(options: SpecSchemaOptions) {
  return struct({ url: httpUrl(), ...monitorFields(options) }, options.style);
}

/**
 * The `defaults:` block: any monitor key except `url`, which each monitor must set itself.
 *
 * @param options How the input is written.
 * @returns The schema.
 */
export function monitorDefaultsSchema(options: SpecSchemaOptions) {
  const noUrl = valueSchema(() => reject('a url cannot be a default: set it on each monitor'));
  const noHeartbeat = valueSchema(() => reject('a heartbeat cannot be a default: set it on each monitor'));
  return struct({ url: noUrl.optional(), heartbeat: noHeartbeat.optional(), ...monitorFields(options) }, options.style);
}

/**
 * A library `MonitorSpec`: `name` and `url` required, camelCase keys.
 *
 * @param options How the input is written.
 * @returns The schema.
 */
export function librarySpecSchema(options: SpecSchemaOptions) {
  return struct({ name: monitorName(), url: httpUrl(), ...monitorFields(options) }, options.style);
}

/** A monitor after checking, before defaults are filled (camelCase, durations in ms). */
export type CheckedMonitor = z.output<ReturnType<typeof yamlMonitorSchema>>;
