import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCitizenId, maskCitizenId } from '../../kernel/ids/index.ts';
import { INSTANT_WORKFLOW } from '../services/index.ts';
import { cardType, sealFor } from '../../testing/licenses.ts';
import { pdfText } from '../../testing/pdf.ts';
import { bearer, department, personToken, staffToken, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';
import { itemContent, uploadPdf } from '../../testing/services.ts';

let t: TestPlatform;
let rsj: { id: string };
let window: string;
let approver: string;
let holder: { token: string; accountId: string };
let stranger: { token: string; accountId: string };
let cardItem = '';
let pensionItem = '';
let licenceId = '';
const idNumber = makeCitizenId('152201', '1961-09-30', 42);

const call = (method: 'GET' | 'POST', url: string, token?: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });

beforeAll(async () => {
  t = await startTestPlatform();
  rsj = await department(t, '152201', '乌兰浩特市人力资源和社会保障局');
  const front = await department(t, '152201', '政务服务中心');
  const admin = await staffToken(t, ['region_admin'], front.id);
  window = await staffToken(t, ['window_staff'], front.id);
  approver = await staffToken(t, ['approver'], rsj.id);
  holder = await personToken(t, { realName: { name: '包金花', idNumber } });
  stranger = await personToken(t, { realName: { name: '韩立新', idNumber: makeCitizenId('152201', '1970-02-11', 8) } });
  // 社会保障卡申领: a 即办件 whose completion issues the card as an e-licence.
  const base = itemContent(rsj.id);
  const card = await call('POST', '/api/services/items', admin, {
    code: 'GG-RSJ-006',
    regionCode: '152201',
    content: itemContent(rsj.id, {
      name: '社会保障卡申领',
      handling: 'instant',
      promisedDays: 0,
      materials: [{ code: 'photo', name: '近期免冠彩色证件照', required: true, form: 'electronic', accept: ['application/pdf', 'image/png', 'image/jpeg'] }],
      form: {
        schema: {
          type: 'object',
          required: ['applicantName', 'idNumber', 'mailAddress'],
          properties: { applicantName: { type: 'string' }, idNumber: { type: 'string' }, mailAddress: { type: 'string', maxLength: 100 } },
        },
        prefill: { applicantName: 'person.name', idNumber: 'person.idNumber' },
      },
      workflow: structuredClone(INSTANT_WORKFLOW),
    }),
  });
  expect(card.statusCode, card.body).toBe(201);
  cardItem = card.json().id;
  // 养老保险待遇申领: its 社会保障卡 material may be replaced by that licence (免证办).
  const pension = await call('POST', '/api/services/items', admin, {
    code: 'JF-RSJ-002',
    regionCode: '152201',
    content: {
      ...base,
      name: '城乡居民养老保险待遇申领',
      materials: [{ code: 'card', name: '社会保障卡', required: true, form: 'electronic', replaceableBy: { kind: 'licence', ref: 'social_security_card' } }, base.materials[0]],
    },
  });
  expect(pension.statusCode, pension.body).toBe(201);
  pensionItem = pension.json().id;
  expect((await call('POST', '/api/licenses/types', admin, cardType(rsj.id, 'GG-RSJ-006'))).statusCode).toBe(200);
  expect((await call('POST', '/api/licenses/seals', admin, sealFor(rsj.id, [], '乌兰浩特市人力资源和社会保障局', { automatic: true }))).statusCode).toBe(201);
});
afterAll(() => t.close());

describe('办结即发证: issuing when a linked application completes', () => {
  it('issues the sealed card to the applicant once the window approves, filled from the form', async () => {
    const photo = await uploadPdf(t, holder.token);
    const app = await call('POST', '/api/services/applications', holder.token, {
      itemId: cardItem,
      form: { mailAddress: '乌兰浩特市和平街道罕山东街12号' },
      materials: [{ code: 'photo', fileId: photo }],
    });
    expect(app.statusCode, app.body).toBe(201);
    expect((await call('GET', '/api/licenses/mine', holder.token)).json().items).toEqual([]);
    expect((await call('POST', `/api/services/applications/${app.json().id}/actions`, window, { action: 'approve' })).statusCode).toBe(200);
    await t.p.kernel.events.dispatch(200);
    const mine = (await call('GET', '/api/licenses/mine', holder.token)).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      name: '社会保障卡',
      status: 'valid',
      issuerName: '乌兰浩特市人力资源和社会保障局',
      itemCode: 'GG-RSJ-006',
      rows: [
        { label: '社会保障号码', value: maskCitizenId(idNumber) },
        { label: '开户银行', value: '中国工商银行乌兰浩特支行' },
      ],
    });
    licenceId = mine[0].id;
    const pdf = (await call('GET', `/api/licenses/${licenceId}/document`, holder.token)).rawPayload;
    expect(await pdfText(pdf)).toContain('包金花');
    // Delivering the event again issues nothing more.
    await t.p.kernel.events.dispatch(200);
    expect((await call('GET', '/api/licenses/mine', holder.token)).json().items).toHaveLength(1);
  });
});

describe('免证办: a licence in place of a material', () => {
  const apply = async (token: string, materials: unknown[]) => call('POST', '/api/services/applications', token, { itemId: pensionItem, form: { shopName: '养老待遇', capital: 0 }, materials });

  it('takes the licence by reference with consent, shows staff its state, and counts the material saved', async () => {
    const premises = await uploadPdf(t, holder.token);
    const res = await apply(holder.token, [
      { code: 'card', licenceId, consent: true },
      { code: 'premises', fileId: premises },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const detail = (await call('GET', `/api/services/applications/${res.json().id}`, approver)).json();
    expect(detail.materials.find((m: { code: string }) => m.code === 'card')).toMatchObject({ licenceId, licence: { name: '社会保障卡', status: 'valid', statusLabel: '有效' } });
    // Staff handling the application may open the cited licence; a stranger may not.
    expect((await call('GET', `/api/licenses/${licenceId}/document?application=${res.json().id}`, approver)).statusCode).toBe(200);
    expect((await call('GET', `/api/licenses/${licenceId}/document?application=${res.json().id}`, stranger.token)).statusCode).toBe(403);
    const uses = (await call('GET', '/api/licenses/mine/uses', holder.token)).json();
    expect(uses.map((u: { kind: string }) => u.kind)).toEqual(expect.arrayContaining(['attach', 'download']));
    expect(uses.find((u: { kind: string }) => u.kind === 'attach').purpose).toContain('免证办：城乡居民养老保险待遇申领');
    expect((await call('GET', '/api/licenses/mine', holder.token)).json().materialsSaved).toBe(1);
    expect((await call('GET', '/api/licenses/stats', approver)).json().materialsSaved).toBe(1);
  });

  it('refuses a citation without consent, of someone else’s licence, for a material that cannot be replaced, or with a file as well', async () => {
    const premises = await uploadPdf(t, holder.token);
    const before = Number(
      (
        await t.p.kernel.db
          .selectFrom('services_application')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const noConsent = await apply(holder.token, [
      { code: 'card', licenceId },
      { code: 'premises', fileId: premises },
    ]);
    expect(noConsent.json()).toMatchObject({ code: 'MATERIAL_INVALID', errors: [{ message: expect.stringContaining('同意') }] });
    const strangerFile = await uploadPdf(t, stranger.token);
    const notTheirs = await apply(stranger.token, [
      { code: 'card', licenceId, consent: true },
      { code: 'premises', fileId: strangerFile },
    ]);
    expect(notTheirs.statusCode).toBe(422);
    expect(notTheirs.json().code).toBe('MATERIAL_LICENCE_INVALID');
    expect(
      (
        await apply(holder.token, [
          { code: 'card', licenceId, consent: true },
          { code: 'premises', licenceId, consent: true },
        ])
      ).json().code,
    ).toBe('MATERIAL_INVALID');
    expect(
      (
        await apply(holder.token, [
          { code: 'card', licenceId, fileId: premises, consent: true },
          { code: 'premises', fileId: premises },
        ])
      ).json().code,
    ).toBe('MATERIAL_INVALID');
    expect(
      Number(
        (
          await t.p.kernel.db
            .selectFrom('services_application')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(before);
  });

  it('refuses a licence that was cancelled', async () => {
    expect((await call('POST', `/api/licenses/${licenceId}/status`, approver, { status: 'cancelled', reason: '持卡人申请注销' })).statusCode).toBe(204);
    const premises = await uploadPdf(t, holder.token);
    const res = await apply(holder.token, [
      { code: 'card', licenceId, consent: true },
      { code: 'premises', fileId: premises },
    ]);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].message).toContain('注销');
  });
});
