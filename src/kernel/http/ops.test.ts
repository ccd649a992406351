import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../testing/platform.ts';

describe('operations endpoints, headers and limits', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform({ rateLimitPerMinute: 5 });
  });
  afterAll(() => t.close());

  it('serves health, readiness with the database, and Prometheus metrics', async () => {
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready', database: true });
    const m = await t.app.inject({ url: '/metrics' });
    expect(m.body).toContain('yiwang_http_request_duration_seconds');
  });

  it('publishes an OpenAPI 3.1 document that lists the module routes', async () => {
    const doc = (await t.app.inject({ url: '/api/docs/json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/org/departments', '/api/identity/sessions', '/api/kernel/calendar']));
  });

  it('sends security headers and echoes a well-formed request id, replacing a malformed one', async () => {
    const res = await t.app.inject({ url: '/api/org/regions?parent=15', headers: { 'x-request-id': 'trace-123' } });
    expect(res.headers['x-request-id']).toBe('trace-123');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const bad = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': '<script>' } });
    expect(bad.headers['x-request-id']).not.toBe('<script>');
  });

  it('answers an unknown API route with a bilingual 404 problem', async () => {
    const res = await t.app.inject({ url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('limits the request rate with a bilingual 429 problem', async () => {
    let last = await t.app.inject({ url: '/healthz' });
    for (let i = 0; i < 10 && last.statusCode !== 429; i++) last = await t.app.inject({ url: '/healthz' });
    expect(last.statusCode).toBe(429);
    expect(last.json()).toMatchObject({ code: 'RATE_LIMITED', zh: '请求过于频繁，请稍后再试' });
  });
});
