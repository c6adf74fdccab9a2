/**
 * A free TCP port on 127.0.0.1, for programs that must be told their port.
 */
import { createServer } from 'node:net';

/**
 * Binds port 0 on 127.0.0.1, reads the port and releases it.
 *
 * @returns {Promise<number>} A port that was free a moment ago (and refuses connections until reused).
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
