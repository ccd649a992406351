import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '../../identity/index.ts';
import { AIGUO, setupCases, step, type CaseWorld } from '../../../testing/cases.ts';
import { startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';

/**
 * An Open311 app's view: real HTTP against the listening server, form-encoded posts as GeoReport v2
 * clients send them, XML parsed by an XML parser and JSON by fetch.
 */
let t: TestPlatform;
let w: CaseWorld;
const KEY = 'demo-open311-key';
const xml = new XMLParser({ parseTagValue: false, isArray: (name) => ['request', 'service', 'endpoint', 'format', 'attribute', 'value', 'error'].includes(name) });

beforeAll(async () => {
  t = await startTestPlatform({}, { listen: true });
  w = await setupCases(t);
  await t.p.cases.open311Keys.issue(SYSTEM_PRINCIPAL, 'FixMyStreet 测试', KEY);
});
afterAll(async () => t?.close());

const get = (path: string) => fetch(`${t.url}/open311/v2/${path}`);
const post = (fmt: 'json' | 'xml', fields: Record<string, string>) =>
  fetch(`${t.url}/open311/v2/requests.${fmt}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
const base = {
  api_key: KEY,
  jurisdiction_id: '152201',
  service_code: '010202',
  lat: String(AIGUO[1]),
  long: String(AIGUO[0]),
  description: '爱国街道春阳社区北侧路灯整排不亮',
  first_name: '明',
  last_name: '王',
  phone: '13904825566',
};

describe('Open311 GeoReport v2', () => {
  it('discovers production and test endpoints in XML and JSON', async () => {
    const j = await (await get('discovery.json')).json();
    expect(j.endpoints.map((e: { type: string }) => e.type).sort()).toEqual(['production', 'test']);
    expect(j.endpoints[0].url).toBe(`${t.url}/open311/v2`);
    expect(j.endpoints[0].formats).toEqual(['text/xml', 'application/json']);
    const res = await get('discovery.xml');
    expect(res.headers.get('content-type')).toMatch(/text\/xml/);
    const x = xml.parse(await res.text());
    expect(x.discovery.endpoints.endpoint).toHaveLength(2);
    expect(x.discovery.endpoints.endpoint[0].formats.format).toEqual(['text/xml', 'application/json']);
  });

  it('lists services and a service definition with attributes; codes are strings', async () => {
    const list = await (await get('services.json?jurisdiction_id=152201')).json();
    const lights = list.find((s: { service_code: string }) => s.service_code === '010202');
    expect(lights).toMatchObject({ service_name: '路灯故障', metadata: true, type: 'realtime' });
    expect(typeof lights.service_code).toBe('string');
    const x = xml.parse(await (await get('services.xml')).text());
    expect(x.services.service.length).toBe(list.length);
    expect(x.services.service.find((s: { service_code: string }) => s.service_code === '010101').service_name).toBe('垃圾清运');
    const def = await (await get('services/010202.json')).json();
    expect(def.attributes.map((a: { code: string }) => a.code)).toEqual(['urgency', 'kind', 'confidential']);
    const dx = xml.parse(await (await get('services/010202.xml')).text());
    expect(dx.service_definition.attributes.attribute[0].values.value.map((v: { key: string }) => v.key)).toEqual(['ordinary', 'urgent']);
    expect((await get('services/0102.json')).status).toBe(404);
  });

  it('creates a request (form-encoded) and follows it to closed, in JSON and XML', async () => {
    const res = await post('json', { ...base, 'attribute[urgency]': 'urgent' });
    expect(res.status).toBe(200);
    const [created] = await res.json();
    expect(created.service_request_id).toMatch(/^152201-GD-\d{8}-\d{6}$/);
    const tok = await (await get(`tokens/${created.token}.json`)).json();
    expect(tok[0].service_request_id).toBe(created.service_request_id);

    const [open] = await (await get(`requests/${created.service_request_id}.json`)).json();
    expect(open).toMatchObject({ status: 'open', service_code: '010202', service_name: '路灯故障', lat: AIGUO[1], long: AIGUO[0] });
    expect(open.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(open.status_notes).toContain('待派单');

    const row = await t.p.kernel.db.selectFrom('cases_case').select(['id', 'urgency', 'channel', 'street_code']).where('number', '=', created.service_request_id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ urgency: 'urgent', channel: 'open311', street_code: '152201001' });
    await step(t, w.agent, row.id, { action: 'dispatch', categoryCode: '010202', departmentId: w.units.get('ZJJ') });
    const zjj = await w.handler('ZJJ');
    await step(t, zjj, row.id, { action: 'accept' });
    await step(t, zjj, row.id, { action: 'reply', reason: '已更换路灯控制箱，恢复照明' });
    await step(t, w.agent, row.id, { action: 'close', visit: { reached: true, solved: true, satisfaction: 5 } });

    const x = xml.parse(await (await get(`requests/${created.service_request_id}.xml`)).text());
    const r = x.service_requests.request[0];
    expect(r.service_request_id).toBe(created.service_request_id);
    expect(r.status).toBe('closed');
    expect(r.status_notes).toContain('已办结');
    expect(r.status_notes).toContain('恢复照明');
    expect(r.agency_responsible).toBe('ZJJ部门');

    const closed = await (await get(`requests.json?status=closed&service_code=010202`)).json();
    expect(closed.map((c: { service_request_id: string }) => c.service_request_id)).toContain(created.service_request_id);
    const stillOpen = await (await get(`requests.json?status=open`)).json();
    expect(stillOpen.map((c: { service_request_id: string }) => c.service_request_id)).not.toContain(created.service_request_id);
    const byId = xml.parse(await (await get(`requests.xml?service_request_id=${created.service_request_id}`)).text());
    expect(byId.service_requests.request).toHaveLength(1);
  });

  it('accepts an address instead of coordinates and links a duplicate report', async () => {
    const first = xml.parse(await (await post('xml', { ...base, lat: '', long: '', service_code: '010203', description: '和平路12号门前井盖缺失', address_string: '和平路12号' })).text());
    expect(first.service_requests.request[0].service_request_id).toMatch(/^152201-GD-/);
    const again = await post('json', { api_key: KEY, service_code: '010203', description: '和平路12号井盖没了', address_string: '和平路12号' });
    expect(again.status).toBe(200);
    const [dup] = await again.json();
    expect(dup.service_notice).toContain('合并');
    const [view] = await (await get(`requests/${dup.service_request_id}.json`)).json();
    expect(view.status_notes).toContain('合并');
  });

  it('answers bad requests in the spec’s error format with 400, 403 and 404', async () => {
    const noKey = await post('json', { ...base, api_key: 'wrong' });
    expect(noKey.status).toBe(403);
    const e = await noKey.json();
    expect(e[0].code).toBe(403);
    expect(e[0].description).toMatch(/api_key/);
    const cases = [
      { ...base, service_code: '999999' },
      { ...base, lat: '46.07', long: undefined as unknown as string },
      { ...base, lat: 'north', long: '122' },
      { ...base, description: '' },
      { ...base, 'attribute[colour]': 'red' },
      { ...base, 'attribute[urgency]': 'asap' },
      { ...base, phone: '12345' },
      { ...base, jurisdiction_id: '110101' },
      { ...base, lat: '39.9', long: '116.4' },
    ];
    for (const c of cases) {
      const fields = Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) as Record<string, string>;
      const r = await post('xml', fields);
      expect(r.status, JSON.stringify(c)).toBe(400);
      const body = xml.parse(await r.text());
      expect(body.errors.error[0].code).toBe('400');
      expect(body.errors.error[0].description.length).toBeGreaterThan(5);
    }
    expect((await get('requests/152201-GD-20000101-000001.json')).status).toBe(404);
    const notFound = xml.parse(await (await get('requests/nope.xml')).text());
    expect(notFound.errors.error[0].code).toBe('404');
    expect((await get('requests.json?status=maybe')).status).toBe(400);
    expect((await get('requests.json?start_date=yesterday')).status).toBe(400);
    // Nothing was stored by any refused post.
    const stored = await t.p.kernel.db.selectFrom('cases_case').select('id').where('channel', '=', 'open311').execute();
    expect(stored).toHaveLength(3);
  });

  it('slows down one key that floods, in the spec’s error format, keeping what it sent before', async () => {
    const flood = 'flood-key-2026';
    await t.p.cases.open311Keys.issue(SYSTEM_PRINCIPAL, '洪泛测试', flood);
    const who = (await t.p.cases.open311Keys.principalOf(flood))!;
    const REPORTER_MINUTE_LIMIT = (await import('../settings.ts')).CASE_SETTINGS_DEFAULT.intake.reporterMinuteLimit;
    for (let i = 0; i < REPORTER_MINUTE_LIMIT; i++)
      await t.p.cases.intake.report(who, { channel: 'open311', kind: 'report', content: `第${i}条测试上报`, categoryCode: '010101', address: `测试地址${i}` });
    const res = await post('json', { ...base, api_key: flood });
    expect(res.status).toBe(429);
    expect((await res.json())[0]).toMatchObject({ code: 429 });
    const kept = await t.p.kernel.db.selectFrom('cases_case').select('id').where('reporter_id', '=', who.accountId).execute();
    expect(kept).toHaveLength(REPORTER_MINUTE_LIMIT);
  });
});
