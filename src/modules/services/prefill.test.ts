import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCitizenId, makeCreditCode } from '../../kernel/ids/index.ts';
import { accountIdOf, cardType, sealFor } from '../../testing/licenses.ts';
import { addBasePerson, bearer, department, personToken, staffToken, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';
import { itemContent, uploadPdf } from '../../testing/services.ts';

/**
 * 只填一次 and 免提交: what the platform knows fills the form, each value with its source, and a
 * material the population base or a held licence stands in for is not asked for.
 */
let t: TestPlatform;
let admin: string;
let approver: string;
let window: string;
let itemId = '';
let alice: { token: string; accountId: string };
let bob: { token: string; accountId: string };
let carol: { token: string; accountId: string };
const aliceId = makeCitizenId('152201', '1985-03-08', 21);
const carolId = makeCitizenId('152201', '1990-07-15', 33);

const call = (method: 'GET' | 'POST' | 'PUT', url: string, token?: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const count = async () =>
  Number(
    (
      await t.p.kernel.db
        .selectFrom('services_application')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await startTestPlatform();
  const rsj = await department(t, '152201', '乌兰浩特市人力资源和社会保障局');
  const front = await department(t, '152201', '政务服务中心');
  admin = await staffToken(t, ['region_admin'], front.id);
  approver = await staffToken(t, ['approver'], rsj.id);
  window = await staffToken(t, ['window_staff'], front.id);
  alice = await personToken(t, { realName: { name: '乌云其木格', idNumber: aliceId } });
  bob = await personToken(t, { realName: { name: '白宝山', idNumber: makeCitizenId('152201', '1979-11-02', 45) } });
  carol = await personToken(t, { realName: { name: '陈晓燕', idNumber: carolId } });
  // The population base knows more about Alice than her name; Carol has left it since she was verified.
  await t.p.kernel.db
    .updateTable('data_population')
    .set({ sex: '女', birth_date: '1985-03-08', nation: '蒙古族', address: '乌兰浩特市和平街道兴安北大路18号' })
    .where('id_number_idx', '=', t.p.kernel.crypto.blindIndex(aliceId))
    .execute();
  await t.p.kernel.db.deleteFrom('data_population').where('id_number_idx', '=', t.p.kernel.crypto.blindIndex(carolId)).execute();

  const base = itemContent(rsj.id);
  const made = await call('POST', '/api/services/items', admin, {
    code: 'GG-RSJ-FILL',
    regionCode: '152201',
    content: itemContent(rsj.id, {
      name: '城乡居民养老保险参保登记',
      materials: [
        { code: 'idcard', name: '居民身份证', nameEn: 'Resident ID card', required: true, form: 'copy', replaceableBy: { kind: 'data', ref: 'population' } },
        { code: 'card', name: '社会保障卡', required: true, form: 'electronic', replaceableBy: { kind: 'licence', ref: 'social_security_card' } },
        base.materials[0],
      ],
      form: {
        schema: {
          type: 'object',
          required: ['applicantName', 'idNumber', 'birthDate', 'homeAddress', 'shopName', 'capital'],
          properties: {
            applicantName: { type: 'string', title: '姓名' },
            idNumber: { type: 'string', title: '身份证号', pattern: '^[0-9]{17}[0-9X]$' },
            birthDate: { type: 'string', title: '出生日期', format: 'date' },
            nation: { type: 'string', title: '民族' },
            homeAddress: { type: 'string', title: '户籍地址', maxLength: 100 },
            cardNo: { type: 'string', title: '社会保障卡编号' },
            shopName: { type: 'string', title: '参保单位或字号', minLength: 2, maxLength: 50 },
            capital: { type: 'integer', title: '缴费档次（元）', minimum: 0, maximum: 100000 },
          },
        },
        prefill: {
          applicantName: 'person.name',
          idNumber: 'person.idNumber',
          birthDate: 'person.birthDate',
          nation: 'person.nation',
          homeAddress: 'person.address',
          cardNo: 'licence.social_security_card',
        },
      },
    }),
  });
  expect(made.statusCode, made.body).toBe(201);
  itemId = made.json().id;
  // Bob holds a 社会保障卡 as an e-licence.
  expect((await call('POST', '/api/licenses/types', admin, cardType(rsj.id))).statusCode).toBe(200);
  expect((await call('POST', '/api/licenses/seals', admin, sealFor(rsj.id, [await accountIdOf(t, approver)], '乌兰浩特市人力资源和社会保障局'))).statusCode).toBe(201);
  const bobId = makeCitizenId('152201', '1979-11-02', 45);
  const card = await call('POST', '/api/licenses', approver, { typeKey: 'social_security_card', holder: { name: '白宝山', code: bobId }, data: { cardNo: bobId, bank: '中国银行乌兰浩特分行' } });
  expect(card.statusCode, card.body).toBe(201);
});
afterAll(() => t.close());

describe('只填一次: what the form is filled with, and from where', () => {
  it('fills identity and population-base facts, each with its source, and masks the ID number', async () => {
    const r = await call('GET', `/api/services/items/${itemId}/prefill`, alice.token);
    expect(r.statusCode, r.body).toBe(200);
    const p = r.json();
    expect(p.applicantName).toEqual({ value: '乌云其木格', masked: false, locked: true, source: { kind: 'identity', zh: '统一身份认证', en: 'verified identity' } });
    expect(p.idNumber).toMatchObject({ value: expect.stringMatching(/^1522\*+\d{3}[0-9X]$/), masked: true, locked: true });
    expect(JSON.stringify(p)).not.toContain(aliceId);
    const population = { kind: 'base', zh: '人口基础库', en: 'the population base', resource: 'RK-POPULATION' };
    expect(p.birthDate).toEqual({ value: '1985-03-08', masked: false, locked: false, source: population });
    expect(p.nation).toMatchObject({ value: '蒙古族', locked: false, source: population });
    expect(p.homeAddress).toMatchObject({ value: '乌兰浩特市和平街道兴安北大路18号', source: population });
    // No licence, no earlier application: nothing else is guessed.
    expect(p.cardNo).toBeUndefined();
    expect(p.shopName).toBeUndefined();
  });

  it('fills the number of a licence the applicant holds, and the rest from their own last application only', async () => {
    const premises = await uploadPdf(t, bob.token);
    const first = await call('POST', '/api/services/applications', bob.token, {
      itemId,
      form: { shopName: '白宝山个体诊所', capital: 300, birthDate: '1979-11-02', homeAddress: '乌兰浩特市胜利街道1号' },
      materials: [{ code: 'premises', fileId: premises }],
    });
    expect(first.statusCode, first.body).toBe(201);
    const p = (await call('GET', `/api/services/items/${itemId}/prefill`, bob.token)).json();
    expect(p.cardNo).toMatchObject({ value: expect.stringMatching(/^SB/), locked: false, source: { kind: 'licence', zh: '电子证照：社会保障卡' } });
    expect(p.shopName).toEqual({
      value: '白宝山个体诊所',
      masked: false,
      locked: false,
      source: { kind: 'application', zh: `您的办件 ${first.json().number}`, en: `your application ${first.json().number}`, resource: first.json().number },
    });
    expect(p.capital).toMatchObject({ value: 300, source: { kind: 'application' } });
    // A field the base does not know for Bob comes from his application too.
    expect(p.birthDate).toMatchObject({ value: '1979-11-02', source: { kind: 'application' } });
    // Another person never sees Bob's answers.
    const a = (await call('GET', `/api/services/items/${itemId}/prefill`, alice.token)).json();
    expect(a.shopName).toBeUndefined();
    expect(JSON.stringify(a)).not.toContain('白宝山');
  });

  it('lists the new sources for item editors, and accepts a licence number as a prefill source', async () => {
    const codes = (await call('GET', '/api/services/editor-codes', admin)).json().prefillSources;
    expect(codes).toContainEqual({ code: 'person.address', zh: '户籍地址（人口基础库）', en: 'Registered address (population base)' });
    expect(codes).toContainEqual({ code: 'enterprise.capital', zh: '注册资本（法人基础库）', en: 'Registered capital (legal-entity base)' });
    expect(codes).toContainEqual({ code: 'licence.social_security_card', zh: '社会保障卡编号（电子证照）', en: 'Social security card number (e-licence)' });
  });

  it('answers an unknown item with 404, a stranger with 401, and refuses an unknown prefill source on save', async () => {
    expect((await call('GET', '/api/services/items/00000000-0000-7000-8000-000000000000/prefill', alice.token)).statusCode).toBe(404);
    expect((await call('GET', '/api/services/items/not-a-uuid/prefill', alice.token)).statusCode).toBe(400);
    const anon = await call('GET', `/api/services/items/${itemId}/prefill`);
    expect(anon.statusCode).toBe(401);
    expect(anon.json()).toMatchObject({ zh: expect.any(String), en: expect.any(String) });
    expect((await call('GET', `/api/services/items/${itemId}/exempt-materials`)).statusCode).toBe(401);
    const base = itemContent((await department(t)).id);
    const bad = await call('POST', '/api/services/items', admin, { code: 'GG-FILL-BAD', regionCode: '152201', content: { ...base, form: { ...base.form, prefill: { shopName: 'person.salary' } } } });
    expect(bad.statusCode).toBe(400);
    const bad2 = await call('POST', '/api/services/items', admin, {
      code: 'GG-FILL-BAD',
      regionCode: '152201',
      content: { ...base, form: { ...base.form, prefill: { shopName: 'licence.DROP TABLE' } } },
    });
    expect(bad2.statusCode).toBe(400);
  });
});

describe('免提交: what the platform can stand in for is not asked for', () => {
  let submitted = '';

  it('does not demand the ID card of a person the population base knows, and records what replaced it', async () => {
    const ex = (await call('GET', `/api/services/items/${itemId}/exempt-materials`, alice.token)).json();
    expect(ex.exempt.idcard).toEqual({ kind: 'data', ref: 'population', zh: '人口基础库', en: 'the population base', resource: 'RK-POPULATION' });
    expect(ex.exempt.card).toBeUndefined();
    const premises = await uploadPdf(t, alice.token);
    const card = await uploadPdf(t, alice.token);
    // A forged name and ID number for the read-only fields are overwritten; the confirmed base facts are filled by the server.
    const r = await call('POST', '/api/services/applications', alice.token, {
      itemId,
      form: { applicantName: '冒名顶替', idNumber: makeCitizenId('152201', '1970-01-01', 1), shopName: '乌云其木格奶食店', capital: 200 },
      materials: [
        { code: 'premises', fileId: premises },
        { code: 'card', fileId: card },
      ],
    });
    expect(r.statusCode, r.body).toBe(201);
    submitted = r.json().id;
    const mine = r.json();
    expect(mine.form).toMatchObject({ applicantName: '乌云其木格', idNumber: expect.stringMatching(/^1522\*+/), birthDate: '1985-03-08', homeAddress: '乌兰浩特市和平街道兴安北大路18号' });
    expect(mine.materials.find((m: { code: string }) => m.code === 'idcard')).toEqual({
      code: 'idcard',
      name: '居民身份证',
      nameEn: 'Resident ID card',
      replacedBy: { kind: 'data', ref: 'population', zh: '人口基础库', en: 'the population base', resource: 'RK-POPULATION' },
    });
    // The stored form holds the real ID number, not the forged one.
    const row = await t.p.kernel.db.selectFrom('services_application').select('form_enc').where('id', '=', submitted).executeTakeFirstOrThrow();
    expect(JSON.parse(t.p.kernel.crypto.decryptField(row.form_enc)).idNumber).toBe(aliceId);
  });

  it('shows the reviewer that the material was replaced and by what', async () => {
    const d = (await call('GET', `/api/services/applications/${submitted}`, approver)).json();
    expect(d.materials.find((m: { code: string }) => m.code === 'idcard')).toMatchObject({ replacedBy: { kind: 'data', zh: '人口基础库' } });
    expect(d.materials.find((m: { code: string }) => m.code === 'idcard').fileId).toBeUndefined();
  });

  it('keeps an edited base fact the applicant changed, but never a verified one', async () => {
    const premises = await uploadPdf(t, alice.token);
    const card = await uploadPdf(t, alice.token);
    const r = await call('POST', '/api/services/applications', alice.token, {
      itemId,
      form: { homeAddress: '乌兰浩特市新桥街道五一北路9号', shopName: '奶食店二号', capital: 100 },
      materials: [
        { code: 'premises', fileId: premises },
        { code: 'card', fileId: card },
      ],
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().form).toMatchObject({ homeAddress: '乌兰浩特市新桥街道五一北路9号', applicantName: '乌云其木格' });
  });

  it('cites a held licence in place of a required material, with the replacement recorded', async () => {
    const ex = (await call('GET', `/api/services/items/${itemId}/exempt-materials`, bob.token)).json();
    expect(ex.exempt.card).toMatchObject({ kind: 'licence', ref: 'social_security_card', zh: '电子证照：社会保障卡' });
    const premises = await uploadPdf(t, bob.token);
    const r = await call('POST', '/api/services/applications', bob.token, {
      itemId,
      form: { shopName: '白宝山个体诊所', capital: 300, birthDate: '1979-11-02', homeAddress: '乌兰浩特市胜利街道1号' },
      materials: [{ code: 'premises', fileId: premises }],
    });
    expect(r.statusCode, r.body).toBe(201);
    const card = r.json().materials.find((m: { code: string }) => m.code === 'card');
    expect(card).toMatchObject({ licenceId: expect.any(String), replacedBy: { kind: 'licence', zh: '电子证照：社会保障卡' }, licence: { status: 'valid' } });
    const uses = (await call('GET', '/api/licenses/mine/uses', bob.token)).json();
    expect(uses.some((u: { kind: string }) => u.kind === 'attach')).toBe(true);
  });

  it('demands the ID card when the population base does not know the person, saying why, and stores nothing', async () => {
    const ex = (await call('GET', `/api/services/items/${itemId}/exempt-materials`, carol.token)).json();
    expect(ex.exempt).toEqual({});
    expect(ex.upload.idcard).toEqual({ zh: '人口基础库中未查到您的信息，请上传', en: 'the population base has no record of you; please upload it' });
    const p = (await call('GET', `/api/services/items/${itemId}/prefill`, carol.token)).json();
    expect(p.birthDate).toBeUndefined();
    const before = await count();
    const premises = await uploadPdf(t, carol.token);
    const card = await uploadPdf(t, carol.token);
    const r = await call('POST', '/api/services/applications', carol.token, {
      itemId,
      form: { birthDate: '1990-07-15', homeAddress: '乌兰浩特市都林街道1号', shopName: '晓燕小卖部', capital: 100 },
      materials: [
        { code: 'premises', fileId: premises },
        { code: 'card', fileId: card },
      ],
    });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({
      code: 'MATERIAL_MISSING',
      zh: expect.stringContaining('居民身份证（人口基础库中未查到您的信息'),
      en: expect.stringContaining('Resident ID card (the population base'),
    });
    expect(await count()).toBe(before);
    const idcard = await uploadPdf(t, carol.token);
    const ok = await call('POST', '/api/services/applications', carol.token, {
      itemId,
      form: { birthDate: '1990-07-15', homeAddress: '乌兰浩特市都林街道1号', shopName: '晓燕小卖部', capital: 100 },
      materials: [
        { code: 'premises', fileId: premises },
        { code: 'card', fileId: card },
        { code: 'idcard', fileId: idcard },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().materials.find((m: { code: string }) => m.code === 'idcard')).toMatchObject({ fileId: idcard });
  });

  it('refuses a forged replacement in the request body', async () => {
    const premises = await uploadPdf(t, carol.token);
    const r = await call('POST', '/api/services/applications', carol.token, {
      itemId,
      form: { birthDate: '1990-07-15', homeAddress: '乌兰浩特市都林街道1号', shopName: '晓燕小卖部', capital: 100 },
      materials: [
        { code: 'premises', fileId: premises },
        { code: 'idcard', replacedBy: { kind: 'data', ref: 'population', zh: '人口基础库', en: 'x' } },
      ],
    });
    expect(r.statusCode).toBe(400);
  });
});

describe('免提交 through 补正, and an enterprise filled from the legal-entity base', () => {
  it('keeps the replacement when the applicant sends corrections', async () => {
    const premises = await uploadPdf(t, alice.token);
    const card = await uploadPdf(t, alice.token);
    const made = await call('POST', '/api/services/applications', alice.token, {
      itemId,
      form: { shopName: '补正测试店', capital: 100 },
      materials: [
        { code: 'premises', fileId: premises },
        { code: 'card', fileId: card },
      ],
    });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id;
    expect((await call('POST', `/api/services/applications/${id}/actions`, window, { action: 'request_supplement', items: ['经营场所证明不清晰'] })).statusCode).toBe(200);
    const again = await uploadPdf(t, alice.token);
    const r = await call('POST', `/api/services/applications/${id}/actions`, alice.token, { action: 'supplement', materials: [{ code: 'premises', fileId: again }] });
    expect(r.statusCode, r.body).toBe(200);
    const mats = r.json().materials as { code: string; fileId?: string; replacedBy?: object }[];
    expect(mats.find((m) => m.code === 'premises')?.fileId).toBe(again);
    expect(mats.find((m) => m.code === 'idcard')).toMatchObject({ replacedBy: { kind: 'data', zh: '人口基础库' } });
  });

  it('fills an enterprise’s form from the legal-entity base and spares it the registration copy', async () => {
    const repId = makeCitizenId('152201', '1972-05-05', 61);
    const creditCode = makeCreditCode('152201', 'MA0N4C7B');
    const rep = await personToken(t, { realName: { name: '韩立军', idNumber: repId } });
    const personId = await addBasePerson(t, '韩立军', repId);
    const ent = await t.p.kernel.db
      .insertInto('identity_enterprise')
      .values({ id: '01900000-0000-7000-8000-0000000000f1', region_code: '152201', name: '乌兰浩特市洮儿河乳业有限公司', credit_code: creditCode, legal_person_id: personId, created_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.p.kernel.db
      .insertInto('data_entity')
      .values({
        id: '01900000-0000-7000-8000-0000000000f2',
        region_code: '152201',
        credit_code: creditCode,
        name: '乌兰浩特市洮儿河乳业有限公司',
        entity_type: '有限责任公司',
        legal_rep_name: '韩立军',
        registered_capital: 5000000,
        established_on: '2015-06-01',
        address: '乌兰浩特市经济开发区乳业路8号',
        status: '存续',
        updated_at: new Date(),
      })
      .execute();
    expect((await call('POST', '/api/identity/me/enterprises', rep.token, { creditCode })).statusCode).toBe(201);
    expect((await call('PUT', '/api/identity/me/acting-for', rep.token, { enterpriseId: ent.id })).statusCode).toBe(200);
    const dept = await department(t);
    const base = itemContent(dept.id);
    const made = await call('POST', '/api/services/items', admin, {
      code: 'XK-FILL-ENT',
      regionCode: '152201',
      content: itemContent(dept.id, {
        name: '食品生产许可变更',
        applicantTypes: ['enterprise'],
        materials: [{ code: 'reg', name: '营业执照复印件', required: true, form: 'copy', replaceableBy: { kind: 'data', ref: 'FR-ENTITY' } }, base.materials[0]],
        form: {
          schema: {
            type: 'object',
            required: ['entName', 'domicile', 'capital'],
            properties: { entName: { type: 'string' }, domicile: { type: 'string' }, capital: { type: 'number', title: '注册资本（元）' }, founded: { type: 'string', format: 'date' } },
          },
          prefill: { entName: 'enterprise.name', domicile: 'enterprise.address', capital: 'enterprise.capital', founded: 'enterprise.establishedOn' },
        },
      }),
    });
    expect(made.statusCode, made.body).toBe(201);
    const p = (await call('GET', `/api/services/items/${made.json().id}/prefill`, rep.token)).json();
    const entity = { kind: 'base', zh: '法人基础库', en: 'the legal-entity base', resource: 'FR-ENTITY' };
    expect(p.entName).toMatchObject({ value: '乌兰浩特市洮儿河乳业有限公司', locked: true, source: { kind: 'identity' } });
    expect(p.domicile).toEqual({ value: '乌兰浩特市经济开发区乳业路8号', masked: false, locked: false, source: entity });
    expect(p.capital).toMatchObject({ value: 5000000, source: entity });
    expect(p.founded).toMatchObject({ value: '2015-06-01', source: entity });
    const ex = (await call('GET', `/api/services/items/${made.json().id}/exempt-materials`, rep.token)).json();
    expect(ex.exempt.reg).toMatchObject({ kind: 'data', zh: '法人基础库' });
    const premises = await uploadPdf(t, rep.token);
    const r = await call('POST', '/api/services/applications', rep.token, { itemId: made.json().id, form: {}, materials: [{ code: 'premises', fileId: premises }] });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ enterpriseName: '乌兰浩特市洮儿河乳业有限公司', form: { domicile: '乌兰浩特市经济开发区乳业路8号', capital: 5000000 } });
    expect(r.json().materials.find((m: { code: string }) => m.code === 'reg')).toMatchObject({ replacedBy: { kind: 'data', resource: 'FR-ENTITY' } });
  });
});
