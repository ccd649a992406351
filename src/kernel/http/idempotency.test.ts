import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { bearer, department, staffToken, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';
import { SYSTEM_PRINCIPAL } from '../../modules/identity/index.ts';
import { withAttempt, type IdempotentAttempt } from './idempotent-write.ts';

describe('Idempotency-Key on writes', () => {
  let t: TestPlatform;
  let a: string;
  let b: string;
  beforeAll(async () => {
    t = await startTestPlatform();
    const d = await department(t);
    a = await staffToken(t, ['region_admin'], d.id);
    b = await staffToken(t, ['region_admin'], d.id);
  });
  afterAll(() => t.close());

  const post = (token: string, key: string, body: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/org/departments', headers: { ...bearer(token), 'idempotency-key': key }, payload: body });
  const named = async (name: string) => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM org_department WHERE name = ${name}`.execute(t.p.kernel.db)).rows[0].n);

  it('answers a replay with the first answer and creates the department once', async () => {
    const body = { regionCode: '152201', code: 'IDEM1', name: '幂等测试部门' };
    const first = await post(a, 'key-0000001', body);
    const again = await post(a, 'key-0000001', body);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    expect(await named('幂等测试部门')).toBe(1);
  });

  it('refuses the same key for a different request, and a malformed key', async () => {
    const res = await post(a, 'key-0000001', { regionCode: '152201', code: 'IDEM2', name: '另一个部门' });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await named('另一个部门')).toBe(0);
    const bad = await post(a, 'short', { regionCode: '152201', code: 'IDEM3', name: '键太短' });
    expect(bad.statusCode).toBe(400);
    expect(await named('键太短')).toBe(0);
  });

  it('keeps keys per caller: another user with the same key makes their own request', async () => {
    const res = await post(b, 'key-0000001', { regionCode: '152201', code: 'IDEM4', name: '第二个用户的部门' });
    expect(res.statusCode).toBe(201);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
  });

  it('replays an error answer too, so a retried duplicate does not turn into a success', async () => {
    const body = { regionCode: '152201', code: 'IDEM1', name: '重复编码' };
    const first = await post(a, 'key-dup-0001', body);
    const again = await post(a, 'key-dup-0001', body);
    expect(first.json().code).toBe('DEPARTMENT_CODE_TAKEN');
    expect(again.statusCode).toBe(409);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('writes once for two simultaneous requests with the same key', async () => {
    const body = { regionCode: '152201', code: 'IDEM5', name: '同时提交的部门' };
    const [x, y] = await Promise.all([post(a, 'key-twin-0001', body), post(a, 'key-twin-0001', body)]);
    // The one that ran is neither a replay nor refused as in progress; which of the two it is depends on timing.
    const ran = (r: typeof x) => r.statusCode !== 409 && !r.headers['idempotent-replayed'];
    const [first, other] = ran(x) ? [x, y] : [y, x];
    expect(first.statusCode).toBe(201);
    // The other one is refused while the first runs, or gets its answer once it is done.
    if (other.statusCode === 409) expect(other.json().code).toBe('IDEMPOTENCY_IN_PROGRESS');
    else expect(other.json().id).toBe(first.json().id);
    expect(await named('同时提交的部门')).toBe(1);
  });

  it('refuses the writes of an attempt whose claim a retry took over, and keeps nothing of them', async () => {
    // A first attempt so slow that a retry took its claim over after a minute: the retry holds the key.
    const retry: IdempotentAttempt = { actor: 'ip:127.0.0.1', key: 'key-slow-0001', requestHash: 'h', attempt: 'retry', open: true };
    await t.p.kernel.db.insertInto('kernel_idempotency').values({ actor: retry.actor, key: retry.key, request_hash: 'h', attempt: retry.attempt, created_at: t.clock.now() }).execute();
    const slow = { ...retry, attempt: 'slow' };
    const org = t.p.org.service;
    // A one-statement traced write…
    await expect(withAttempt(slow, () => org.createDepartment(SYSTEM_PRINCIPAL, { regionCode: '152201', code: 'IDEM6', name: '迟到的部门' }))).rejects.toMatchObject({
      code: 'IDEMPOTENCY_IN_PROGRESS',
    });
    expect(await named('迟到的部门')).toBe(0);
    // …and a change recorded inside a transaction.
    const d = await withAttempt(retry, () => org.createDepartment(SYSTEM_PRINCIPAL, { regionCode: '152201', code: 'IDEM7', name: '接手的部门' }));
    await expect(withAttempt(slow, () => org.updateDepartment(SYSTEM_PRINCIPAL, d.id, { name: '迟到的改名', version: d.version }))).rejects.toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS' });
    expect(await named('迟到的改名')).toBe(0);
    expect(await named('接手的部门')).toBe(1);
    const marked = await t.p.kernel.db.selectFrom('kernel_idempotency').selectAll().where('key', '=', retry.key).executeTakeFirstOrThrow();
    expect(marked).toMatchObject({ attempt: 'retry', object_type: 'org.department', object_id: d.id });
    expect(marked.written_at).not.toBeNull();
  });
});
