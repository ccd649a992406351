import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeProblem, makeCitizenId, maskCitizenId } from '../../kernel/ids/index.ts';
import { DEMO_ITEMS, demoItemContent } from '../../../seed/service-items.ts';
import { demoLicenceTypes } from '../../../seed/licence-types.ts';
import { accountIdOf, cardType, sealFor } from '../../testing/licenses.ts';
import { pdfQrCodes, pdfText } from '../../testing/pdf.ts';
import { bearer, department, personToken, staffToken, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';
import { uploadPdf } from '../../testing/services.ts';

/*
 * Real results: a decision is a sealed PDF that verifies like a licence; approving 个体工商户设立登记
 * puts the new business's 营业执照 in the applicant's wallet; identifiers equal to the ID number are
 * masked as the ID number is.
 */
let t: TestPlatform;
let window: string;
let reviewer: string;
let decider: string;
let citizen: { token: string; accountId: string };
let stranger: { token: string; accountId: string };
let itemId = '';
let approvedId = '';
const idNumber = makeCitizenId('152201', '1988-06-12', 31);
const SCJG = '乌兰浩特市市场监督管理局';

const call = (method: 'GET' | 'POST', url: string, token?: string, payload?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...(token ? bearer(token) : {}), ...headers }, ...(payload !== undefined ? { payload: payload as object } : {}) });
const act = async (id: string, token: string, body: Record<string, unknown>) => {
  const res = await call('POST', `/api/services/applications/${id}/actions`, token, body);
  expect(res.statusCode, res.body).toBe(200);
};
const apply = async () => {
  const res = await call('POST', '/api/services/applications', citizen.token, {
    itemId,
    form: { shopName: '乌力吉蒙餐馆', businessScope: '餐饮服务；预包装食品销售', capital: 50000, contactPhone: '13904820000' },
    materials: [
      { code: 'm1', fileId: await uploadPdf(t, citizen.token) },
      { code: 'm2', fileId: await uploadPdf(t, citizen.token) },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};
const decision = (id: string, query = '', token = citizen.token) => call('GET', `/api/services/applications/${id}/decision${query}`, token);
const verifyPdf = (bytes: Uint8Array) => call('POST', '/api/licenses/verify', undefined, Buffer.from(bytes), { 'content-type': 'application/pdf' });

beforeAll(async () => {
  t = await startTestPlatform();
  const scjg = await department(t, '152201', SCJG);
  const front = await department(t, '152201', '政务服务中心');
  const admin = await staffToken(t, ['region_admin'], front.id);
  window = await staffToken(t, ['window_staff'], front.id);
  reviewer = await staffToken(t, ['approver'], scjg.id);
  decider = await staffToken(t, ['approver'], scjg.id);
  citizen = await personToken(t, { realName: { name: '乌力吉', idNumber } });
  stranger = await personToken(t, { realName: { name: '赵志刚', idNumber: makeCitizenId('152201', '1979-01-09', 55) } });
  const item = DEMO_ITEMS.find((d) => d.code === 'XK-SCJG-001')!;
  const created = await call('POST', '/api/services/items', admin, { code: item.code, regionCode: '152201', content: demoItemContent(item, scjg.id) });
  expect(created.statusCode, created.body).toBe(201);
  itemId = created.json().id;
  // The seed's own 营业执照, linked to 个体工商户设立登记 by the audited catalogue.
  const licence = demoLicenceTypes(() => scjg.id).find((x) => x.key === 'business_licence')!;
  expect((await call('POST', '/api/licenses/types', admin, licence)).statusCode).toBe(200);
  expect((await call('POST', '/api/licenses/types', admin, cardType(scjg.id))).statusCode).toBe(200);
  const seal = await call('POST', '/api/licenses/seals', admin, sealFor(scjg.id, [await accountIdOf(t, decider)], SCJG));
  expect(seal.statusCode, seal.body).toBe(201);
});
afterAll(() => t.close());

describe('办结即发证: 个体工商户设立登记', () => {
  it('puts the new business’s 营业执照 in the applicant’s wallet, with a new credit code and the applicant’s data', async () => {
    approvedId = await apply();
    await act(approvedId, window, { action: 'accept' });
    await act(approvedId, reviewer, { action: 'pass_review', opinion: '经审查，符合条件' });
    await act(approvedId, decider, { action: 'approve', opinion: '准予登记' });
    await t.p.kernel.events.dispatch(200);
    const mine = (await call('GET', '/api/licenses/mine', citizen.token)).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ name: '营业执照', status: 'valid', issuerName: SCJG, itemCode: 'XK-SCJG-001', holderName: '乌力吉蒙餐馆' });
    // 统一社会信用代码: 9 (市场监管) 2 (个体工商户), the region, and valid check characters.
    expect(mine[0].holderCode).toMatch(/^92152201/);
    expect(creditCodeProblem(mine[0].holderCode)).toBeNull();
    expect(mine[0].rows).toEqual(
      expect.arrayContaining([
        { label: '类型', labelEn: 'Type', value: '个体工商户' },
        { label: '法定代表人（经营者）', labelEn: 'Legal representative', value: '乌力吉' },
        { label: '注册资本', labelEn: 'Registered capital', value: '50000' },
        { label: '经营范围', labelEn: 'Business scope', value: '餐饮服务；预包装食品销售' },
      ]),
    );
    // The operator may download it; someone else may not.
    expect((await call('GET', `/api/licenses/${mine[0].id}/document`, citizen.token)).statusCode).toBe(200);
    expect((await call('GET', `/api/licenses/${mine[0].id}/document`, stranger.token)).statusCode).toBe(403);
  });
});

describe('决定书: a sealed PDF that verifies like a licence', () => {
  it('gives the applicant a Chinese PDF with the number, masked ID, basis, seal and QR code, which /verify calls genuine and a changed copy not', async () => {
    const res = await decision(approvedId);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const bytes = res.rawPayload;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfText(bytes)).replace(/\s+/g, '');
    for (const s of ['准予行政许可决定书', `${SCJG}许准字`, '乌力吉', maskCitizenId(idNumber), '个体工商户设立登记', '《促进个体工商户发展条例》', '准予登记']) expect(text).toContain(s);
    expect(text).not.toContain(idNumber);
    expect(text).not.toMatch(/Decision/);
    const [qr] = await pdfQrCodes(bytes);
    const identifier = new URL(qr).searchParams.get('id')!;
    const byId = (await call('GET', `/api/licenses/verify/${identifier}`)).json();
    expect(byId).toMatchObject({ verdict: 'genuine', licence: { kind: 'decision', name: '准予行政许可决定书', issuerName: SCJG }, seal: { name: `${SCJG}证照专用章` } });
    const byFile = (await verifyPdf(bytes)).json();
    expect(byFile).toMatchObject({ verdict: 'genuine', licence: { kind: 'decision', identifier, holderCode: maskCitizenId(idNumber) }, seal: { unitName: SCJG } });
    const altered = Buffer.from(bytes);
    altered[Math.floor(altered.length / 3)] ^= 0x01;
    expect((await verifyPdf(altered)).json().verdict).toBe('altered');
  });

  it('gives an English copy only when asked, sealed and verifiable too', async () => {
    const res = await decision(approvedId, '?lang=en');
    expect(res.statusCode).toBe(200);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Decision to Grant an Administrative Licence');
    expect((await verifyPdf(res.rawPayload)).json()).toMatchObject({ verdict: 'genuine', licence: { kind: 'decision' } });
    // Asked again, the same copy.
    expect((await decision(approvedId, '?lang=en')).rawPayload.equals(res.rawPayload)).toBe(true);
  });

  it('issues a 不予受理通知书 with the reason when the window rejects', async () => {
    const id = await apply();
    await act(id, window, { action: 'reject', reason: '申请经营的项目属于禁止类' });
    const text = (await pdfText((await decision(id)).rawPayload)).replace(/\s+/g, '');
    expect(text).toContain('不予受理通知书');
    expect(text).toContain('申请经营的项目属于禁止类');
    expect(text).toContain('行政复议');
  });

  it('refuses a bad language, a malformed id, no sign-in and someone else’s application', async () => {
    const lang = await decision(approvedId, '?lang=fr');
    expect(lang.statusCode).toBe(400);
    expect(lang.json()).toMatchObject({ zh: expect.any(String), en: expect.any(String) });
    expect((await call('GET', '/api/services/applications/not-a-uuid/decision', citizen.token)).statusCode).toBe(400);
    expect((await decision(approvedId, '', '')).statusCode).toBe(401);
    expect((await decision(approvedId, '', stranger.token)).statusCode).toBe(403);
    expect((await decision(await apply())).statusCode).toBe(404);
  });
});

describe('identifiers equal to the ID number', () => {
  it('masks the 社会保障号码 in the wallet exactly as the ID number above it', async () => {
    const issued = await call('POST', '/api/licenses', decider, {
      typeKey: 'social_security_card',
      holder: { name: '乌力吉', code: idNumber },
      data: { cardNo: idNumber, bank: '中国银行乌兰浩特分行' },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const res = await call('GET', '/api/licenses/mine', citizen.token);
    expect(res.body).not.toContain(idNumber);
    const card = res.json().items.find((l: { name: string }) => l.name === '社会保障卡');
    expect(card.holderCode).toBe(maskCitizenId(idNumber));
    expect(card.rows).toContainEqual({ label: '社会保障号码', labelEn: 'Social security number', value: maskCitizenId(idNumber) });
    const detail = await call('GET', `/api/licenses/${issued.json().id}`, citizen.token);
    expect(detail.body).not.toContain(idNumber);
  });
});
