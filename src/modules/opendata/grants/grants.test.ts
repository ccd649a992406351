import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digest } from '../../../kernel/crypto/index.ts';
import { makeCitizenId } from '../../../kernel/ids/index.ts';
import type { Principal } from '../../../kernel/policy/index.ts';
import { gatewayCall, setupData, systemToken, type DataWorld } from '../../../testing/data.ts';
import { bearer, personToken, staffToken, startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';

/*
 * 有条件开放 through HTTP with real roles, the real open catalogue and the real data gateway: apply,
 * sign the 数据利用协议, provider then bureau approval, credentials once, a gateway grant that never
 * returns a field or a row outside the agreement, revocation and expiry stopping calls at once.
 */

let t: TestPlatform;
let w: DataWorld;
let citizen: { token: string; accountId: string };
let stranger: { token: string; accountId: string };
let unverified: string;
let steward = '';
let otherSteward = '';
let bureau = '';
let scope = '';
let today = '';

const CITIZEN = '李研究';
const APPS = '/api/opendata/applications';
const api = (method: 'GET' | 'POST', url: string, tok: string | null, payload?: unknown) =>
  t.app.inject({ method, url, headers: tok ? bearer(tok) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const problem = (code: string) => ({ code, zh: expect.any(String), en: expect.any(String), status: expect.any(Number) });
const day = (offset: number) => new Date(t.clock.now().getTime() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const stored = async () =>
  Number(
    (
      await t.p.kernel.db
        .selectFrom('opendata_application')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const principalOf = async (accountId: string): Promise<Principal> => (await t.p.identity.service.principalOf((await t.p.identity.service.accountRow(accountId))!, null, null))!;

/** A good application for FR-ENTITY: the items, the scope and the period are what the tests check against. */
const good = (o: Record<string, unknown> = {}) => ({
  dataset: 'fr-entity',
  purpose: '供应链合作企业准入核验：核对登记状态和注册资本',
  items: ['creditCode', 'name', 'legalRepIdNumber', 'regionCode'],
  rowRegion: scope,
  periodFrom: today,
  periodTo: day(30),
  securityMeasures: '专人专机调用，加密存储，期满删除',
  delivery: 'api',
  contact: { name: CITIZEN, phone: '0482-8226000' },
  ...o,
});

/** Writes, signs and submits; returns the id. */
async function submitted(token: string, body = good()): Promise<string> {
  const c = await api('POST', APPS, token, body);
  expect(c.statusCode, c.body).toBe(201);
  const s = await api('POST', `${APPS}/${c.json().id}/sign`, token, { name: CITIZEN, agreementHash: c.json().agreementHash, confirm: true });
  expect(s.statusCode, s.body).toBe(200);
  expect((await api('POST', `${APPS}/${c.json().id}/submit`, token)).json()).toEqual({ state: 'submitted' });
  return c.json().id;
}

/** Through both approvals. */
async function approved(body = good()): Promise<string> {
  const id = await submitted(citizen.token, body);
  expect((await api('POST', `${APPS}/${id}/decide`, steward, { action: 'approve', opinion: '同意' })).json()).toEqual({ state: 'bureau_review' });
  const r = await api('POST', `${APPS}/${id}/decide`, bureau, { action: 'approve' });
  expect(r.json(), r.body).toEqual({ state: 'approved' });
  return id;
}

beforeAll(async () => {
  t = await startTestPlatform({}, { listen: true });
  w = await setupData(t, { people: 200, entities: 300 });
  today = day(0);
  bureau = w.bureau;
  steward = await staffToken(t, ['data_steward'], w.depts.SCJG);
  otherSteward = await staffToken(t, ['data_steward'], w.depts.GAJ);
  citizen = await personToken(t, { realName: { name: CITIZEN, idNumber: makeCitizenId('152201', '1990-01-01', 11) } });
  stranger = await personToken(t, { realName: { name: '王旁人', idNumber: makeCitizenId('152201', '1985-05-05', 12) } });
  unverified = (await personToken(t)).token;
  // The open catalogue made from the data catalogue, FR-ENTITY (有条件开放) and XY-CREDIT (无条件) published.
  expect((await api('POST', '/api/opendata/datasets/sync', bureau, {})).statusCode).toBe(200);
  for (const name of ['fr-entity', 'xy-credit']) {
    const r = await api('POST', `/api/opendata/datasets/${name}/publish`, bureau);
    expect(r.statusCode, r.body).toBe(200);
  }
  // The row scope: the region holding some but not all entities.
  const regions = await t.p.kernel.db
    .selectFrom('data_entity')
    .select(['region_code', (eb) => eb.fn.countAll().as('n')])
    .groupBy('region_code')
    .orderBy('n', 'desc')
    .execute();
  scope = String(regions.find((r) => r.region_code && r.region_code.length > 6 && r.region_code !== '152201')?.region_code ?? regions[0].region_code);
}, 300_000);
afterAll(() => t?.close());

describe('the grants port', () => {
  it('gives no sandbox access and no live grants before anything is approved', async () => {
    expect(await t.p.opendata.grants.port.sandboxAccess(t.p.kernel.db, await principalOf(citizen.accountId), 'nothing')).toBeNull();
    expect(await t.p.opendata.grants.port.activeCount()).toEqual(new Map());
  });
});

describe('applying', () => {
  it('is refused without sign-in, to staff and without a verified real name, in Chinese and English', async () => {
    expect((await api('POST', APPS, null, good())).statusCode).toBe(401);
    const staff = await api('POST', APPS, steward, good());
    expect(staff.statusCode).toBe(403);
    expect(staff.json()).toMatchObject(problem('OPENDATA_APPLICANT_ONLY'));
    expect((await api('POST', APPS, unverified, good())).json()).toMatchObject(problem('OPENDATA_REAL_NAME_REQUIRED'));
    expect((await api('GET', `${APPS}?mine=1`, steward)).statusCode).toBe(403);
    expect((await api('GET', `${APPS}?mine=1`, citizen.token)).json()).toEqual({ items: [], next: null });
    expect(await stored()).toBe(0);
  });

  const bad: [string, () => Record<string, unknown>, number, string][] = [
    ['items not in the dataset', () => good({ items: ['name', 'salary'] }), 422, 'OPENDATA_UNKNOWN_ITEMS'],
    ['an item twice', () => good({ items: ['name', 'name'] }), 422, 'OPENDATA_DUPLICATE_ITEMS'],
    ['a period over one year', () => good({ periodTo: day(366) }), 422, 'OPENDATA_PERIOD_INVALID'],
    ['a start in the past', () => good({ periodFrom: day(-1) }), 422, 'OPENDATA_PERIOD_INVALID'],
    ['an end before the start', () => good({ periodFrom: day(5), periodTo: day(4) }), 422, 'OPENDATA_PERIOD_INVALID'],
    ['a day that does not exist', () => good({ periodTo: '2026-02-30' }), 422, 'OPENDATA_PERIOD_INVALID'],
    ['a row scope outside the dataset', () => good({ rowRegion: '150400' }), 422, 'OPENDATA_ROW_SCOPE_OUTSIDE'],
    ['an unknown dataset', () => good({ dataset: 'no-such-data' }), 404, 'OPENDATA_DATASET_NOT_FOUND'],
    ['a dataset open without conditions', () => good({ dataset: 'xy-credit', items: ['creditCode'] }), 422, 'OPENDATA_DATASET_NOT_CONDITIONAL'],
    ['items as an object', () => good({ items: { name: true } }), 400, 'VALIDATION_FAILED'],
    ['the contact as a string', () => good({ contact: '李研究 0482-8226000' }), 400, 'VALIDATION_FAILED'],
    ['no items', () => good({ items: [] }), 400, 'VALIDATION_FAILED'],
    ['an unknown delivery', () => good({ delivery: 'ftp' }), 400, 'VALIDATION_FAILED'],
    ['a huge purpose', () => good({ purpose: '用'.repeat(2001) }), 400, 'VALIDATION_FAILED'],
    ['a field it does not know', () => good({ clearItems: ['legalRepIdNumber'] }), 400, 'VALIDATION_FAILED'],
    ['an object as the purpose', () => good({ purpose: { text: '供应链合作企业准入核验' } }), 400, 'VALIDATION_FAILED'],
  ];
  it.each(bad)('refuses %s, storing nothing', async (_what, body, status, code) => {
    const r = await api('POST', APPS, citizen.token, body());
    expect(r.statusCode, r.body).toBe(status);
    expect(r.json()).toMatchObject(problem(code));
    expect(await stored()).toBe(0);
  });

  it('refuses NUL bytes, broken Unicode and malformed JSON, storing nothing', async () => {
    for (const purpose of ['供应链核验研究用途\u0000删除所有', '供应链核验研究用途\ud800']) {
      const r = await api('POST', APPS, citizen.token, good({ purpose }));
      expect([400, 422]).toContain(r.statusCode);
      expect(r.json()).toMatchObject({ zh: expect.any(String), en: expect.any(String) });
    }
    const raw = await t.app.inject({ method: 'POST', url: APPS, headers: { ...bearer(citizen.token), 'content-type': 'application/json' }, payload: '{"dataset":' });
    expect(raw.statusCode).toBe(400);
    expect(raw.json()).toMatchObject({ zh: expect.any(String), en: expect.any(String) });
    expect(await stored()).toBe(0);
  });
});

describe('the 数据利用协议', () => {
  let id = '';
  let hash = '';
  it('is filled in with the dataset, items, purpose and period, and cannot be submitted unsigned', async () => {
    const c = await api('POST', APPS, citizen.token, good());
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json().number).toMatch(/^152201-KF-\d{8}-\d{6}$/);
    ({ id, agreementHash: hash } = c.json());
    const d = (await api('GET', `${APPS}/${id}`, citizen.token)).json();
    expect(d).toMatchObject({ state: 'draft', signed: false, mine: true, actions: expect.arrayContaining(['submit', 'withdraw']) });
    expect(d.agreement.text).toContain('法定代表人身份号码（legalRepIdNumber）');
    expect(d.agreement.text).toContain(`${today} 至 ${day(30)}`);
    expect(d.agreement.text).toContain('供应链合作企业准入核验');
    expect(d.agreement.hash).toBe(hash);
    const unsigned = await api('POST', `${APPS}/${id}/submit`, citizen.token);
    expect(unsigned.statusCode).toBe(409);
    expect(unsigned.json()).toMatchObject(problem('OPENDATA_AGREEMENT_NOT_SIGNED'));
  });

  it('is signed in the applicant’s own name, on the text shown, once', async () => {
    expect((await api('POST', `${APPS}/${id}/sign`, citizen.token, { name: '别人', agreementHash: hash, confirm: true })).json()).toMatchObject(problem('OPENDATA_SIGNER_NAME'));
    expect((await api('POST', `${APPS}/${id}/sign`, citizen.token, { name: CITIZEN, agreementHash: '0'.repeat(64), confirm: true })).json()).toMatchObject(problem('OPENDATA_AGREEMENT_CHANGED'));
    expect((await api('POST', `${APPS}/${id}/sign`, citizen.token, { name: CITIZEN, agreementHash: hash, confirm: false })).statusCode).toBe(400);
    // Another person cannot see, sign or submit it: it does not exist for them.
    expect((await api('GET', `${APPS}/${id}`, stranger.token)).statusCode).toBe(404);
    expect((await api('POST', `${APPS}/${id}/sign`, stranger.token, { name: '王旁人', agreementHash: hash, confirm: true })).statusCode).toBe(404);
    // Nor can the provider while it is a draft.
    expect((await api('GET', `${APPS}/${id}`, steward)).statusCode).toBe(404);
    const s = await api('POST', `${APPS}/${id}/sign`, citizen.token, { name: CITIZEN, agreementHash: hash, confirm: true });
    expect(s.statusCode, s.body).toBe(200);
    expect((await api('POST', `${APPS}/${id}/sign`, citizen.token, { name: CITIZEN, agreementHash: hash, confirm: true })).json()).toMatchObject(problem('OPENDATA_AGREEMENT_ALREADY_SIGNED'));
    const d = (await api('GET', `${APPS}/${id}`, citizen.token)).json();
    expect(d.agreement).toMatchObject({ signedName: CITIZEN, hash, signedAt: expect.any(String) });
    // The SM3 of the text shown is what was signed, and the ledger holds it.
    expect(digest('sm3', d.agreement.text)).toBe(hash);
    const audit = await t.p.kernel.db.selectFrom('kernel_audit_entry').select(['action']).where('object_id', '=', id).orderBy('at').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['created', 'signed']);
  });

  it('can be withdrawn by its applicant before a decision, and then nobody decides it', async () => {
    expect((await api('POST', `${APPS}/${id}/submit`, citizen.token)).json()).toEqual({ state: 'submitted' });
    expect((await api('POST', `${APPS}/${id}/withdraw`, stranger.token, {})).statusCode).toBe(404);
    expect((await api('POST', `${APPS}/${id}/withdraw`, citizen.token, { opinion: '改用其他数据' })).json()).toEqual({ state: 'withdrawn' });
    const late = await api('POST', `${APPS}/${id}/decide`, steward, { action: 'approve' });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject(problem('OPENDATA_APPLICATION_STATE'));
  });
});

describe('approval and the gateway grant', () => {
  let id = '';
  let token = '';
  let clientId = '';
  let secret = '';

  it('goes to the provider’s 数据专员, then the data bureau, each step audited with a due date', async () => {
    id = await submitted(citizen.token);
    const queue = (await api('GET', `${APPS}?todo=1`, steward)).json();
    expect(queue.items.map((a: { id: string }) => a.id)).toContain(id);
    expect(queue.items.find((a: { id: string }) => a.id === id)).toMatchObject({ state: 'submitted', dueAt: expect.any(String), overdue: false });
    expect((await api('GET', `${APPS}?todo=1`, otherSteward)).json().items).toEqual([]);
    // Another department's steward and the public cannot decide it.
    expect((await api('POST', `${APPS}/${id}/decide`, otherSteward, { action: 'approve' })).statusCode).toBe(404);
    expect((await api('POST', `${APPS}/${id}/decide`, citizen.token, { action: 'approve' })).statusCode).toBe(403);
    // The bureau cannot skip the provider.
    expect((await api('POST', `${APPS}/${id}/decide`, bureau, { action: 'approve' })).statusCode).toBe(403);
    // A refusal needs a reason.
    expect((await api('POST', `${APPS}/${id}/decide`, steward, { action: 'refuse' })).json()).toMatchObject(problem('WORKFLOW_INPUT_MISSING'));
    expect((await api('POST', `${APPS}/${id}/decide`, steward, { action: 'maybe' })).statusCode).toBe(400);
    expect((await api('POST', `${APPS}/${id}/decide`, steward, { action: 'approve', opinion: '用途明确' })).json()).toEqual({ state: 'bureau_review' });
    // The steward does not take the bureau's step.
    expect((await api('POST', `${APPS}/${id}/decide`, steward, { action: 'approve' })).statusCode).toBe(403);
    expect((await api('GET', `${APPS}?todo=1`, bureau)).json().items.map((a: { id: string }) => a.id)).toContain(id);
  });

  it('lets one of two deciders acting at once win; the other gets 409 and one grant is issued', async () => {
    const [a, b] = await Promise.all([api('POST', `${APPS}/${id}/decide`, bureau, { action: 'approve' }), api('POST', `${APPS}/${id}/decide`, bureau, { action: 'refuse', opinion: '不同意' })]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const d = (await api('GET', `${APPS}/${id}`, citizen.token)).json();
    const winner = a.statusCode === 200 ? a.json().state : b.json().state;
    expect(d.state).toBe(winner);
    if (winner === 'refused') {
      // The refusing decider won: approve a fresh application the same way for the rest of the tests.
      id = await approved();
    }
    const steps = (await api('GET', `${APPS}/${id}`, citizen.token)).json().steps.map((s: { action: string }) => s.action);
    expect(steps).toEqual(['create', 'sign', 'submit', 'approve', 'bureau_approve']);
    expect((await t.p.opendata.grants.port.activeCount()).size).toBe(1);
  });

  it('hands the credentials to the applicant once, and never to anyone else', async () => {
    expect((await api('POST', `${APPS}/${id}/credentials`, stranger.token)).statusCode).toBe(404);
    expect((await api('POST', `${APPS}/${id}/credentials`, steward)).statusCode).toBe(404);
    const [a, b] = await Promise.all([api('POST', `${APPS}/${id}/credentials`, citizen.token), api('POST', `${APPS}/${id}/credentials`, citizen.token)]);
    const ok = [a, b].filter((r) => r.statusCode === 200);
    expect(ok).toHaveLength(1);
    expect([a, b].find((r) => r.statusCode !== 200)!.json()).toMatchObject(problem('OPENDATA_CREDENTIALS_GONE'));
    ({ clientId, clientSecret: secret } = ok[0].json());
    expect((await api('GET', `${APPS}/${id}`, citizen.token)).json()).toMatchObject({ credentialsReady: false, clientId, credentialsCollectedAt: expect.any(String) });
    token = await systemToken(t, clientId, secret);
  });

  it('never returns a field outside the agreement, masks the L4 item, and keeps to the row scope', async () => {
    const asked = await gatewayCall(t, token, 'FR-ENTITY/query', { items: ['name', 'address'] });
    expect(asked.status).toBeGreaterThanOrEqual(400);
    const page = await gatewayCall(t, token, 'FR-ENTITY/query', { limit: 100 });
    expect(page.status).toBe(200);
    const rows = ((await page.json()) as { rows: Record<string, unknown>[] }).rows;
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(
        Object.keys(r)
          .filter((k) => !k.startsWith('_'))
          .sort(),
      ).toEqual(['creditCode', 'legalRepIdNumber', 'name', 'regionCode']);
      expect(String(r.regionCode).startsWith(scope)).toBe(true);
      expect(String(r.legalRepIdNumber)).toMatch(/\*/);
    }
    const inScope = await t.p.kernel.db
      .selectFrom('data_entity')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('region_code', 'like', `${scope}%`)
      .executeTakeFirstOrThrow();
    expect(rows.length).toBe(Math.min(100, Number(inScope.n)));
    const usage = (await api('GET', `${APPS}/${id}`, steward)).json().usage;
    expect(usage.calls).toBeGreaterThanOrEqual(1);
  });

  it('stops calls at once when the bureau revokes the grant', async () => {
    expect((await api('POST', `${APPS}/${id}/revoke`, steward, { opinion: '违反协议' })).statusCode).toBe(403);
    expect((await api('POST', `${APPS}/${id}/revoke`, bureau, { opinion: '' })).statusCode).toBe(400);
    expect((await api('POST', `${APPS}/${id}/revoke`, bureau, { opinion: '发现超范围使用' })).json()).toEqual({ state: 'revoked' });
    const after = await gatewayCall(t, token, 'FR-ENTITY/query', { limit: 1 });
    expect(after.status).toBeGreaterThanOrEqual(400);
    expect((await t.p.opendata.grants.port.activeCount()).size).toBe(0);
    expect((await api('POST', `${APPS}/${id}/revoke`, bureau, { opinion: '再次撤销' })).statusCode).toBe(409);
  });
});

describe('lists', () => {
  it('pages the applicant’s own applications and refuses a bad cursor', async () => {
    const first = (await api('GET', `${APPS}?mine=1&limit=1`, citizen.token)).json();
    expect(first.items).toHaveLength(1);
    const second = (await api('GET', `${APPS}?mine=1&limit=1&after=${first.next}`, citizen.token)).json();
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect((await api('GET', `${APPS}?mine=1`, stranger.token)).json().items).toEqual([]);
    expect((await api('GET', `${APPS}?mine=1&after=x'--`, citizen.token)).json()).toMatchObject(problem('OPENDATA_BAD_CURSOR'));
    expect((await api('GET', `${APPS}?mine=1&limit=100000`, citizen.token)).statusCode).toBe(400);
  });
});

describe('sandbox access and expiry', () => {
  it('opens the sandbox to the approved applicant only, and nobody else', async () => {
    const id = await approved(good({ delivery: 'sandbox', items: ['name', 'regionCode'], rowRegion: null }));
    const ds = await t.p.opendata.catalogue.port!.byName('fr-entity');
    const access = await t.p.opendata.grants.port.sandboxAccess(t.p.kernel.db, await principalOf(citizen.accountId), ds!.id);
    expect(access).toMatchObject({ applicationId: id, datasetId: ds!.id, items: ['name', 'regionCode'], rowRegion: null, holderAccountId: citizen.accountId });
    expect(await t.p.opendata.grants.port.sandboxAccess(t.p.kernel.db, await principalOf(stranger.accountId), ds!.id)).toBeNull();
    expect((await api('POST', `${APPS}/${id}/credentials`, citizen.token)).json()).toMatchObject(problem('OPENDATA_NOT_API_DELIVERY'));
  });

  it('ends grants whose agreement ended, by the daily timer, and the gateway refuses them at once', async () => {
    const id = await approved(good({ periodTo: day(2) }));
    const cred = (await api('POST', `${APPS}/${id}/credentials`, citizen.token)).json();
    const token = await systemToken(t, cred.clientId, cred.clientSecret);
    expect((await gatewayCall(t, token, 'FR-ENTITY/query', { limit: 1 })).status).toBe(200);
    t.clock.advance(3 * 86_400_000);
    const ended = await t.p.kernel.db.transaction().execute((trx) => t.p.opendata.grants.applications.expireDue(trx));
    expect(ended).toBeGreaterThanOrEqual(1);
    const row = await t.p.kernel.db.selectFrom('opendata_application').select(['state', 'end_reason']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'expired', end_reason: '数据利用协议到期' });
    expect((await gatewayCall(t, token, 'FR-ENTITY/query', { limit: 1 })).status).toBeGreaterThanOrEqual(400);
    // A fresh token for the ended client is refused, or gets nothing from the gateway.
    const fresh = await systemToken(t, cred.clientId, cred.clientSecret).catch(() => null);
    if (fresh) expect((await gatewayCall(t, fresh, 'FR-ENTITY/query', { limit: 1 })).status).toBeGreaterThanOrEqual(400);
  });
});
