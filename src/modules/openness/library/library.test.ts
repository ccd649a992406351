import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '../../identity/index.ts';
import { bearer, staffToken, startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';
import type { DocumentInput } from '../ports.ts';

let t: TestPlatform;
let bgs: string;
const system = { ...SYSTEM_PRINCIPAL, regionCode: '152201' };
const call = (method: 'GET' | 'POST' | 'PUT', url: string, token?: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });

beforeAll(async () => {
  t = await startTestPlatform();
  bgs = (await t.p.org.service.createDepartment(SYSTEM_PRINCIPAL, { regionCode: '152201', code: 'BGS', name: '乌兰浩特市人民政府办公室' })).id;
}, 120_000);
afterAll(async () => t?.close());

describe('port', () => {
  it('publishes and finds', async () => {
    const port = t.p.openness.library.port!;
    const input: DocumentInput = { title: '乌兰浩特市测试办法', kind: 'normative', themeCode: '01', issuerDepartmentId: bgs, number: '乌政办发〔2026〕1号', writtenOn: '2026-01-05', publishOn: '2026-01-10', disclosure: 'proactive', body: '第一条 为了规范测试工作，制定本办法。' };
    const r = await t.p.kernel.db.transaction().execute((trx) => port.publish(trx, system, input, { reviewId: null }));
    expect(r.indexNo).toMatch(/^152201BGS\/2026-00001$/);
    const i = await t.p.kernel.db.transaction().execute((trx) => port.publish(trx, system, { ...input, title: '测试办法解读', kind: 'interpretation', number: null, interpretationOf: r.id, body: '一、背景' }, { reviewId: null }));
    const doc = await port.get(t.p.kernel.db, r.id);
    expect(doc?.interpretations).toEqual([i.id]);
    expect((await port.find('测试办法', 5)).map((x) => x.id)).toContain(r.id);
    const res = await call('GET', '/api/openness/documents?q=规范测试工作');
    expect(res.statusCode).toBe(200);
    console.log(JSON.stringify(res.json()).slice(0, 600));
    const d = await call('GET', `/api/openness/documents/${r.id}`);
    console.log(d.body.slice(0, 800));
    const f = await call('GET', '/api/openness/feed.atom');
    console.log(f.statusCode, f.headers['content-type'], f.body.slice(0, 400));
  });
});
