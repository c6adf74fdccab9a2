import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import { alertSelectionProblems } from './alertSelection.js';
import { collectSecrets } from './collectSecrets.js';
import { ConfigError, type KeyProblem } from './configError.js';
import { decodeUtf8 } from './decodeUtf8.js';
import { deepFreeze } from './deepFreeze.js';
import { fillMonitorDefaults } from './fillMonitorDefaults.js';
import { fillHeartbeatDefaults } from './fillHeartbeatDefaults.js';
import { heartbeatMonitorSchema } from './schema/heartbeatSchema.js';
import { interpolateEnvTree } from './interpolateEnvTree.js';
import { MAX_CONFIG_BYTES, fileTooLarge } from './configFileLimit.js';
import { includeFiles } from './includeFiles.js';
import { formatKeyPath } from './keyPath.js';
import { mergeMonitorDefaults } from './mergeMonitorDefaults.js';
import { readConfigYaml } from './readYamlFast.js';
import { SpecParts } from './specParts.js';
import { resolveMaintenance } from './resolveMaintenance.js';
import { configSchema } from './schema/configSchema.js';
import { describeIssue, keyProblems } from './schema/describeIssue.js';
import { yamlMonitorSchema, type SpecSchemaOptions } from './schema/monitorSchema.js';
import { styledKey } from './schema/struct.js';
import { describeType, isPlainMap } from './schema/valueSchema.js';
import { DEFAULT_RETENTION } from '../storage/retention.js';
import type { AlertSpec, Config, ResolvedMonitorSpec, StorageSpec } from './types.js';
import type { YamlLocator } from './yamlLocator.js';

export { MAX_CONFIG_BYTES, fileTooLarge } from './configFileLimit.js';

/** Defaults of the top-level keys. */
export const CONFIG_DEFAULTS = {
  logLevel: 'info',
  serverHost: '127.0.0.1',
  maxConcurrentChecks: 512,
  workers: 'auto',
  historySize: 120,
  storagePath: 'data/rxmon.sqlite',
  flushEvery: 1_000,
  bufferSize: 100_000,
  pruneEvery: 600_000,
  clusterSlots: 256,
  clusterHeartbeatEvery: 1_000,
  clusterFenceAfter: 3_000,
} as const;

/**
 * Parses, interpolates and validates a config file's contents into the resolved, deep-frozen
 * {@link Config}. Pure apart from reading the files `include:` names and checking that `tls.ca`
 * files are readable.
 *
 * Steps: bytes must be UTF-8 (at most 64 MiB) → YAML (unique keys, alias bomb refused; a file of
 * 256 KiB or more is first read with js-yaml, see `readYamlFast`) → the top
 * level must be a map → the files named by `include:` read, their monitors merged in (see
 * `includeFiles`) → `${ENV}` in every string value (`$${` for a literal `${`) → the top level
 * and `defaults:` validated → each monitor merged over `defaults:` and validated → defaults filled
 * and the timing rule applied (a timeout over `check_every` is an error). The first problem in the
 * file (by line) becomes a {@link ConfigError}: `bad.yml:5: monitors.broken.timeout: expected a
 * positive duration`.
 *
 * @param input The file's contents (bytes are decoded strictly as UTF-8).
 * @param file The file name as the user gave it: used in messages as is, and resolved for
 *   `Config.file` and relative `tls.ca` paths.
 * @param env Where `${NAME}` values come from.
 * @param options `fastYaml: false` reads every file the exact way (what the fast way is tested against).
 * @returns The resolved config; `secrets` lists every value to keep out of logs.
 * @throws {ConfigError} On any problem; the CLI exits 2.
 */
export function parseConfig(input: string | Uint8Array, file: string, env: NodeJS.ProcessEnv = process.env, { fastYaml = true }: { fastYaml?: boolean } = {}): Config {
  const fail = (problem: string, line?: number, key?: string): never => {
    throw new ConfigError({ file, line, key: key || undefined, problem });
  };

  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
  if (size > MAX_CONFIG_BYTES) fail(fileTooLarge(size));
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    const decoded = decodeUtf8(input);
    if (!decoded.ok) return fail(decoded.problem, decoded.badByte?.line);
    text = decoded.value;
  }

  const empty = 'the file is empty; expected a map with monitors:';
  if (text.trim() === '') fail(empty);
  // Large files (this one or an included one) are read fast first; a problem found then is found
  // again the exact way, which places it. Small files are read the exact way at once.
  if (!fastYaml) return resolveConfig(text, file, env, false);
  try {
    return resolveConfig(text, file, env, true);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return resolveConfig(text, file, env, false);
  }
}

/**
 * {@link parseConfig} from the decoded text on: YAML, includes, interpolation, validation.
 *
 * @param fast Read the YAML with js-yaml where it can (`readConfigYaml`): problems are then found
 *   but not placed, so the caller reads again without it to report them.
 */
function resolveConfig(text: string, file: string, env: NodeJS.ProcessEnv, fast: boolean): Config {
  const fail = (problem: string, line?: number, key?: string): never => {
    throw new ConfigError({ file, line, key: key || undefined, problem });
  };
  const empty = 'the file is empty; expected a map with monitors:';
  const yaml = readConfigYaml(text, fast);
  if (!yaml.ok) {
    const { line, path, problem } = yaml.problem;
    return fail(problem, line, path === undefined ? undefined : formatKeyPath(path));
  }
  const { data, locator } = yaml;
  if (data === null || data === undefined) fail(empty);
  if (!isPlainMap(data)) fail(`expected a map with monitors: at the top level, got ${describeType(data)}`, locator.lineOf([]));

  // include: merges other files' monitors in; a problem in one of them names that file and line.
  const included = includeFiles(data as Record<string, unknown>, file, locator, fast);
  const interpolated = interpolateEnvTree(included.data, env);
  const raise = (problem: KeyProblem, secrets: readonly string[]): never => {
    const where = included.locate(problem.path, problem.atKey);
    const key = formatKeyPath(problem.path) || undefined;
    throw new ConfigError({ file: where.file, line: where.line, key, problem: masked(problem.problem, secrets) });
  };
  if (!interpolated.ok) return raise(interpolated.problem, []);
  const tree = interpolated.tree.value as Record<string, unknown>;
  const { substituted } = interpolated.tree;

  const options: SpecSchemaOptions = { style: 'snake_case', unitlessAs: 's', baseDir: dirname(resolve(file)) };
  const top = configSchema(options).safeParse(tree, { error: describeIssue });
  const topProblems = top.success ? [] : keyProblems(top.error);
  // Monitors are checked merged over defaults:, so only once defaults: and the monitors map are sound.
  const monitorsCheckable = !topProblems.some(({ path }) => path[0] === 'defaults' || (path[0] === 'monitors' && path.length <= 2));
  const monitors = monitorsCheckable ? resolveMonitors(tree, options) : { specs: [], problems: [] };
  const selections = top.success ? alertSelectionProblems(tree, monitors.specs, top.data.alerts ?? []) : [];
  // Which monitors and groups a maintenance window names is checked once the monitors are known.
  const maintenance = top.success ? resolveMaintenance(top.data.maintenance ?? [], monitors.specs) : { specs: [], problems: [] };
  const problems = [
    ...topProblems,
    ...monitors.problems,
    ...selections,
    ...maintenance.problems,
    ...(top.success ? heartbeatsWithoutServer(monitors.specs, top.data.server?.port) : []),
  ];
  if (problems.length > 0 || !top.success) return raise(firstInFile(problems, { lineOf: included.position }), substituted);

  const config = { ...assembleConfig(top.data, monitors.specs, substituted, resolve(file)), maintenance: maintenance.specs };
  const clusterProblem = clusterRule(config);
  if (clusterProblem) return raise(clusterProblem, substituted);
  return deepFreeze(included.watched.length > 0 ? { ...config, includes: included.watched } : config);
}

/**
 * The resolved config from its validated parts, top-level defaults filled.
 *
 * @param top The validated top level.
 * @param monitors The resolved monitors, in file order.
 * @param substituted The `${ENV}` values used.
 * @param file The config file's absolute path.
 * @returns The config (not yet frozen).
 */
function assembleConfig(
  top: z.output<ReturnType<typeof configSchema>>,
  monitors: ResolvedMonitorSpec[],
  substituted: readonly string[],
  file: string,
): Omit<Config, 'maintenance'> {
  const alerts: AlertSpec[] = [...(top.alerts ?? [])];
  const { log, server } = top;
  const stored = top.storage;
  const type = stored?.type ?? 'memory';
  const storage: StorageSpec = {
    type,
    ...(type === 'sqlite' ? { path: stored?.path ?? CONFIG_DEFAULTS.storagePath } : {}),
    ...(stored?.url === undefined ? {} : { url: stored.url }),
    flushEvery: stored?.flushEvery ?? CONFIG_DEFAULTS.flushEvery,
    bufferSize: stored?.bufferSize ?? CONFIG_DEFAULTS.bufferSize,
    pruneEvery: stored?.pruneEvery ?? CONFIG_DEFAULTS.pruneEvery,
    retention: { ...DEFAULT_RETENTION, ...stored?.retention },
  };
  return {
    file,
    log: { level: log?.level ?? CONFIG_DEFAULTS.logLevel },
    monitors,
    ...(server?.port === undefined
      ? {}
      : { server: { port: server.port, host: server.host ?? CONFIG_DEFAULTS.serverHost, ...(server.auth === undefined ? {} : { auth: server.auth }) } }),
    statusPage: { public: top.statusPage?.public ?? false },
    maxConcurrentChecks: top.maxConcurrentChecks ?? CONFIG_DEFAULTS.maxConcurrentChecks,
    workers: top.workers ?? CONFIG_DEFAULTS.workers,
    alerts,
    historySize: top.historySize ?? CONFIG_DEFAULTS.historySize,
    storage,
    cluster: {
      enabled: top.cluster?.enabled ?? false,
      ...(top.cluster?.instance === undefined ? {} : { instance: top.cluster.instance }),
      slots: top.cluster?.slots ?? CONFIG_DEFAULTS.clusterSlots,
      heartbeatEvery: top.cluster?.heartbeatEvery ?? CONFIG_DEFAULTS.clusterHeartbeatEvery,
      fenceAfter: top.cluster?.fenceAfter ?? CONFIG_DEFAULTS.clusterFenceAfter,
    },
    secrets: collectSecrets(substituted, monitors, alerts, storage.url, server?.auth),
  };
}

/**
 * The rules of `cluster:` that span sections: PostgreSQL is the coordinator, and a heartbeat must
 * come well inside the fencing bound.
 *
 * @param config The assembled config.
 * @returns The problem, if any.
 */
function clusterRule({ cluster, storage }: Config): KeyProblem | undefined {
  if (!cluster.enabled) return undefined;
  if (storage.type !== 'postgres') {
    return { path: ['cluster', 'enabled'], atKey: true, problem: `needs storage.type: postgres (the instances coordinate through PostgreSQL), got ${storage.type}` };
  }
  if (cluster.fenceAfter < 2 * cluster.heartbeatEvery) {
    return { path: ['cluster', 'fence_after'], atKey: true, problem: 'must be at least twice heartbeat_every' };
  }
  return undefined;
}

/**
 * Validates each monitor merged over `defaults:` and fills its defaults, in file order.
 *
 * @param tree The interpolated document (`defaults:` and the monitors map already sound).
 * @param options Schema options.
 * @returns The resolved monitors and the problems found.
 */
function resolveMonitors(
  tree: Record<string, unknown>,
  options: SpecSchemaOptions,
): { specs: ResolvedMonitorSpec[]; problems: KeyProblem[] } {
  const defaults = isPlainMap(tree.defaults) ? tree.defaults : {};
  const schema = yamlMonitorSchema(options);
  const heartbeatSchema = heartbeatMonitorSchema(options);
  const specs: ResolvedMonitorSpec[] = [];
  const problems: KeyProblem[] = [];
  // Monitors that set alike headers, expectations, TLS options, … share one object for them.
  const parts = new SpecParts();
  for (const [name, own] of Object.entries(tree.monitors as Record<string, Record<string, unknown>>)) {
    if ('heartbeat' in own) {
      // A heartbeat monitor takes only `group` from defaults: (the rest is about checking a URL).
      const pinged = heartbeatSchema.safeParse({ ...(defaults.group === undefined ? {} : { group: defaults.group }), ...own }, { error: describeIssue });
      if (pinged.success) specs.push(parts.spec(fillHeartbeatDefaults(name, pinged.data)));
      else problems.push(...keyProblems(pinged.error, ['monitors', name]));
      continue;
    }
    const checked = schema.safeParse(mergeMonitorDefaults(defaults, own), { error: describeIssue });
    if (!checked.success) {
      problems.push(...keyProblems(checked.error, ['monitors', name]));
      continue;
    }
    const resolved = fillMonitorDefaults(name, checked.data, 'snake_case');
    if (resolved.ok) {
      specs.push(parts.spec(resolved.spec));
      continue;
    }
    // Point at the first of the conflicting keys the monitor sets itself, else the one in defaults:.
    const keys = resolved.conflict.keys.map((key) => styledKey(key, 'snake_case'));
    const ownKey = keys.find((key) => key in own);
    const path = ownKey !== undefined ? ['monitors', name, ownKey] : ['defaults', keys.find((key) => key in defaults) ?? keys[0]];
    problems.push({ path, problem: resolved.conflict.problem });
  }
  return { specs, problems };
}

/**
 * A heartbeat monitor is pinged on the listener: without `server.port` there is none.
 *
 * @param specs The resolved monitors.
 * @param port `server.port`, when set.
 * @returns One problem per heartbeat monitor, at its `heartbeat` key, when there is no listener.
 */
function heartbeatsWithoutServer(specs: readonly ResolvedMonitorSpec[], port: number | undefined): KeyProblem[] {
  if (port !== undefined) return [];
  return specs
    .filter((spec) => spec.heartbeat !== undefined)
    .map((spec) => ({ path: ['monitors', spec.name, 'heartbeat'], problem: 'a heartbeat monitor needs the listener (set server.port): jobs ping /ping/<name>/<token> on it', atKey: true }));
}

/**
 * The problem that comes first in the file: by line; on the same line a wrong key (unknown, badly
 * named) before the rest, since a missing key is placed on its parent's line; then in order found.
 *
 * @param problems At least one problem.
 * @param locator Lines of the document.
 * @returns The first one.
 */
function firstInFile(problems: readonly KeyProblem[], locator: Pick<YamlLocator, 'lineOf'>): KeyProblem {
  const rank = (problem: KeyProblem) => (locator.lineOf(problem.path, problem.atKey) ?? Infinity) * 2 + (problem.atKey ? 0 : 1);
  return problems.reduce((first, problem) => (rank(problem) < rank(first) ? problem : first));
}

/**
 * Belt and braces: masks any secret of 4+ characters that found its way into a problem text.
 *
 * @param problem A problem text.
 * @param secrets Values never to print.
 * @returns The text, masked.
 */
function masked(problem: string, secrets: readonly string[]): string {
  return secrets.filter((secret) => secret.length >= 4).reduce((text, secret) => text.split(secret).join('***'), problem);
}
