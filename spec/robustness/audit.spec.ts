import { execFile } from 'node:child_process';
import { ROOT } from '../support/daemon.js';

// Issue 7 §5: `npm audit --omit=dev` reports nothing high or critical. The audit needs the registry's
// advisory endpoint; when it cannot be reached (offline CI, a mirror without it) the test says so
// loudly and checks nothing rather than fail for a reason that is not rxmon's.

/** What `npm audit --json` prints: a report, or an error object when the endpoint failed. */
interface AuditJson {
  metadata?: { vulnerabilities?: Record<'info' | 'low' | 'moderate' | 'high' | 'critical' | 'total', number> };
  vulnerabilities?: Record<string, { name: string; severity: string; via: unknown[] }>;
  message?: string;
  error?: unknown;
}

/** Runs `npm audit --omit=dev --json` in the repository; resolves with its output whatever its exit code. */
function npmAudit(): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npm', ['audit', '--omit=dev', '--json'], { cwd: ROOT, timeout: 90_000, maxBuffer: 64 * 1024 * 1024 }, (_error, stdout, stderr) =>
      resolve({ stdout: String(stdout), stderr: String(stderr) }),
    );
  });
}

describe('npm audit --omit=dev', () => {
  it('reports nothing high or critical in the runtime dependencies', async () => {
    const { stdout, stderr } = await npmAudit();
    let report: AuditJson | undefined;
    try {
      report = JSON.parse(stdout) as AuditJson;
    } catch {
      report = undefined;
    }
    const counts = report?.metadata?.vulnerabilities;
    if (counts === undefined) {
      const why = report?.message ?? (stderr.trim().split('\n').at(-1) || 'no JSON report');
      console.warn(`SKIPPED: npm audit could not reach the registry's audit endpoint (${why}); nothing was checked`);
      return;
    }
    const serious = Object.values(report?.vulnerabilities ?? {})
      .filter(({ severity }) => severity === 'high' || severity === 'critical')
      .map(({ name, severity }) => `${name} (${severity})`);
    console.info(`npm audit --omit=dev: ${JSON.stringify(counts)}`);
    expect(serious).toEqual([]);
    expect(counts.high + counts.critical).toBe(0);
  }, 120_000);
});
