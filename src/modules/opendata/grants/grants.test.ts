import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../../kernel/ids/index.ts';
import { bearer, department, personToken, staffToken, startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';

let t: TestPlatform;
let citizen = '';
let steward = '';

const api = (method: 'GET' | 'POST', url: string, tok: string | null, payload?: unknown) =>
  t.app.inject({ method, url, headers: tok ? bearer(tok) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const problem = { zh: expect.any(String), en: expect.any(String), code: expect.any(String) };

beforeAll(async () => {
  t = await startTestPlatform();
  citizen = (await personToken(t, { realName: { name: '李研究', idNumber: makeCitizenId('152201', '1990-01-01', 11) } })).token;
  steward = await staffToken(t, ['data_steward'], (await department(t)).id);
});
afterAll(() => t.close());

describe('the grants port', () => {
  it('gives no sandbox access and no live grants before anything is approved', async () => {
    const port = t.p.opendata.grants.port;
    const me = { accountId: 'nobody', type: 'person' as const, name: 'x', regionCode: '152201', departmentId: null, roles: [], permissions: new Set<string>(), sessionId: null };
    expect(await port.sandboxAccess(t.p.kernel.db, me, '00000000-0000-0000-0000-000000000000')).toBeNull();
    expect(await port.activeCount()).toEqual(new Map());
  });
});

describe('applying', () => {
  it('is refused without sign-in, to staff, and says so in Chinese and English', async () => {
    const none = await api('POST', '/api/opendata/applications', null, {});
    expect(none.statusCode).toBe(401);
    const staff = await api('GET', '/api/opendata/applications?mine=1', steward);
    expect(staff.statusCode).toBe(403);
    expect(staff.json()).toMatchObject({ ...problem, code: 'OPENDATA_APPLICANT_ONLY' });
    const mine = await api('GET', '/api/opendata/applications?mine=1', citizen);
    expect(mine.json()).toEqual({ items: [], next: null });
  });
});
