/**
 * Reads a process's CPU time and memory from /proc (Linux), from outside the process.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

let clockTicks;

/** Kernel clock ticks per second (`getconf CLK_TCK`, usually 100). */
function ticksPerSecond() {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/**
 * User + system CPU time the process has used so far, in ms (utime + stime of /proc/<pid>/stat,
 * 10 ms resolution at CLK_TCK 100).
 *
 * @param {number} pid The process.
 * @returns {number} CPU ms, or NaN when the process is gone.
 */
export function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which sits in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return ((utime + stime) * 1000) / ticksPerSecond();
  } catch {
    return NaN;
  }
}

/**
 * Resident memory of the process from /proc/<pid>/status.
 *
 * @param {number} pid The process.
 * @returns {{ rssMb: number, peakRssMb: number }} VmRSS and VmHWM in MB (NaN when gone).
 */
export function memory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: NaN, peakRssMb: NaN };
  }
}

/**
 * Open file descriptors of the process (entries of /proc/<pid>/fd).
 *
 * @param {number} pid The process (must be ours).
 * @returns {number} The count, or NaN.
 */
export function openFds(pid) {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return NaN;
  }
}

/**
 * The soft and hard limits on open files of this process (children inherit them).
 *
 * @returns {{ soft: string, hard: string }} From /proc/self/limits.
 */
export function fileLimit() {
  try {
    const limits = readFileSync('/proc/self/limits', 'utf8');
    const match = /^Max open files\s+(\S+)\s+(\S+)/m.exec(limits);
    return { soft: match?.[1] ?? '?', hard: match?.[2] ?? '?' };
  } catch {
    return { soft: '?', hard: '?' };
  }
}
