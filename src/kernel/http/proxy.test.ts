import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../testing/platform.ts';

const PROXY = '10.0.0.2';
const STRANGER = '10.9.9.9';

/** Behind a TLS-terminating reverse proxy at 10.0.0.2 (and one on this machine), both trusted. */
describe('behind a trusted reverse proxy', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform({ publicUrl: 'https://gov.example', trustProxy: `loopback, ${PROXY}/32`, authRateLimitPerMinute: 2 });
  });
  afterAll(() => t.close());

  // A fresh name each time: only the address limit is under test, not the lock-out by name.
  let tries = 0;
  const signIn = (remoteAddress: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/identity/sessions', remoteAddress, headers, payload: { username: `nobody${++tries}`, password: 'wrong-password1' } });

  it('limits sign-in attempts by the client address the proxy forwards, not by the proxy', async () => {
    const a = { 'x-forwarded-for': '203.0.113.5' };
    expect((await signIn(PROXY, a)).statusCode).toBe(401);
    expect((await signIn(PROXY, a)).statusCode).toBe(401);
    const third = await signIn(PROXY, a);
    expect(third.statusCode).toBe(429);
    expect(third.json().code).toBe('RATE_LIMITED');
    // Another citizen behind the same proxy is not held back by the first one's attempts.
    expect((await signIn(PROXY, { 'x-forwarded-for': '203.0.113.6' })).statusCode).toBe(401);
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await signIn(STRANGER, { 'x-forwarded-for': `198.51.100.${i}` })).statusCode);
    expect(statuses).toEqual([401, 401, 429]);
  });

  it('answers /metrics only to this machine itself, not to clients a local proxy forwards', async () => {
    expect((await t.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' })).statusCode).toBe(200);
    const forwarded = await t.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.5' } });
    expect(forwarded.statusCode).toBe(403);
    expect(forwarded.json().code).toBe('FORBIDDEN');
  });

  it("sends HSTS only on https: directly or as the trusted proxy says, not on a stranger's say-so", async () => {
    const viaProxy = await t.app.inject({ url: '/healthz', remoteAddress: PROXY, headers: { 'x-forwarded-proto': 'https' } });
    expect(viaProxy.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    const plain = await t.app.inject({ url: '/healthz', remoteAddress: PROXY });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const spoofed = await t.app.inject({ url: '/healthz', remoteAddress: STRANGER, headers: { 'x-forwarded-proto': 'https' } });
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('with no trusted proxy configured', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(() => t.close());

  it('treats a forwarded request through an unknown local proxy as remote for /metrics', async () => {
    const res = await t.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.5' } });
    expect(res.statusCode).toBe(403);
  });

  it('sends no HSTS over plain http', async () => {
    const res = await t.app.inject({ url: '/healthz', headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});
