/**
 * The target of the accuracy specs, in its own process (forked with IPC) so that serving never
 * shares an event loop with the client being measured: a node:http and a node:https server on
 * 127.0.0.1, port 0, both answering `/delay/<ms>` with `ok` after <ms> and anything else at once.
 *
 * Protocol: the parent sends `{ key, cert }` (PEM, made at test time); the child answers
 * `{ http: port, https: port }` once both listen, and exits when the parent disconnects.
 */
import { createServer } from 'node:http';
import { createServer as createSecureServer } from 'node:https';

const handler = (req, res) => {
  const delay = /^\/delay\/(\d+)/.exec(req.url ?? '');
  const answer = () => res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '3' }).end('ok\n');
  if (delay === null) answer();
  else setTimeout(answer, Number(delay[1]));
};

const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));

process.once('message', async ({ key, cert }) => {
  const [http, https] = await Promise.all([listen(createServer(handler)), listen(createSecureServer({ key, cert }, handler))]);
  process.send({ http, https });
});
process.on('disconnect', () => process.exit(0));
