import { request } from 'node:http';
import { ServerStartError } from '../../src/server/serverStartError.js';
import { sendText } from '../../src/server/sendText.js';
import { startServer } from '../../src/server/startServer.js';
import { listenPerTest } from './listen.js';

const hello = { 'GET /hello': (_req: unknown, res: Parameters<typeof sendText>[0]) => sendText(res, 200, 'hi') };

describe('startServer', () => {
  const listen = listenPerTest();

  it('binds to 127.0.0.1 by default and reports its port and url', async () => {
    const server = await listen(hello);
    expect(server.host).toBe('127.0.0.1');
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    const response = await fetch(new URL('hello', server.url));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('hi\n');
  });

  it('ignores the query string', async () => {
    const server = await listen(hello);
    expect((await fetch(new URL('hello?x=1', server.url))).status).toBe(200);
  });

  it('serves HEAD from the GET route, without a body', async () => {
    const server = await listen(hello);
    const response = await fetch(new URL('hello', server.url), { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  describe('when the path is unknown', () => {
    it('answers 404', async () => {
      const server = await listen(hello);
      const response = await fetch(new URL('nope', server.url));
      expect(response.status).toBe(404);
      expect(await response.text()).toBe('not found\n');
    });
  });

  describe('when the path is known but the method is not', () => {
    it('answers 405 with Allow', async () => {
      const server = await listen(hello);
      const response = await fetch(new URL('hello', server.url), { method: 'POST', body: 'x' });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD');
    });
  });

  describe('when a handler fails', () => {
    it('answers 500 and reports the error, whether thrown or rejected', async () => {
      const errors: unknown[] = [];
      const server = await startServer({
        port: 0,
        routes: {
          'GET /throws': () => {
            throw new Error('boom');
          },
          'GET /rejects': async () => Promise.reject(new Error('bang')),
        },
        onError: (error) => errors.push(error),
      });
      try {
        expect((await fetch(new URL('throws', server.url))).status).toBe(500);
        expect((await fetch(new URL('rejects', server.url))).status).toBe(500);
        expect(errors.map((error) => (error as Error).message)).toEqual(['boom', 'bang']);
      } finally {
        await server.close();
      }
    });

    it('cuts the connection when the headers were already sent', async () => {
      const server = await listen({
        'GET /half': async (_req, res) => {
          res.writeHead(200);
          res.write('partial');
          throw new Error('late');
        },
      });
      await expect(fetch(new URL('half', server.url)).then((response) => response.text())).rejects.toThrow();
    });
  });

  describe('when the port is taken', () => {
    it('rejects with a ServerStartError worded for people', async () => {
      const taken = await listen(hello);
      const attempt = startServer({ port: taken.port, routes: hello });
      await expect(attempt).rejects.toBeInstanceOf(ServerStartError);
      await expect(attempt).rejects.toMatchObject({
        code: 'EADDRINUSE',
        host: '127.0.0.1',
        port: taken.port,
        message: `cannot listen on 127.0.0.1:${taken.port}: address in use`,
      });
    });
  });

  describe('close', () => {
    it('ends open streaming responses instead of waiting for them', async () => {
      const server = await startServer({
        port: 0,
        routes: {
          'GET /stream': (_req, res) => {
            res.writeHead(200, { 'Content-Type': 'text/event-stream' });
            res.write('data: first\n\n');
          },
        },
      });
      const ended = new Promise<string>((resolve, reject) => {
        request(new URL('stream', server.url), (res) => {
          res.once('data', () => resolve('streaming'));
          res.on('error', () => undefined);
        })
          .on('error', reject)
          .end();
      });
      expect(await ended).toBe('streaming');

      let timer: NodeJS.Timeout | undefined;
      const stuck = new Promise((resolve) => {
        timer = setTimeout(resolve, 10_000, 'stuck');
      });
      const closed = server.close().then(() => 'closed');
      expect(await Promise.race([closed, stuck])).toBe('closed');
      clearTimeout(timer);
      await expect(fetch(new URL('stream', server.url))).rejects.toThrow();
    });

    it('can be called twice', async () => {
      const server = await startServer({ port: 0, routes: hello });
      await Promise.all([server.close(), server.close()]);
      await expect(server.close()).resolves.toBeUndefined();
    });
  });
});
