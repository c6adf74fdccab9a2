import type { Routes } from '../../src/server/routes.js';
import { type RunningServer, startServer } from '../../src/server/startServer.js';

/**
 * Starts servers on 127.0.0.1, port 0, and closes them all after each test of the calling file.
 *
 * @returns `listen(routes)`.
 */
export function listenPerTest(): (routes: Routes) => Promise<RunningServer> {
  const running: RunningServer[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((server) => server.close()));
  });
  return async (routes) => {
    const server = await startServer({ port: 0, routes });
    running.push(server);
    return server;
  };
}
