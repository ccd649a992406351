import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/index.ts';
import { startTestPlatform, type TestPlatform } from '../../testing/platform.ts';

// When every database connection is taken (by slow work, or by an attacker), requests must fail
// fast and clearly, and the readiness probe must say why, while liveness stays up (issue 15, item 1).
describe('an exhausted connection pool', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform({ dbAcquireTimeoutMs: 300, readyTimeoutMs: 200 });
  });
  afterAll(() => t.close());

  /** Takes every connection (8 on a PostgreSQL test pool, the one of PGlite) until `free()`. */
  async function takeEveryConnection() {
    let free!: () => void;
    const gate = new Promise<void>((r) => (free = r));
    const n = t.p.database.kind === 'postgres' ? 8 : 1;
    let taken = 0;
    const held = Array.from({ length: n }, () =>
      t.p.kernel.db.transaction().execute(async (trx) => {
        await sql`SELECT 1`.execute(trx);
        taken++;
        await gate;
      }),
    );
    while (taken < n) await new Promise((r) => setTimeout(r, 10));
    return async () => {
      free();
      await Promise.all(held);
    };
  }

  it('answers 503 DATABASE_BUSY and a not-ready /readyz with its reason, then recovers', async () => {
    const release = await takeEveryConnection();
    try {
      expect((await t.app.inject({ url: '/healthz' })).statusCode).toBe(200);
      const ready = await t.app.inject({ url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ status: 'not ready', database: false });
      expect(ready.json().reason).toMatch(/exhausted/);
      const signIn = await t.app.inject({ method: 'POST', url: '/api/identity/sessions', payload: { username: 'nobody', password: 'whatever-123' } });
      expect(signIn.statusCode).toBe(503);
      expect(signIn.json()).toMatchObject({ code: 'DATABASE_BUSY', status: 503 });
      expect(signIn.json().zh).toBeTruthy();
    } finally {
      await release();
    }
    expect((await t.app.inject({ url: '/readyz' })).statusCode).toBe(200);
  });
});
