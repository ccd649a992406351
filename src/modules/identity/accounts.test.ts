import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../kernel/ids/index.ts';
import { rolePolicy } from './policy.ts';
import { addBasePerson, bearer, department, lastSmsCode, personToken, staffToken, startTestPlatform, TEST_PASSWORD, testPhone, type TestPlatform } from '../../testing/platform.ts';

describe('person accounts: registration, real name, factors, sessions', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(() => t.close());

  const post = (url: string, payload: unknown, token?: string) => t.app.inject({ method: 'POST', url, payload: payload as object, headers: token ? bearer(token) : {} });
  const get = (url: string, token: string) => t.app.inject({ url, headers: bearer(token) });
  const accounts = async () =>
    Number(
      (
        await t.p.kernel.db
          .selectFrom('identity_account')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('registers with an SMS code at L1; refuses wrong, reused, expired and too-frequent codes without storing anything', async () => {
    const phone = testPhone();
    expect((await post('/api/identity/sms-codes', { phone, purpose: 'register' })).statusCode).toBe(202);
    const again = await post('/api/identity/sms-codes', { phone, purpose: 'register' });
    expect(again.statusCode).toBe(429);
    expect(again.json()).toMatchObject({ code: 'CODE_TOO_SOON', zh: expect.stringContaining('秒'), en: expect.stringContaining('seconds') });
    const code = await lastSmsCode(t, phone);
    // The outbox keeps the message encrypted: the code cannot be read from the event log.
    const events = await t.p.kernel.db.selectFrom('kernel_outbox').select('payload').execute();
    expect(JSON.stringify(events)).not.toContain(code);
    const before = await accounts();
    const wrong = await post('/api/identity/accounts', { phone, code: code === '000000' ? '111111' : '000000', password: TEST_PASSWORD });
    expect(wrong.json().code).toBe('CODE_INVALID');
    const weak = await post('/api/identity/accounts', { phone, code, password: 'password123' });
    expect(weak.json().code).toBe('PASSWORD_TOO_WEAK');
    expect(await accounts()).toBe(before);
    const ok = await post('/api/identity/accounts', { phone, code, password: TEST_PASSWORD });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().me).toMatchObject({ type: 'person', assuranceLevel: 1, actingFor: null });
    const reuse = await post('/api/identity/accounts', { phone, code, password: TEST_PASSWORD });
    expect(reuse.json().code).toBe('PHONE_TAKEN');
    const token = ok.cookies.find((c) => c.name === 'yw_session')!.value;
    const profile = (await get('/api/identity/me/profile', token)).json();
    expect(profile.phoneMasked).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    const stored = await t.p.kernel.db.selectFrom('identity_account').select(['phone_enc']).where('id', '=', profile.accountId).executeTakeFirstOrThrow();
    expect(stored.phone_enc).not.toContain(phone);

    const other = testPhone();
    await post('/api/identity/sms-codes', { phone: other, purpose: 'register' });
    const late = await lastSmsCode(t, other);
    t.clock.advance(6 * 60_000);
    expect((await post('/api/identity/accounts', { phone: other, code: late, password: TEST_PASSWORD })).json().code).toBe('CODE_INVALID');
    const refused = await t.p.kernel.db.selectFrom('kernel_audit_entry').select('summary').where('action', '=', 'code-refused').execute();
    expect(refused.map((r) => (r.summary as { reason: string }).reason)).toEqual(expect.arrayContaining(['wrong', 'none-valid']));
    expect(JSON.stringify(refused)).not.toContain(phone);
  });

  it('signs in by mobile number with an SMS code or a password', async () => {
    const { phone } = await personToken(t);
    await post('/api/identity/sms-codes', { phone, purpose: 'sign-in' });
    const code = await lastSmsCode(t, phone);
    const res = await post('/api/identity/sessions/sms', { phone, code });
    expect(res.statusCode).toBe(201);
    expect((await post('/api/identity/sessions/sms', { phone, code })).json().code).toBe('CODE_INVALID');
    expect((await post('/api/identity/sessions', { username: phone, password: TEST_PASSWORD })).statusCode).toBe(201);
    const bad = await post('/api/identity/sessions/sms', { phone: 'not-a-phone', code: '123456' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', zh: expect.any(String), en: expect.any(String) });
  });

  it('verifies a real name against the population base data (L2), refusing mismatches and invalid numbers', async () => {
    const { token, accountId } = await personToken(t);
    const idNumber = makeCitizenId('152201', '1988-05-17', 321);
    await addBasePerson(t, '乌兰其其格', idNumber);
    const mismatch = await post('/api/identity/me/real-name', { name: '王芳', idNumber }, token);
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().code).toBe('REAL_NAME_MISMATCH');
    const badCheck = idNumber.slice(0, 17) + (idNumber[17] === '1' ? '2' : '1');
    expect((await post('/api/identity/me/real-name', { name: '乌兰其其格', idNumber: badCheck }, token)).json().code).toBe('ID_NUMBER_INVALID');
    expect((await get('/api/identity/me/profile', token)).json().assuranceLevel).toBe(1);
    const ok = await post('/api/identity/me/real-name', { name: '乌兰其其格', idNumber }, token);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ assuranceLevel: 2, name: '乌兰其其格', idNumberMasked: `1522**********${idNumber.slice(-4)}` });
    const row = await t.p.kernel.db.selectFrom('identity_account').select(['id_number_enc']).where('id', '=', accountId).executeTakeFirstOrThrow();
    expect(row.id_number_enc).not.toContain(idNumber);
    const refused = await t.p.kernel.db.selectFrom('kernel_audit_entry').select(['action', 'summary']).where('object_id', '=', accountId).execute();
    expect(refused.map((r) => r.action)).toEqual(expect.arrayContaining(['real-name-refused', 'real-name-verified']));
    expect(JSON.stringify(refused)).not.toContain(idNumber);
    const second = await personToken(t);
    expect((await post('/api/identity/me/real-name', { name: '乌兰其其格', idNumber }, second.token)).json().code).toBe('ID_NUMBER_TAKEN');
  });

  it('lets window staff raise a verified person to L3, and no one else', async () => {
    const idNumber = makeCitizenId('152201', '1975-11-02', 88);
    const person = await personToken(t, { realName: { name: '包国庆', idNumber } });
    const d = await department(t);
    const window = await staffToken(t, ['window_staff'], d.id);
    const approver = await staffToken(t, ['approver'], d.id);
    expect((await post('/api/identity/accounts/verify-in-person', { name: '包国庆', idNumber }, approver)).statusCode).toBe(403);
    expect((await post('/api/identity/accounts/verify-in-person', { name: '包国庆', idNumber }, person.token)).statusCode).toBe(403);
    expect((await post('/api/identity/accounts/verify-in-person', { name: '包国', idNumber }, window)).json().code).toBe('REAL_NAME_MISMATCH');
    const ok = await post('/api/identity/accounts/verify-in-person', { name: '包国庆', idNumber }, window);
    expect(ok.json().assuranceLevel).toBe(3);
    expect((await get('/api/identity/me', person.token)).json().assuranceLevel).toBe(3);
  });

  it('adds a TOTP second factor with recovery codes; refuses replayed codes and used recovery codes', async () => {
    const { token, phone } = await personToken(t);
    const epoch = () => Math.floor(t.clock.now().getTime() / 1000);
    const setup = (await post('/api/identity/me/totp', {}, token)).json();
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\//);
    expect(setup.qr).toMatch(/^data:image\/png;base64,/);
    expect((await post('/api/identity/me/totp/confirm', { code: '000000' }, token)).json().code).toBe('CODE_INVALID');
    const first = await generate({ secret: setup.secret, epoch: epoch() });
    const confirmed = await post('/api/identity/me/totp/confirm', { code: first }, token);
    expect(confirmed.statusCode).toBe(200);
    const recovery: string[] = confirmed.json().recoveryCodes;
    expect(recovery).toHaveLength(10);

    const step1 = await post('/api/identity/sessions', { username: phone, password: TEST_PASSWORD });
    expect(step1.statusCode).toBe(200);
    expect(step1.json().mfaRequired).toBe(true);
    expect(step1.json().token).toBeUndefined();
    // The code already used to confirm is from the same time step: a replay.
    expect((await post('/api/identity/sessions/mfa', { challenge: step1.json().challenge, code: first })).statusCode).toBe(401);
    t.clock.advance(30_000);
    const next = await generate({ secret: setup.secret, epoch: epoch() });
    const done = await post('/api/identity/sessions/mfa', { challenge: step1.json().challenge, code: next });
    expect(done.statusCode).toBe(201);
    const sessions = (await get('/api/identity/me/sessions', done.json().token)).json();
    expect(sessions.find((s: { current: boolean }) => s.current).amr).toEqual(['pwd', 'otp', 'mfa']);

    const step2 = await post('/api/identity/sessions', { username: phone, password: TEST_PASSWORD });
    expect((await post('/api/identity/sessions/mfa', { challenge: step2.json().challenge, code: recovery[0] })).statusCode).toBe(201);
    const step3 = await post('/api/identity/sessions', { username: phone, password: TEST_PASSWORD });
    expect((await post('/api/identity/sessions/mfa', { challenge: step3.json().challenge, code: recovery[0] })).json().code).toBe('CODE_INVALID');
    expect((await get('/api/identity/me/profile', token)).json().recoveryCodesLeft).toBe(9);
  });

  it('lists sessions, ends one, and signs out everywhere', async () => {
    const { token, phone } = await personToken(t);
    const second = (await post('/api/identity/sessions', { username: phone, password: TEST_PASSWORD })).json().token;
    const list = (await get('/api/identity/me/sessions', token)).json();
    expect(list).toHaveLength(2);
    const other = list.find((s: { current: boolean }) => !s.current);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/identity/me/sessions/${other.id}`, headers: bearer(token) })).statusCode).toBe(204);
    expect((await get('/api/identity/me', second)).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/identity/me/sessions/${other.id}`, headers: bearer(token) })).statusCode).toBe(404);
    const third = (await post('/api/identity/sessions', { username: phone, password: TEST_PASSWORD })).json().token;
    const all = await t.app.inject({ method: 'DELETE', url: '/api/identity/me/sessions', headers: bearer(third) });
    expect(all.json().ended).toBe(2);
    expect((await get('/api/identity/me', token)).statusCode).toBe(401);
    expect((await get('/api/identity/me', third)).statusCode).toBe(401);
  });

  it('answers anonymous, malformed, oversized and out-of-range requests with bilingual problems, storing nothing', async () => {
    const { token } = await personToken(t);
    const before = await accounts();
    const routes = [
      ['POST', '/api/identity/me/real-name'],
      ['POST', '/api/identity/me/totp/confirm'],
      ['POST', '/api/identity/me/enterprises'],
      ['PUT', '/api/identity/me/acting-for'],
      ['GET', '/api/identity/me/sessions'],
      ['DELETE', '/api/identity/me/sessions'],
    ] as const;
    for (const [method, url] of routes) {
      const anon = await t.app.inject({ method, url, payload: method === 'GET' || method === 'DELETE' ? undefined : {} });
      expect(anon.statusCode, `${method} ${url}`).toBe(401);
      expect(anon.json()).toMatchObject({ code: 'UNAUTHENTICATED', zh: '请先登录', en: 'Sign-in required' });
      if (method === 'GET' || method === 'DELETE') continue;
      const malformed = await t.app.inject({ method, url, headers: { ...bearer(token), 'content-type': 'application/json' }, payload: '{"name":' });
      expect(malformed.statusCode, `${method} ${url}`).toBe(400);
      const huge = await t.app.inject({ method, url, headers: { ...bearer(token), 'content-type': 'application/json' }, payload: JSON.stringify({ name: 'x'.repeat(2_000_000) }) });
      expect(huge.statusCode, `${method} ${url}`).toBe(413);
      expect(huge.json().zh).toBeTruthy();
    }
    const longName = await post('/api/identity/me/real-name', { name: '名'.repeat(41), idNumber: makeCitizenId('152201', '1980-01-01', 1) }, token);
    expect(longName.statusCode).toBe(400);
    expect(longName.json().errors[0].path).toContain('name');
    const extra = await post('/api/identity/accounts', { phone: testPhone(), code: '123456', password: TEST_PASSWORD, admin: true });
    expect(extra.statusCode).toBe(400);
    expect(await accounts()).toBe(before);
  });

  it('locks an account after repeated failures, for longer each time', async () => {
    const { phone } = await personToken(t);
    for (let i = 0; i < 5; i++) await post('/api/identity/sessions', { username: phone, password: 'Wrong2026pass' });
    const first = await post('/api/identity/sessions', { username: phone, password: TEST_PASSWORD });
    expect(first.json().code).toBe('ACCOUNT_LOCKED');
    expect(first.json().en).toContain('15 minutes');
    t.clock.advance(16 * 60_000);
    for (let i = 0; i < 5; i++) await post('/api/identity/sessions', { username: phone, password: 'Wrong2026pass' });
    expect((await post('/api/identity/sessions', { username: phone, password: TEST_PASSWORD })).json().en).toContain('30 minutes');
  });
});

describe('enterprises: legal representative, agents and their authorisations', () => {
  let t: TestPlatform;
  let rep: { token: string; accountId: string };
  let agent: { token: string; accountId: string; phone: string };
  let stranger: { token: string };
  let enterpriseId = '';
  const repId = makeCitizenId('152201', '1970-01-15', 11);
  const agentId = makeCitizenId('152201', '1992-08-08', 22);
  beforeAll(async () => {
    t = await startTestPlatform();
    rep = await personToken(t, { realName: { name: '韩立军', idNumber: repId } });
    agent = await personToken(t, { realName: { name: '宝音', idNumber: agentId } });
    stranger = await personToken(t, { realName: { name: '刘明', idNumber: makeCitizenId('152201', '1985-03-03', 33) } });
    const personId = await addBasePerson(t, '韩立军', repId);
    const ent = await t.p.kernel.db
      .insertInto('identity_enterprise')
      .values({
        id: '01900000-0000-7000-8000-000000000001',
        region_code: '152201',
        name: '乌兰浩特市洮儿河乳业有限公司',
        credit_code: '91152201MA0N4C7B3U',
        legal_person_id: personId,
        created_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    enterpriseId = ent.id;
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload: payload as object } : {}) });
  const inDays = (n: number) => new Date(t.clock.now().getTime() + n * 86_400_000).toISOString();

  it('binds the enterprise only to its registered legal representative', async () => {
    expect((await call('POST', '/api/identity/me/enterprises', stranger.token, { creditCode: '91152201MA0N4C7B3U' })).json().code).toBe('NOT_LEGAL_REPRESENTATIVE');
    const l1 = await personToken(t);
    expect((await call('POST', '/api/identity/me/enterprises', l1.token, { creditCode: '91152201MA0N4C7B3U' })).json().code).toBe('ASSURANCE_TOO_LOW');
    expect((await call('POST', '/api/identity/me/enterprises', rep.token, { creditCode: '91152201MA0000000X' })).json().code).toBe('ENTERPRISE_UNKNOWN');
    const ok = await call('POST', '/api/identity/me/enterprises', rep.token, { creditCode: '91152201MA0N4C7B3U' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ enterpriseId, role: 'legal_rep' });
  });

  it('authorises an agent with scopes and an end date; the agent acts within them only', async () => {
    const url = `/api/identity/enterprises/${enterpriseId}/authorisations`;
    expect((await call('POST', url, rep.token, { agentName: '宝音', agentIdNumber: agentId, scopes: ['services.apply'], expiresAt: inDays(800) })).statusCode).toBe(400);
    expect((await call('POST', url, rep.token, { agentName: '宝音', agentIdNumber: agentId, scopes: ['services.apply'], expiresAt: inDays(-1) })).statusCode).toBe(400);
    expect((await call('POST', url, rep.token, { agentName: '宝音', agentIdNumber: agentId, scopes: ['delete.everything'], expiresAt: inDays(30) })).statusCode).toBe(400);
    expect((await call('POST', url, rep.token, { agentName: '别人', agentIdNumber: agentId, scopes: ['services.apply'], expiresAt: inDays(30) })).json().code).toBe('AGENT_UNKNOWN');
    expect((await call('POST', url, stranger.token, { agentName: '宝音', agentIdNumber: agentId, scopes: ['services.apply'], expiresAt: inDays(30) })).json().code).toBe('NOT_LEGAL_REPRESENTATIVE');
    const granted = await call('POST', url, rep.token, { agentName: '宝音', agentIdNumber: agentId, scopes: ['services.apply'], expiresAt: inDays(30) });
    expect(granted.statusCode).toBe(201);
    expect(granted.json()).toMatchObject({ agentName: '宝音', agentIdNumberMasked: `1522**********${agentId.slice(-4)}`, active: true });

    const links = (await call('GET', '/api/identity/me/enterprises', agent.token)).json();
    expect(links).toEqual([expect.objectContaining({ enterpriseId, role: 'agent', scopes: ['services.apply'] })]);
    const acting = await call('PUT', '/api/identity/me/acting-for', agent.token, { enterpriseId });
    expect(acting.json().actingFor).toMatchObject({ enterpriseId, role: 'agent', scopes: ['services.apply'] });
    const me = (await call('GET', '/api/identity/me', agent.token)).json();
    expect(me.actingFor.name).toBe('乌兰浩特市洮儿河乳业有限公司');
    const who = (await t.p.identity.service.authenticate(agent.token))!;
    expect(rolePolicy.can(who, 'services.apply', { enterpriseId })).toBe(true);
    expect(rolePolicy.can(who, 'licences.use', { enterpriseId })).toBe(false);
    expect(rolePolicy.can(who, 'services.apply', { enterpriseId: '01900000-0000-7000-8000-000000000999' })).toBe(false);
    expect((await call('PUT', '/api/identity/me/acting-for', stranger.token, { enterpriseId })).json().code).toBe('NOT_AUTHORISED_FOR_ENTERPRISE');
    expect((await call('GET', url, agent.token)).json().code).toBe('NOT_LEGAL_REPRESENTATIVE');
    // Refusals are audited, naming the route and the reason.
    const denied = await t.p.kernel.db.selectFrom('kernel_audit_entry').select(['object_id', 'summary']).where('action', '=', 'access-denied').execute();
    expect(denied.map((d) => `${d.object_id} ${(d.summary as { code: string }).code}`)).toEqual(
      expect.arrayContaining(['PUT /api/identity/me/acting-for NOT_AUTHORISED_FOR_ENTERPRISE', 'GET /api/identity/enterprises/:id/authorisations NOT_LEGAL_REPRESENTATIVE']),
    );
  });

  it('revoking or expiry ends the agent’s power at once', async () => {
    const url = `/api/identity/enterprises/${enterpriseId}/authorisations`;
    const [auth] = (await call('GET', url, rep.token)).json();
    expect((await call('DELETE', `${url}/${auth.id}`, rep.token)).statusCode).toBe(204);
    expect((await call('DELETE', `${url}/${auth.id}`, rep.token)).statusCode).toBe(404);
    expect((await call('GET', '/api/identity/me', agent.token)).json().actingFor).toBeNull();
    const again = await call('POST', url, rep.token, { agentName: '宝音', agentIdNumber: agentId, scopes: ['services.apply', 'licences.use'], expiresAt: inDays(10) });
    expect(again.statusCode).toBe(201);
    expect((await call('PUT', '/api/identity/me/acting-for', agent.token, { enterpriseId })).statusCode).toBe(200);
    t.clock.advance(11 * 86_400_000);
    expect(await t.p.identity.service.actingFor(agent.accountId, enterpriseId)).toBeNull();
    const fresh = (await t.app.inject({ method: 'POST', url: '/api/identity/sessions', payload: { username: agent.phone, password: TEST_PASSWORD } })).json().token;
    expect((await call('PUT', '/api/identity/me/acting-for', fresh, { enterpriseId })).json().code).toBe('NOT_AUTHORISED_FOR_ENTERPRISE');
    const audited = await t.p.kernel.db.selectFrom('kernel_audit_entry').select('action').where('object_type', '=', 'identity.authorisation').execute();
    expect(audited.map((a) => a.action)).toEqual(['agent-authorised', 'agent-revoked', 'agent-authorised']);
  });
});
