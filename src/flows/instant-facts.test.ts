import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCitizenId } from '../kernel/ids/index.ts';
import { populationRow } from '../modules/data/index.ts';
import { SYSTEM_PRINCIPAL } from '../modules/identity/index.ts';
import { INSTANT_APPROVAL_WORKFLOW } from '../modules/services/index.ts';
import { bearer, department, personToken, staffToken, startTestPlatform, type TestPlatform } from '../testing/platform.ts';
import { itemContent } from '../testing/services.ts';

/** 秒批 on the data backbone's own facts: the population base and the death register decide. */
let t: TestPlatform;
let admin: string;
let itemId = '';
const idNumber = makeCitizenId('152201', '1940-05-06', 77);
let elder: { token: string };

const call = (method: 'GET' | 'POST', url: string, token?: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const apply = () => call('POST', '/api/services/applications', elder.token, { itemId, form: {}, materials: [] });

beforeAll(async () => {
  t = await startTestPlatform();
  const mzj = await department(t, '152201', '乌兰浩特市民政局');
  const front = await department(t, '152201', '政务服务中心');
  admin = await staffToken(t, ['region_admin'], front.id);
  elder = await personToken(t, { realName: { name: '巴特尔', idNumber } });
  // The population base's latest record of them carries the birth date the age is read from.
  await t.p.kernel.db
    .insertInto('data_population')
    .values({
      ...populationRow(t.p.kernel, { name: '巴特尔', idNumber, regionCode: '152201', birthDate: '1940-05-06', sex: '男' }),
      updated_at: new Date(t.p.kernel.clock.now().getTime() + 60_000),
    })
    .execute();
  const res = await call('POST', '/api/services/items', admin, {
    code: 'JF-MZJ-0003',
    regionCode: '152201',
    content: itemContent(mzj.id, {
      name: '高龄津贴申领',
      itemType: 'payment',
      materials: [],
      form: { schema: { type: 'object', properties: { applicantName: { type: 'string' }, idNumber: { type: 'string' } } }, prefill: { applicantName: 'person.name', idNumber: 'person.idNumber' } },
      workflow: structuredClone(INSTANT_APPROVAL_WORKFLOW),
      instant: { subject: 'person', rule: { and: [{ '>=': [{ var: 'age' }, 80] }, { '==': [{ var: 'regionCode' }, '152201'] }, { '==': [{ var: 'alive' }, true] }] } },
    }),
  });
  expect(res.statusCode, res.body).toBe(201);
  itemId = res.json().id;
});
afterAll(() => t.close());

describe('秒批 on the base data', () => {
  it('refuses a rule on a fact the data backbone does not declare', async () => {
    const res = await call('POST', '/api/services/instant-rules/check', admin, { subject: 'person', rule: { '>': [{ var: 'income' }, 1] } });
    expect(res.json().code).toBe('RULE_UNKNOWN_FACT');
    const entity = await call('POST', '/api/services/instant-rules/check', admin, { subject: 'entity', rule: { in: [{ var: 'creditRating' }, ['A', 'E']] } });
    expect(entity.json().code).toBe('RULE_VALUE_NOT_ALLOWED');
  });

  it('approves an 85-year-old resident at once, citing the population base; after a death is recorded, a person decides', async () => {
    const first = (await apply()).json();
    expect(first).toMatchObject({ state: 'completed', outcome: 'approved' });
    const why = first.history.at(-1).payload.instant;
    expect(why.conditions.map((c: { fact: string; actual: unknown; source: { resource: string } }) => [c.fact, c.actual, c.source.resource])).toEqual([
      ['age', 85, 'RK-POPULATION'],
      ['regionCode', '152201', 'RK-POPULATION'],
      ['alive', true, 'MZ-DEATH'],
    ]);

    await t.p.data.registers.recordDeath({ ...SYSTEM_PRINCIPAL, regionCode: '152201' }, { idNumber, diedOn: '2026-02-20' });
    const second = (await apply()).json();
    expect(second.state).toBe('submitted');
    expect(second.history.at(-1).payload.instant.failed).toEqual([expect.objectContaining({ fact: 'alive', actual: false, held: false })]);
  });
});
