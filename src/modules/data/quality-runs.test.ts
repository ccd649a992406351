import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { setupData, type DataWorld } from '../../testing/data.ts';
import { bearer, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';

let t: TestPlatform;
let w: DataWorld;

beforeAll(async () => {
  t = await startTestPlatform();
  w = await setupData(t, { people: 120, entities: 12 });
}, 300_000);
afterAll(() => t.close());

const ask = (code: string, payload?: unknown) =>
  t.app.inject({ method: 'POST', url: `/api/data/quality/${code}/run`, headers: { ...bearer(w.bureau), ...(payload === undefined ? {} : { 'content-type': 'application/json' }) }, ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }) });
const follow = async (location: string) => (await t.app.inject({ method: 'GET', url: location, headers: bearer(w.consumer) })).json();
const runsOf = async (code: string) =>
  (await sql<{ state: string; n: number }>`SELECT q.state, count(*)::int AS n FROM data_quality_run q JOIN data_resource r ON r.id = q.resource_id WHERE r.code = ${code} GROUP BY q.state ORDER BY q.state`.execute(t.p.kernel.db)).rows;

describe('quality checks through the job queue', () => {
  it('answers 202 at once with the queued run, which a worker then checks to the end', async () => {
    const res = await ask('RK-POPULATION');
    expect(res.statusCode).toBe(202);
    const location = res.headers.location as string;
    expect(location).toBe(`/api/data/quality/runs/${res.json().id}`);
    expect(res.json()).toMatchObject({ resourceCode: 'RK-POPULATION', state: 'queued', progress: { done: 0 }, score: null });
    expect((await follow(location)).state).toBe('queued');

    expect(await t.p.kernel.jobs.runDue()).toBeGreaterThan(0);
    const done = await follow(location);
    expect(done).toMatchObject({ state: 'done', rows: 120, failure: null });
    expect(done.progress.total).toBeGreaterThan(1);
    expect(done.progress.done).toBe(done.progress.total);
    expect(done.score).toBeGreaterThan(0);
    const scores = (await t.app.inject({ method: 'GET', url: '/api/data/quality', headers: bearer(w.consumer) })).json();
    expect(scores.resources.find((r: { code: string }) => r.code === 'RK-POPULATION')).toMatchObject({ score: done.score, rows: 120 });
  });

  it('keeps one run per resource: asking again while one is open returns that run', async () => {
    const [a, b, c] = await Promise.all([ask('FR-ENTITY'), ask('FR-ENTITY'), ask('FR-ENTITY', {})]);
    expect([a.statusCode, b.statusCode, c.statusCode]).toEqual([202, 202, 202]);
    expect(new Set([a.json().id, b.json().id, c.json().id]).size).toBe(1);
    expect(await runsOf('FR-ENTITY')).toEqual([{ state: 'queued', n: 1 }]);
    await t.p.kernel.jobs.runDue();
    expect(await runsOf('FR-ENTITY')).toEqual([{ state: 'done', n: 1 }]);
    // Once it is done, a new request makes a new run.
    const again = await ask('FR-ENTITY');
    expect(again.json().id).not.toBe(a.json().id);
    expect(again.json().state).toBe('queued');
    await t.p.kernel.jobs.runDue();
  });

  it('refuses a body with unknown properties or of the wrong type, and queues nothing', async () => {
    for (const body of [{ force: true }, [], 'now', 42]) {
      const res = await ask('XY-CREDIT', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    expect(await runsOf('XY-CREDIT')).toEqual([]);
    expect((await ask('NO-SUCH-RESOURCE')).statusCode).toBe(404);
  });

  it('marks a run failed, with a bilingual reason, when its check cannot complete', async () => {
    const res = await ask('XY-CREDIT');
    await sql`ALTER TABLE data_credit RENAME TO data_credit_away`.execute(t.p.kernel.db);
    try {
      await t.p.kernel.jobs.runDue();
    } finally {
      await sql`ALTER TABLE data_credit_away RENAME TO data_credit`.execute(t.p.kernel.db);
    }
    const run = await follow(res.headers.location as string);
    expect(run).toMatchObject({ state: 'failed', score: null });
    expect(run.failure).toMatch(/检查未能完成.*could not be completed/);
    // A failed run is not open: the resource can be checked again.
    const again = await ask('XY-CREDIT');
    expect(again.json().id).not.toBe(run.id);
    await t.p.kernel.jobs.runDue();
    expect((await follow(again.headers.location as string)).state).toBe('done');
  });
});
