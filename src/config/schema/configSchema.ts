import { z } from 'zod';
import type { LogLevel } from '../types.js';
import { alertsSchema } from './alertSchema.js';
import { duration } from './durationSchema.js';
import { requestHeaders } from './headersSchema.js';
import { maintenanceEntrySchema } from './maintenanceSchema.js';
import { checkMonitorName } from './monitorName.js';
import { monitorDefaultsSchema, type SpecSchemaOptions } from './monitorSchema.js';
import { authSchema } from './requestSchemas.js';
import { flag, oneOf, text, wholeNumber } from './scalars.js';
import { storageSchema } from './storageSchema.js';
import { clusterSchema } from './clusterSchema.js';
import { struct } from './struct.js';
import { workersSchema } from './workersSchema.js';
import { MISSING_KEY, isPlainMap, optionalSection, wrongType } from './valueSchema.js';

/** The levels `log.level` accepts (any case: the original's `"INFO"` works). */
export const LOG_LEVELS: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

/**
 * `monitors:` as the top level sees it: a non-empty map from a valid name to a map. Each monitor's
 * own keys are checked afterwards, once `defaults:` is merged in.
 *
 * @returns The schema; its output is the raw map.
 */
function monitorsMap(): z.ZodType<Record<string, Record<string, unknown>>, unknown> {
  return z.unknown().transform((input, context) => {
    const problem = (message: string, path: string[] = [], atKey = false) =>
      context.issues.push({ code: 'custom', message, input: undefined, path, params: { atKey } });
    if (input === undefined) problem(`${MISSING_KEY} (a map of monitor name → monitor)`);
    else if (!isPlainMap(input)) problem(wrongType('a map of monitor name → monitor', input));
    else if (Object.keys(input).length === 0) problem('expected at least one monitor');
    else {
      for (const [name, monitor] of Object.entries(input)) {
        const checked = checkMonitorName(name);
        if (!checked.ok) problem(checked.problem, [name], true);
        else if (!isPlainMap(monitor)) problem(wrongType('a map with url:', monitor), [name]);
      }
    }
    return input as Record<string, Record<string, unknown>>;
  });
}

/**
 * The whole YAML file (snake_case keys), except each monitor's own keys (checked per monitor after
 * `defaults:` is merged). `log.format` is accepted and ignored: the original had it; rxmon writes
 * bunyan JSON lines.
 *
 * @param options How the input is written (`snake_case`, seconds, the file's directory).
 * @returns The schema.
 */
export function configSchema(options: SpecSchemaOptions) {
  const { style } = options;
  return struct(
    {
      log: optionalSection(struct({ level: oneOf(LOG_LEVELS).optional(), format: text().optional() }, style)),
      server: optionalSection(
        struct({ port: wholeNumber(0, 65535).optional(), host: text({ nonEmpty: true }).optional(), auth: optionalSection(authSchema(style)) }, style),
      ),
      // Who may see the status page when `server.auth` is set (the API always asks).
      statusPage: optionalSection(struct({ public: flag().optional() }, style)),
      maxConcurrentChecks: wholeNumber(1).optional(),
      // How many worker threads run the checks (`auto`: by monitor count and cores).
      workers: workersSchema().optional(),
      historySize: wholeNumber(1).optional(),
      defaults: optionalSection(monitorDefaultsSchema(options)),
      // Read and merged into monitors: before this schema runs (includeFiles.ts); listed for "did you mean".
      include: z.unknown().optional(),
      monitors: monitorsMap(),
      alerts: optionalSection(alertsSchema(options)),
      storage: optionalSection(storageSchema(options)),
      cluster: optionalSection(clusterSchema(options)),
      maintenance: optionalSection(z.array(maintenanceEntrySchema(options))),
    },
    style,
  );
}
