import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../kernel/ids/index.ts';
import { bearer, department, personToken, staffToken, startTestPlatform, TEST_PASSWORD, type TestPlatform } from '../../testing/platform.ts';

describe('staff sign-in and access', () => {
  let t: TestPlatform;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestPlatform();
    const d = await department(t, '152201', '乌兰浩特市人社局');
    for (const role of ['platform_admin', 'region_admin', 'window_staff', 'approver', 'hotline_agent', 'grid_worker', 'leader'])
      tokens[role] = await staffToken(t, [role], d.id, role.replace('_', '.'));
  });
  afterAll(() => t.close());

  const signIn = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/identity/sessions', payload: { username, password } });

  it('signs in with a cookie session, reports the user, and signs out everywhere that token was used', async () => {
    const res = await signIn('window.staff', TEST_PASSWORD);
    expect(res.statusCode).toBe(201);
    const cookie = res.cookies.find((c) => c.name === 'yw_session')!;
    expect(cookie.httpOnly).toBe(true);
    const me = await t.app.inject({ url: '/api/identity/me', cookies: { yw_session: cookie.value } });
    expect(me.json()).toMatchObject({ type: 'staff', roles: ['window_staff'], regionCode: '152201' });
    const out = await t.app.inject({ method: 'DELETE', url: '/api/identity/sessions/current', cookies: { yw_session: cookie.value } });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ url: '/api/identity/me', cookies: { yw_session: cookie.value } });
    expect(after.statusCode).toBe(401);
  });

  it('gives the same answer for an unknown user and a wrong password, audits both, and locks after five failures', async () => {
    const unknown = await signIn('nobody', 'whatever123');
    const wrong = await signIn('approver', 'wrong-password1');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe(unknown.json().code);
    for (let i = 0; i < 4; i++) await signIn('approver', 'wrong-password1');
    const locked = await signIn('approver', TEST_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
    t.clock.advance(16 * 60_000);
    expect((await signIn('approver', TEST_PASSWORD)).statusCode).toBe(201);
    const audited = await t.p.kernel.db.selectFrom('kernel_audit_entry').select('action').where('object_type', '=', 'identity.account').execute();
    const actions = audited.map((a) => a.action);
    expect(actions.filter((a) => a === 'sign-in-failed').length).toBe(5);
    expect(actions).toContain('sign-in-refused');
  });

  it('answers six wrong tries on an unknown name exactly as on a real account, and unlocks both alike', async () => {
    const sixTries = async (username: string) => {
      const answers: string[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await signIn(username, 'wrong-password1');
        answers.push(`${res.statusCode} ${res.json().code}`);
      }
      return answers;
    };
    const real = await sixTries('hotline.agent');
    const unknown = await sixTries('no.such.person');
    expect(real.slice(-1)).toEqual(['423 ACCOUNT_LOCKED']);
    expect(unknown).toEqual(real);
    // Locked alike, with the same wait, even with the right password.
    expect((await signIn('no.such.person', TEST_PASSWORD)).json().detail).toBe((await signIn('hotline.agent', TEST_PASSWORD)).json().detail);
    t.clock.advance(16 * 60_000);
    expect((await signIn('hotline.agent', TEST_PASSWORD)).statusCode).toBe(201);
    expect((await signIn('no.such.person', TEST_PASSWORD)).statusCode).toBe(401);
  });

  it('refuses weak passwords for new accounts', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/identity/staff',
      headers: bearer(tokens.platform_admin),
      payload: { username: 'weak.one', password: 'password123', staff: { departmentId: (await department(t)).id, name: '弱密码', employeeNo: 'WK1', roles: ['grid_worker'] } },
    });
    expect(res.json().code).toBe('PASSWORD_TOO_WEAK');
  });

  it('rejects forged and expired tokens', async () => {
    expect((await t.app.inject({ url: '/api/identity/me', headers: bearer('forged-token') })).statusCode).toBe(401);
    t.clock.advance(13 * 3600_000);
    expect((await t.app.inject({ url: '/api/identity/me', headers: bearer(tokens.leader) })).statusCode).toBe(401);
  });
});

describe('role × route matrix (deny by default)', () => {
  let t: TestPlatform;
  const tokens: Record<string, string> = {};
  let deptId = '';
  beforeAll(async () => {
    t = await startTestPlatform();
    deptId = (await department(t, '152201', '乌兰浩特市政务服务局')).id;
    for (const role of ['platform_admin', 'region_admin', 'window_staff', 'approver', 'hotline_agent', 'grid_worker', 'regulator', 'data_admin', 'leader'])
      tokens[role] = await staffToken(t, [role], deptId);
    // A citizen (real-name verified) is a signed-in user too, and must be refused every staff route.
    tokens.citizen = (await personToken(t, { realName: { name: '白雪', idNumber: makeCitizenId('152201', '1990-02-02', 7) } })).token;
  });
  afterAll(() => t.close());

  const routes = [
    {
      name: 'list departments',
      method: 'GET',
      url: () => '/api/org/departments',
      allowed: ['platform_admin', 'region_admin', 'window_staff', 'approver', 'hotline_agent', 'regulator', 'data_admin', 'leader'],
    },
    {
      name: 'create department',
      method: 'POST',
      url: () => '/api/org/departments',
      body: () => ({ regionCode: '152201', code: `M${Math.random().toString(36).slice(2, 8)}`, name: '矩阵测试部门' }),
      allowed: ['platform_admin', 'region_admin'],
    },
    { name: 'list staff', method: 'GET', url: () => '/api/org/staff', allowed: ['platform_admin', 'region_admin', 'window_staff', 'approver', 'hotline_agent', 'regulator', 'data_admin', 'leader'] },
    { name: 'set a holiday', method: 'PUT', url: () => '/api/kernel/calendar/days/2026-12-31', body: () => ({ kind: 'holiday', name: '测试' }), allowed: ['platform_admin', 'region_admin'] },
    { name: 'read audit', method: 'GET', url: () => '/api/kernel/audit/entries', allowed: ['platform_admin', 'region_admin', 'leader'] },
    // Holidays are no secret: anyone signed in may read the calendar's state.
    {
      name: 'calendar status',
      method: 'GET',
      url: () => '/api/kernel/calendar/status',
      allowed: ['platform_admin', 'region_admin', 'window_staff', 'approver', 'hotline_agent', 'grid_worker', 'regulator', 'data_admin', 'leader', 'citizen'],
    },
    {
      name: 'verify a person at the window',
      method: 'POST',
      url: () => '/api/identity/accounts/verify-in-person',
      body: () => ({ name: '白雪', idNumber: makeCitizenId('152201', '1990-02-02', 7) }),
      allowed: ['platform_admin', 'window_staff'],
    },
    { name: 'list SSO client applications', method: 'GET', url: () => '/api/identity/clients', allowed: ['platform_admin'] },
    { name: 'rotate the signing key', method: 'POST', url: () => '/api/identity/signing-keys/rotate', allowed: ['platform_admin'] },
    {
      name: 'add staff with an account',
      method: 'POST',
      url: () => '/api/identity/staff',
      body: () => ({
        username: `m${Math.random().toString(36).slice(2, 8)}`,
        password: 'Matrix2026pass',
        staff: { departmentId: deptId, name: '矩阵员工', employeeNo: `MX${Math.random().toString(36).slice(2, 8)}`, roles: ['grid_worker'] },
      }),
      allowed: ['platform_admin', 'region_admin'],
    },
  ] as const;

  for (const r of routes) {
    it(`${r.name}: only the intended roles, never anonymous`, async () => {
      const anon = await t.app.inject({ method: r.method, url: r.url(), ...('body' in r ? { payload: r.body() } : {}) });
      expect(anon.statusCode).toBe(401);
      for (const [role, token] of Object.entries(tokens)) {
        const res = await t.app.inject({ method: r.method, url: r.url(), headers: bearer(token), ...('body' in r ? { payload: r.body() } : {}) });
        const allowed = (r.allowed as readonly string[]).includes(role);
        expect(res.statusCode < 300, `${role} → ${res.statusCode}`).toBe(allowed);
        if (!allowed) expect(res.statusCode).toBe(403);
      }
    });
  }
});
