/**
 * rxmon's configuration: the YAML file (`loadConfig`, `parseConfig`), the library's monitor specs
 * (`resolveMonitorSpec`), durations, and the one error users meet (`ConfigError`, exit code 2).
 */
export { ConfigError, formatConfigErrorMessage, type ConfigErrorDetails } from './configError.js';
export { parseDuration, formatDuration, MAX_DURATION_MS } from './duration.js';
export { parseByteSize } from './byteSize.js';
export { loadConfig } from './loadConfig.js';
export { parseConfig, MAX_CONFIG_BYTES, CONFIG_DEFAULTS } from './parseConfig.js';
export { resolveMonitorSpec, type MonitorSpec } from './resolveMonitorSpec.js';
export { MONITOR_DEFAULTS } from './fillMonitorDefaults.js';
export { HTTP_METHODS } from './schema/monitorSchema.js';
export { LOG_LEVELS } from './schema/configSchema.js';
export { collectSecrets } from './collectSecrets.js';
export type {
  AlertSpec,
  AuthSpec,
  Config,
  Duration,
  ExpectSpec,
  IpFamily,
  LogLevel,
  ResolvedMonitorSpec,
  TlsSpec,
} from './types.js';
