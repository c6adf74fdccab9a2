/**
 * A closed-loop HTTP load generator in its own process (forked with IPC): `concurrency` workers,
 * each sending the next GET as soon as the previous response's body has ended.
 *
 * Used two ways:
 * - the bare node:http loop: `keepAlive: false` → `agent: false`, a fresh connection per request, the
 *   machine's practical limit for what rxmon does per check;
 * - the blackbox_exporter driver: `keepAlive: true` to the exporter's /probe, `expect` set to
 *   `probe_success 1` so failed probes are counted apart.
 *
 * argv[2] is JSON: `{ url, concurrency, keepAlive, expect?, maxMs }`. It stops after `maxMs` at the
 * latest. IPC: `stats` → `{ completed, failed, errors }`; `stop` → the same, then it exits.
 */
import http from 'node:http';

const { url, concurrency, keepAlive, expect, maxMs } = JSON.parse(process.argv[2]);
const target = new URL(url);
const agent = keepAlive ? new http.Agent({ keepAlive: true, maxSockets: concurrency }) : false;
const options = { host: target.hostname, port: target.port, path: target.pathname + target.search, agent };

let running = true;
let completed = 0;
let failed = 0;
const errors = Object.create(null);

function fail(code) {
  failed += 1;
  errors[code] = (errors[code] ?? 0) + 1;
}

function next() {
  if (!running) return;
  const req = http.get(options, (res) => {
    if (expect) {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => {
        if (res.statusCode === 200 && body.includes(expect)) completed += 1;
        else fail(`HTTP_${res.statusCode}_UNEXPECTED_BODY`);
        next();
      });
    } else {
      res.resume();
      res.on('end', () => {
        if (res.statusCode === 200) completed += 1;
        else fail(`HTTP_${res.statusCode}`);
        next();
      });
    }
  });
  req.on('error', (error) => {
    fail(error.code ?? 'ERROR');
    // Never spin on a hard failure.
    setTimeout(next, 10);
  });
}

const report = () => ({ completed, failed, errors });
const limit = setTimeout(() => (running = false), maxMs);

process.on('message', ({ id, cmd }) => {
  if (cmd === 'stats') process.send({ id, ...report() });
  if (cmd === 'stop') {
    running = false;
    clearTimeout(limit);
    process.send({ id, ...report() }, () => process.exit(0));
  }
});
process.on('disconnect', () => process.exit(0));

for (let i = 0; i < concurrency; i += 1) next();
