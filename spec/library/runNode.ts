import { spawn } from 'node:child_process';

/** What a finished child process printed and how it ended. */
export interface NodeRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node <args>` in `cwd` (without the test runner's NODE_OPTIONS) and collects its output;
 * kills it if it has not ended after `killAfterMs`, which then shows as a `null` code.
 *
 * @param args Node's arguments: a script and its own arguments.
 * @param cwd Where to run it.
 * @param killAfterMs How long it may take.
 * @returns Its exit code and output.
 */
export function runNode(args: string[], cwd: string, killAfterMs = 15_000): Promise<NodeRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, NODE_OPTIONS: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const killer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    });
  });
}
