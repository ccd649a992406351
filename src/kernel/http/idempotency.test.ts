import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { bearer, department, staffToken, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';

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
});
