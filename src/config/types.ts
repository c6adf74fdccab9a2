import type { Retention } from '../storage/store.js';

/**
 * The resolved configuration: validated, defaults filled, durations in milliseconds, frozen.
 * The YAML keeps the original's snake_case keys; this is the camelCase form the code and the library use.
 */

/** A duration: a number of milliseconds, or a string such as `'500ms'`, `'2s'`, `'1m'`, `'1h'`. */
export type Duration = number | string;

/** Log levels accepted by `log.level` (case-insensitive in YAML). */
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** Credentials sent with each request. */
export type AuthSpec = { username: string; password: string } | { bearer: string };

/** Which IP family to connect over. `auto` tries what DNS returns (works on IPv4-only hosts). */
export type IpFamily = 'auto' | 'ipv4' | 'ipv6';

/** TLS options of a monitor. */
export interface TlsSpec {
  /** Accept any certificate (self-signed, wrong host). Default false. */
  insecure: boolean;
  /** Absolute path of a PEM CA bundle to trust in addition to the system's. */
  ca?: string;
}

/** What makes a check `ok`. Resolved form. */
export interface ExpectSpec {
  /** Accepted status ranges, inclusive: `[[200, 200], [300, 399]]`. Default `[[200, 399]]`. */
  status: ReadonlyArray<readonly [number, number]>;
  /** Regex source the body must match. */
  bodyMatches?: string;
  /** Regex source the body must not match. */
  bodyNotMatches?: string;
  /** Dot path → expected value in the JSON body (`{ 'checks.db': 'ok' }`). */
  json?: Readonly<Record<string, unknown>>;
  /** Header name (lower case) → regex source its value must match. */
  headers?: Readonly<Record<string, string>>;
  /** Maximum `durationMs`. */
  maxResponseTime?: number;
  /** For https: minimum days before the leaf certificate expires. */
  certExpiresInDaysMin?: number;
}

/**
 * What a heartbeat monitor expects (`heartbeat:` instead of `url:`): a job that pings
 * `/ping/<name>/<token>` on the listener at least every `expectEvery`. Resolved form, ms.
 */
export interface HeartbeatSpec {
  /** The job's period: a ping is due this long after the previous one. */
  expectEvery: number;
  /** Extra time past `expectEvery` before a missing ping counts as missed. Default 1 min. */
  grace: number;
  /** The secret in the ping path (compared in constant time; masked in every output). */
  token: string;
}

/** One monitor, resolved: every default filled, durations in ms. */
export interface ResolvedMonitorSpec {
  /** The monitor's name: its key under `monitors:`. */
  name: string;
  url: string;
  /** Upper-case HTTP method. Default GET. */
  method: string;
  /** Per-check timeout, ms. */
  timeout: number;
  /** Fixed rate, start to start, ms. */
  checkEvery: number;
  /** While failing, check at this rate instead (ms). Absent: always `checkEvery`. */
  retryEvery?: number;
  /** Request headers (values already `${ENV}`-interpolated). */
  headers: Readonly<Record<string, string>>;
  /** Request body: a string, or an object sent as JSON. */
  body?: string | Readonly<Record<string, unknown>>;
  auth?: AuthSpec;
  followRedirects: boolean;
  maxRedirects: number;
  tls: TlsSpec;
  ipFamily: IpFamily;
  /** Stop reading and fail with BODY_TOO_LARGE beyond this many body bytes. Default 1 MiB. */
  maxBodyBytes: number;
  expect: ExpectSpec;
  /** Consecutive failures before the monitor is `down`. Default 3. */
  failureThreshold: number;
  /** Consecutive successes before the monitor is `up` again. Default 2. */
  successThreshold: number;
  /** Where the status page and the API file the monitor (`group: payments`). Absent: ungrouped. */
  group?: string;
  /**
   * Present on a heartbeat monitor, which is pinged instead of checked: then `url` is its masked
   * ping path (`/ping/<name>/***`), `method` is `HEARTBEAT`, `checkEvery` is `expectEvery`,
   * `timeout` is `grace`, and the HTTP-only keys hold inert values that nothing reads.
   */
  heartbeat?: HeartbeatSpec;
  /** `alerts: [oncall, chat]`: the alerts (by name) this monitor sends to. Absent: all of them. */
  alerts?: readonly string[];
}

/** The kinds of alert `alerts[].type` names; `webhook` is the default. */
export type AlertType = 'webhook' | 'slack' | 'discord' | 'teams' | 'telegram' | 'pagerduty' | 'opsgenie' | 'ntfy' | 'gotify' | 'email';

/** What every alert has, whatever its type. */
export interface AlertCommon {
  /** Unique among alerts; monitors pick alerts by it. Default `<type>-<n>` (`webhook-1`, `slack-2`: n-th of its type). */
  name: string;
  type: AlertType;
  sendOnResolved: boolean;
  /** Repeat while still down, ms. Absent: never. */
  reminderEvery?: number;
  /** Consecutive failed checks before this alert fires, instead of the monitor's `failure_threshold`. */
  failureThreshold?: number;
}

/** `type: webhook` (the default): a templated POST to any URL. */
export interface WebhookAlertSpec extends AlertCommon {
  type: 'webhook';
  webhook: string;
  headers: Readonly<Record<string, string>>;
  /** Body template with `{{monitor}}`, `{{state}}`, `{{error}}`, … Absent: Slack-compatible `{text}`. */
  body?: string;
}

/** `type: slack`: an incoming-webhook URL (a secret: it holds the token). */
export interface SlackAlertSpec extends AlertCommon {
  type: 'slack';
  webhook: string;
}

/** `type: discord`: a channel webhook URL (a secret: it holds the token). */
export interface DiscordAlertSpec extends AlertCommon {
  type: 'discord';
  webhook: string;
}

/** `type: teams`: an incoming-webhook (or Workflows) URL (a secret: it holds the signature). */
export interface TeamsAlertSpec extends AlertCommon {
  type: 'teams';
  webhook: string;
}

/** `type: telegram`: a bot's `sendMessage`. */
export interface TelegramAlertSpec extends AlertCommon {
  type: 'telegram';
  botToken: string;
  chatId: string;
  /** Default `https://api.telegram.org`. */
  apiUrl: string;
}

/** `type: pagerduty`: Events API v2. */
export interface PagerDutyAlertSpec extends AlertCommon {
  type: 'pagerduty';
  routingKey: string;
  /** Default `https://events.pagerduty.com/v2/enqueue`. */
  url: string;
  severity: 'critical' | 'error' | 'warning' | 'info';
}

/** `type: opsgenie`: Alert API v2, create and close by alias. */
export interface OpsgenieAlertSpec extends AlertCommon {
  type: 'opsgenie';
  apiKey: string;
  /** Default `https://api.opsgenie.com` (EU: `https://api.eu.opsgenie.com`). */
  apiUrl: string;
  /** `P1` … `P5`. Absent: Opsgenie's default (P3). */
  priority?: 'P1' | 'P2' | 'P3' | 'P4' | 'P5';
}

/** `type: ntfy`: publish to a topic. */
export interface NtfyAlertSpec extends AlertCommon {
  type: 'ntfy';
  /** Default `https://ntfy.sh`. */
  url: string;
  topic: string;
  /** Access token (`Authorization: Bearer`). */
  token?: string;
  /** 1 (min) … 5 (max); default 4 for down, 3 for up. */
  priority?: number;
}

/** `type: gotify`: push to a self-hosted Gotify. */
export interface GotifyAlertSpec extends AlertCommon {
  type: 'gotify';
  url: string;
  /** The application token (`X-Gotify-Key`). */
  token: string;
  /** 0 … 10. Default 8. */
  priority: number;
}

/** `type: email`: SMTP through nodemailer. */
export interface EmailAlertSpec extends AlertCommon {
  type: 'email';
  host: string;
  /** Default 587. */
  port: number;
  /** `true`: TLS from the first byte (port 465). Default false: STARTTLS, which is then required. */
  secure: boolean;
  username?: string;
  password?: string;
  from: string;
  to: readonly string[];
}

/** One entry of `alerts:`, resolved. */
export type AlertSpec =
  | WebhookAlertSpec
  | SlackAlertSpec
  | DiscordAlertSpec
  | TeamsAlertSpec
  | TelegramAlertSpec
  | PagerDutyAlertSpec
  | OpsgenieAlertSpec
  | NtfyAlertSpec
  | GotifyAlertSpec
  | EmailAlertSpec;
/** Which monitors a maintenance window covers: both lists empty means every monitor. */
export interface MaintenanceScope {
  /** Monitor names (each configured). */
  monitors: readonly string[];
  /** Group names (each some monitor's `group`). */
  groups: readonly string[];
}

/** A one-off window of `maintenance:`, resolved: `start` to `end`. */
export interface OneOffMaintenanceSpec extends MaintenanceScope {
  kind: 'once';
  /** The window's `name` (default `maintenance-<n>`, its place in the list). */
  name: string;
  /** Start, ms since the epoch (inclusive). */
  startMs: number;
  /** End, ms since the epoch (exclusive; after `startMs`). */
  endMs: number;
  /** Why (ad hoc windows; absent in the config). */
  reason?: string;
}

/** A recurring window of `maintenance:`, resolved: a cron pattern in a time zone, and how long each lasts. */
export interface RecurringMaintenanceSpec extends MaintenanceScope {
  kind: 'recurring';
  name: string;
  /** Five-field cron pattern of the starts (`every: [mon] + at: "02:00"` becomes `0 2 * * 1`). */
  cron: string;
  /** IANA time zone the pattern is read in. Default `UTC`. */
  timezone: string;
  /** How long each occurrence lasts, ms of elapsed time (a DST change does not stretch it). */
  durationMs: number;
}

/** One window of `maintenance:`, resolved. */
export type MaintenanceSpec = OneOffMaintenanceSpec | RecurringMaintenanceSpec;

/** Where history is kept (`storage:`), resolved. */
export interface StorageSpec {
  /** `memory` (the default: nothing survives a restart), `sqlite` or `postgres`. */
  type: 'memory' | 'sqlite' | 'postgres';
  /** `sqlite`: the database file, as written (relative to the working directory). */
  path?: string;
  /** `postgres`: the connection URL (its password is a secret). */
  url?: string;
  /** Results are written in batches this often, ms. Default 1 s. */
  flushEvery: number;
  /** At most this many results wait for the store (when it is down); beyond, the oldest are dropped. */
  bufferSize: number;
  /** Retention runs this often, ms. Default 10 min. */
  pruneEvery: number;
  /** How long each kind of row is kept, ms. */
  retention: Retention;
}

/** `cluster:`, resolved: several instances share the monitors through PostgreSQL (see `src/cluster`). */
export interface ClusterSpec {
  /** Share the monitors with the other instances on the same database and schema. Default false. */
  enabled: boolean;
  /** This instance's name in the cluster. Default: `<hostname>:<pid>`. */
  instance?: string;
  /** How many slots monitor names hash into (the unit of ownership). Default 256. */
  slots: number;
  /** How often the instance heartbeats and rebalances, ms. Default 1 s. */
  heartbeatEvery: number;
  /** Stop checking when no heartbeat succeeded for this long, ms; a new owner of a slot left unclean waits as long. Default 3 s. */
  fenceAfter: number;
}

/** The whole resolved configuration. */
export interface Config {
  /** Absolute path of the file it came from, when it came from a file. */
  file?: string;
  /** Absolute paths of the files and directories its `include:` names (reload watches them too). */
  includes?: readonly string[];
  log: { level: LogLevel };
  /** In file order. Names are unique. */
  monitors: readonly ResolvedMonitorSpec[];
  /** The HTTP listener (metrics, health, status page, API, badges). Absent: no listener. */
  server?: {
    port: number;
    host: string;
    /** `server.auth`: asked of every route but `/healthz`, the badges and (when public) the status page. Absent: no auth. */
    auth?: AuthSpec;
  };
  /** `status_page:`. `public`: the page is served without `server.auth` (default false). */
  statusPage: { public: boolean };
  /** At most this many checks in flight at once. */
  maxConcurrentChecks: number;
  /**
   * `workers:` — how many worker threads run the checks: `auto` (the default: none for a
   * small config, one per core for a large one; see `workerCount`) or a number (0: all on the main thread).
   */
  workers: 'auto' | number;
  alerts: readonly AlertSpec[];
  /** Ring size of the in-memory history per monitor (status page). */
  historySize: number;
  /** Where history is kept. */
  storage: StorageSpec;
  /** Several instances, one set of monitors. */
  cluster: ClusterSpec;
  /** `maintenance:` windows, in file order (ad hoc ones live in the store). */
  maintenance: readonly MaintenanceSpec[];
  /**
   * Values that must never be printed (logs, metrics, alerts, error messages): every `${ENV}`
   * substitution, `auth` passwords and bearer tokens, passwords in URLs, credential header values.
   * Distinct, longest first.
   */
  secrets: readonly string[];
}
