import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../testing/platform.ts';

// Every request is bounded: a client that never finishes its headers or its body is answered 408
// and cut off, so it cannot hold a socket (or anything behind it) for ever (issue 15, item 1).
describe('slow clients', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform({ requestTimeoutMs: 1000, headersTimeoutMs: 1000, idleTimeoutMs: 60_000 }, { listen: true });
  });
  afterAll(() => t.close());

  /** Sends `text`, then waits (at most 20 s) for the server to end the connection; returns what it said. */
  const sendAndWait = (text: string) =>
    new Promise<string>((resolve, reject) => {
      const s = net.connect(Number(new URL(t.url).port), '127.0.0.1', () => s.write(text));
      let got = '';
      const guard = setTimeout(() => {
        s.destroy();
        reject(new Error('the server kept the stalled connection open'));
      }, 20_000);
      s.on('data', (d) => (got += d.toString()));
      s.on('error', () => undefined);
      s.on('close', () => {
        clearTimeout(guard);
        resolve(got);
      });
    });

  it('cuts off a client that never finishes its headers', async () => {
    expect(await sendAndWait('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ')).toMatch(/^HTTP\/1\.1 408/);
  }, 30_000);

  it('cuts off a client that never finishes its body', async () => {
    const answer = await sendAndWait('POST /api/identity/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"username":"a');
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  }, 30_000);

  it('cuts off a department system that never finishes its token request (the token fast path reads its own body)', async () => {
    const basic = Buffer.from('dept-system:secret').toString('base64');
    const answer = await sendAndWait(
      `POST /oidc/token HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic ${basic}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 500\r\n\r\ngrant_type=client_cre`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  }, 30_000);
});
