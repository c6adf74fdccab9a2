/**
 * The benchmark's command line.
 */
import { parseArgs } from 'node:util';

/** Cases of the default run, in order. */
export const DEFAULT_CASES = ['saturation', 'scale', 'fleet', 'accuracy', 'startup', 'storage', 'page'];

/** `--help` text. */
export const USAGE = `Usage: npm run bench -- [options]

  --only=<cases>     comma-separated: ${DEFAULT_CASES.join(', ')}, soak (default: all but soak)
  --soak[=minutes]   the soak case (monitors over every fault kind; default 10 min); alone unless --only names others
  --duration=<x>     scale every measurement window by x (0.25 for a quick try; scale keeps ≥ one 10 s interval)
  --profile[=dir]    also run rxmon's saturation case under node --cpu-prof and summarise the profile
                     (default dir /tmp/rxmon-prof)
  -h, --help         this text

Writes bench/results.json. Everything runs on 127.0.0.1.`;

/**
 * Parses the arguments.
 *
 * @param {string[]} argv Arguments after the script.
 * @returns {{ cases: string[], soakMinutes: number, scale: number, profileDir?: string, help: boolean }}
 * @throws {Error} On an unknown case or a bad number.
 */
export function parseBenchArgs(argv) {
  // --soak and --profile take an optional value, which parseArgs cannot express: split them first.
  let soakMinutes;
  let profileDir;
  const rest = [];
  for (const arg of argv) {
    if (arg === '--soak') soakMinutes = 10;
    else if (arg.startsWith('--soak=')) soakMinutes = Number(arg.slice(7));
    else if (arg === '--profile') profileDir = '/tmp/rxmon-prof';
    else if (arg.startsWith('--profile=')) profileDir = arg.slice(10);
    else rest.push(arg);
  }
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: { only: { type: 'string' }, duration: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (soakMinutes !== undefined && !(soakMinutes > 0)) throw new Error('--soak: expected a positive number of minutes');
  const scale = values.duration === undefined ? 1 : Number(values.duration);
  if (!(scale > 0)) throw new Error('--duration: expected a positive factor such as 0.25');
  let cases = values.only ? values.only.split(',').map((c) => c.trim()).filter(Boolean) : soakMinutes ? [] : [...DEFAULT_CASES];
  for (const name of cases) {
    if (![...DEFAULT_CASES, 'soak'].includes(name)) throw new Error(`--only: unknown case "${name}" (${DEFAULT_CASES.join(', ')}, soak)`);
  }
  if (soakMinutes !== undefined && !cases.includes('soak')) cases.push('soak');
  if (cases.includes('soak') && soakMinutes === undefined) soakMinutes = 10;
  return { cases, soakMinutes: soakMinutes ?? 0, scale, profileDir, help: Boolean(values.help) };
}
