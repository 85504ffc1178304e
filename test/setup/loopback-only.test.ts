import { describe, expect, it } from 'vitest';

describe('the test sandbox', () => {
  it('refuses connections beyond loopback before anything is sent', async () => {
    await expect(fetch('http://10.1.2.3:9/')).rejects.toThrow();
    await expect(fetch('https://login.botframework.com/v1/.well-known/openidconfiguration')).rejects.toThrow();
  });

  it('still allows loopback', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((_req, res) => res.end('ok')).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as { port: number }).port;
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('ok');
    server.close();
  });
});
