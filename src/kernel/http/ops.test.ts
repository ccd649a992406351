import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeEvents } from '../events/index.ts';
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

  it('answers /metrics from this machine only, unless a metrics token is configured', async () => {
    expect((await t.app.inject({ url: '/metrics', remoteAddress: '10.1.2.3' })).statusCode).toBe(403);
    const guarded = await startTestPlatform({ metricsToken: 'metrics-token-0123456789' });
    try {
      expect((await guarded.app.inject({ url: '/metrics' })).statusCode).toBe(401);
      expect((await guarded.app.inject({ url: '/metrics', headers: { authorization: 'Bearer wrong-token-000000000' } })).statusCode).toBe(401);
      const ok = await guarded.app.inject({ url: '/metrics', remoteAddress: '10.1.2.3', headers: { authorization: 'Bearer metrics-token-0123456789' } });
      expect(ok.statusCode).toBe(200);
    } finally {
      await guarded.close();
    }
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

describe('in-app inbox and background work', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(() => t.close());

  it('shows how much background work is due and not done, and counts it down as the workers catch up', async () => {
    const backlog = async (queue: string) => {
      const body = (await t.app.inject({ url: '/metrics' })).body;
      const line = body.split('\n').find((l) => l.startsWith(`yiwang_background_backlog{queue="${queue}"}`));
      return Number(line?.split(' ')[1]);
    };
    const k = t.p.kernel;
    k.jobs.register('test.backlog', async () => {});
    await k.events.dispatch(1000);
    await k.jobs.runDue(1000);
    const jobs = await backlog('jobs');
    await k.jobs.enqueue(k.db, 'test.backlog', {});
    await k.jobs.enqueue(k.db, 'test.backlog', {}, { runAt: new Date(t.clock.now().getTime() + 3600_000) });
    // Only the job that is due now counts; the one an hour away is not a backlog.
    expect(await backlog('jobs')).toBe(jobs + 1);
    k.events.declareAll(changeEvents('test.backlog', ['made']));
    await k.recordChange(k.db, { actor: { id: 'ops-test', type: 'system' }, action: 'made', objectType: 'test.backlog', objectId: '1', regionCode: '152201', change: {} });
    expect(await backlog('outbox')).toBe(1);
    await k.jobs.runDue(1000);
    await k.events.dispatch(1000);
    expect(await backlog('jobs')).toBe(0);
    expect(await backlog('outbox')).toBe(0);
  });

  it('shows a staff member only their own messages and audits marking one read', async () => {
    const { department, staffToken, bearer } = await import('../../testing/platform.ts');
    const d = await department(t);
    const token = await staffToken(t, ['window_staff'], d.id);
    const me = (await t.app.inject({ url: '/api/identity/me', headers: bearer(token) })).json();
    const other = await staffToken(t, ['window_staff'], d.id);
    await t.p.kernel.db.transaction().execute((trx) => t.p.kernel.notify.notify(trx, { regionCode: '152201', recipientId: me.accountId, title: '补正通知', body: '请补充营业执照复印件' }));
    const inbox = (await t.app.inject({ url: '/api/notifications', headers: bearer(token) })).json();
    expect(inbox.map((n: { title: string }) => n.title)).toEqual(['补正通知']);
    expect((await t.app.inject({ url: '/api/notifications', headers: bearer(other) })).json()).toEqual([]);
    const stolen = await t.app.inject({ method: 'POST', url: `/api/notifications/${inbox[0].id}/read`, headers: bearer(other) });
    expect(stolen.statusCode).toBe(404);
    const read = await t.app.inject({ method: 'POST', url: `/api/notifications/${inbox[0].id}/read`, headers: bearer(token) });
    expect(read.statusCode).toBe(204);
    const audited = await t.p.kernel.db.selectFrom('kernel_audit_entry').select('actor_id').where('object_type', '=', 'kernel.notification').execute();
    expect(audited).toEqual([{ actor_id: me.accountId }]);
  });
});
