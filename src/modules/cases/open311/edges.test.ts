import { sql } from 'kysely';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '../../identity/index.ts';
import { AIGUO, setupCases } from '../../../testing/cases.ts';
import { startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';

/**
 * What an Open311 client and a validator meet at the edges of GeoReport v2: the URLs discovery
 * gives, a sandbox that stores nothing, the spec's error format for every refusal, photos posted
 * as multipart, and bodies that are not what the spec says. Real HTTP against a listening server.
 */
let t: TestPlatform;
const KEY = 'edge-open311-key';
const xml = new XMLParser({ parseTagValue: false, isArray: (name) => ['request', 'service', 'endpoint', 'format', 'error'].includes(name) });
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
/** A valid 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const form = (fields: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const multipart = (fields: Record<string, string>, media?: { bytes: Buffer; type: string; name: string }) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  if (media) fd.append('media', new Blob([new Uint8Array(media.bytes)], { type: media.type }), media.name);
  return { method: 'POST', body: fd };
};
const at = (path: string, init?: RequestInit) => fetch(`${t.url}${path}`, init);
/** What would show that something was stored: cases, files, audit entries and events. */
const stored = async () => {
  const count = async (table: string) => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(t.p.kernel.db)).rows[0].n);
  return { cases: await count('cases_case'), files: await count('kernel_file'), audit: await count('kernel_audit_entry'), events: await count('kernel_outbox') };
};
const bilingual = (s: string) => expect(s).toMatch(/[\u4e00-\u9fff].*\/.*[A-Za-z]{3}/);
const xmlError = async (res: Response) => {
  expect(res.headers.get('content-type')).toMatch(/text\/xml/);
  const e = xml.parse(await res.text()).errors.error[0];
  bilingual(e.description);
  return e as { code: string; description: string };
};
const jsonError = async (res: Response) => {
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = await res.json();
  expect(Array.isArray(body)).toBe(true);
  bilingual(body[0].description);
  return body[0] as { code: number; description: string };
};

beforeAll(async () => {
  t = await startTestPlatform({ fileMaxBytes: 256 * 1024 }, { listen: true });
  await setupCases(t);
  await t.p.cases.open311Keys.issue(SYSTEM_PRINCIPAL, '边界测试', KEY);
});
afterAll(async () => t?.close());

describe('Open311 discovery', () => {
  it('lists endpoint URLs without a trailing slash, so a validator can append /services.xml', async () => {
    const d = await (await at('/open311/v2/discovery.json')).json();
    const url = (type: string) => d.endpoints.find((e: { type: string }) => e.type === type).url as string;
    expect(url('production')).toBe(`${t.url}/open311/v2`);
    expect(url('test')).toBe(`${t.url}/open311/v2-test`);
    for (const type of ['production', 'test']) {
      const res = await fetch(`${url(type)}/services.xml`);
      expect(res.status, type).toBe(200);
      expect(xml.parse(await res.text()).services.service.length).toBeGreaterThan(10);
    }
    const x = xml.parse(await (await at('/open311/v2/discovery.xml')).text());
    for (const e of x.discovery.endpoints.endpoint) expect(e.url).not.toMatch(/\/$/);
  });

  it('accepts duplicate slashes in paths, for reading and for posting', async () => {
    const list = await at('/open311/v2//services.xml');
    expect(list.status).toBe(200);
    expect(xml.parse(await list.text()).services.service.length).toBeGreaterThan(10);
    const def = await at('/open311/v2//services//010202.json');
    expect(def.status).toBe(200);
    expect((await def.json()).service_code).toBe('010202');
    const before = await stored();
    const res = await at('/open311/v2//requests.json', form({ ...base, description: '双斜杠路径上报的路灯故障' }));
    expect(res.status).toBe(200);
    const [created] = await res.json();
    expect(created.service_request_id).toMatch(/^152201-GD-/);
    expect((await stored()).cases).toBe(before.cases + 1);
  });

  it('moves the changeset when the service list changes', async () => {
    const changeset = async () => (await (await at('/open311/v2/discovery.json')).json()).changeset as string;
    const first = await changeset();
    expect(await changeset()).toBe(first);
    t.clock.advance(3 * 3600_000);
    await t.p.cases.categories.saveCategory(SYSTEM_PRINCIPAL, { code: '010299', parentCode: '0102', name: '井盖异响', nameEn: 'Noisy manhole cover' });
    const second = await changeset();
    expect(second).not.toBe(first);
    expect(second).toBe(`${new Date(t.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`);
    const services = await (await at('/open311/v2/services.json')).json();
    expect(services.map((s: { service_code: string }) => s.service_code)).toContain('010299');
  });
});

describe('Open311 test endpoint (sandbox)', () => {
  it('validates a post like production and answers with a sandbox id, storing nothing', async () => {
    const before = await stored();
    const res = await at('/open311/v2-test/requests.json', form({ ...base, 'attribute[urgency]': 'urgent' }));
    expect(res.status).toBe(200);
    const [answer] = await res.json();
    expect(answer.service_request_id).toMatch(/TEST/);
    expect(answer.service_notice).toMatch(/测试/);
    const x = xml.parse(await (await at('/open311/v2-test/requests.xml', multipart(base, { bytes: PNG, type: 'image/png', name: 'lamp.png' }))).text());
    expect(x.service_requests.request[0].service_request_id).toMatch(/TEST/);
    expect(await stored()).toEqual(before);
    const again = await at(`/open311/v2-test/requests/${answer.service_request_id}.json`);
    expect(again.status).toBe(404);
    await jsonError(again);
  });

  it('refuses in the sandbox what production refuses, with the same status', async () => {
    const before = await stored();
    const cases: [Record<string, string>, number][] = [
      [{ ...base, api_key: 'wrong' }, 403],
      [{ ...base, service_code: '999999' }, 400],
      [{ ...base, lat: '39.9', long: '116.4' }, 400],
      [{ ...base, description: '' }, 400],
      [{ ...base, 'attribute[urgency]': 'asap' }, 400],
    ];
    for (const [fields, status] of cases) {
      const real = await at('/open311/v2/requests.xml', form(fields));
      const test = await at('/open311/v2-test/requests.xml', form(fields));
      expect([real.status, test.status], JSON.stringify(fields)).toEqual([status, status]);
      expect((await xmlError(test)).code).toBe(String(status));
    }
    expect(await stored()).toEqual(before);
  });
});

describe('Open311 errors in the spec’s format', () => {
  it('answers an unknown format, path, service or id and a wrong method as GeoReport errors', async () => {
    const yaml = await at('/open311/v2/services.yaml');
    expect(yaml.status).toBe(404);
    expect((await xmlError(yaml)).description).toMatch(/xml.*json|json.*xml/);
    const nothing = await at('/open311/v2/nothing.json');
    expect(nothing.status).toBe(404);
    expect((await jsonError(nothing)).code).toBe(404);
    const del = await at('/open311/v2/services.xml', { method: 'DELETE' });
    expect(del.status).toBe(405);
    expect(del.headers.get('allow')).toMatch(/GET/);
    expect((await xmlError(del)).code).toBe('405');
    const put = await at('/open311/v2/requests.json', { method: 'PUT', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=b' });
    expect(put.status).toBe(405);
    expect((await jsonError(put)).code).toBe(405);
    const plain = await at('/open311/v2/requests.json', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'api_key=x' });
    expect(plain.status).toBe(415);
    expect((await jsonError(plain)).code).toBe(415);
    const service = await at('/open311/v2/services/999999.xml');
    expect(service.status).toBe(404);
    expect((await xmlError(service)).code).toBe('404');
    const request = await at('/open311/v2/requests/152201-GD-20000101-000001.json');
    expect(request.status).toBe(404);
    await jsonError(request);
    const { api_key: _, ...noKey } = base;
    const missingKey = await at('/open311/v2/requests.json', form(noKey));
    expect(missingKey.status).toBe(403);
    expect((await jsonError(missingKey)).description).toMatch(/api_key/);
  });
});

describe('Open311 posts with media (multipart)', () => {
  it('stores the photo through the files service and attaches it to the case', async () => {
    const before = await stored();
    const res = await at('/open311/v2/requests.json', multipart({ ...base, service_code: '010101', description: '春阳社区垃圾箱满溢，附照片' }, { bytes: PNG, type: 'image/png', name: 'bin.png' }));
    expect(res.status).toBe(200);
    const [created] = await res.json();
    const row = await t.p.kernel.db.selectFrom('cases_case').select(['photo_ids', 'reporter_id', 'content']).where('number', '=', created.service_request_id).executeTakeFirstOrThrow();
    expect(row.content).toBe('春阳社区垃圾箱满溢，附照片');
    expect(row.photo_ids).toHaveLength(1);
    const file = await t.p.kernel.files.find((row.photo_ids as string[])[0]);
    expect(file).toMatchObject({ mime: 'image/png', ownerId: row.reporter_id, sizeBytes: PNG.length });
    expect((await stored()).files).toBe(before.files + 1);
  });

  it('refuses media that is not an image, and a post refused for its fields keeps no file', async () => {
    const before = await stored();
    const text = await at('/open311/v2/requests.xml', multipart(base, { bytes: Buffer.from('<html>not a photo</html>'), type: 'image/png', name: 'x.png' }));
    expect(text.status).toBe(400);
    expect((await xmlError(text)).code).toBe('400');
    const huge = await at('/open311/v2/requests.xml', multipart(base, { bytes: Buffer.concat([PNG, Buffer.alloc(300 * 1024)]), type: 'image/png', name: 'big.png' }));
    expect(huge.status).toBe(413);
    expect((await xmlError(huge)).code).toBe('413');
    const badKey = await at('/open311/v2/requests.json', multipart({ ...base, api_key: 'wrong' }, { bytes: PNG, type: 'image/png', name: 'a.png' }));
    expect(badKey.status).toBe(403);
    const outside = await at('/open311/v2/requests.json', multipart({ ...base, lat: '39.9', long: '116.4' }, { bytes: PNG, type: 'image/png', name: 'a.png' }));
    expect(outside.status).toBe(400);
    expect(await stored()).toEqual(before);
  });
});

describe('Open311 input that is not what the spec says', () => {
  it('refuses non-string JSON values with 400 before anything else, storing nothing', async () => {
    const before = await stored();
    const bodies = [
      { ...base, api_key: 5 },
      { ...base, description: ['路灯', '不亮'] },
      { ...base, description: { text: '路灯' } },
      { ...base, lat: 46.078, long: 122.075 },
      { ...base, api_key: null },
      [base],
      'text',
    ];
    for (const b of bodies) {
      const res = await at('/open311/v2/requests.json', json(b));
      expect(res.status, JSON.stringify(b)).toBe(400);
      expect((await jsonError(res)).code).toBe(400);
    }
    const sandbox = await at('/open311/v2-test/requests.json', json({ ...base, api_key: 5 }));
    expect(sandbox.status).toBe(400);
    expect(await stored()).toEqual(before);
  });

  it('refuses NUL bytes and lone surrogates in bodies, filters and ids with 400', async () => {
    const before = await stored();
    const posts = [
      at('/open311/v2/requests.xml', form({ ...base, description: '路灯\u0000不亮' })),
      at('/open311/v2/requests.json', json({ ...base, description: '路灯\ud800不亮' })),
      at('/open311/v2/requests.json', json({ ...base, 'attribute[urgency]\u0000': 'urgent' })),
      at('/open311/v2/requests.json', multipart({ ...base, description: '路灯\u0000不亮' }, { bytes: PNG, type: 'image/png', name: 'a.png' })),
    ];
    for (const res of await Promise.all(posts)) expect(res.status).toBe(400);
    const noBoundary = await at('/open311/v2/requests.json', { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: 'api_key=x' });
    expect(noBoundary.status).toBe(400);
    await jsonError(noBoundary);
    for (const q of ['service_code=%00', 'service_request_id=152201-GD-%00', 'status=open%00', 'start_date=2026-01-01%00']) {
      const res = await at(`/open311/v2/requests.xml?${q}`);
      expect(res.status, q).toBe(400);
      expect((await xmlError(res)).code).toBe('400');
    }
    for (const path of ['/open311/v2/requests/152201-GD-%00.json', '/open311/v2/services/01%0002.json', '/open311/v2/tokens/%00.xml']) {
      const res = await at(path);
      expect(res.status, path).toBe(400);
    }
    expect(await stored()).toEqual(before);
  });
});
