import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, personToken, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';

/* The portal's 消息 page reads these routes: a person's own notices, unread first, marked read once. */

let t: TestPlatform;
let ann: { token: string; accountId: string };
let bob: { token: string; accountId: string };

const get = (url: string, token?: string) => t.app.inject({ url, headers: token ? bearer(token) : {} });
const post = (url: string, token?: string, payload?: object) => t.app.inject({ method: 'POST', url, headers: token ? bearer(token) : {}, ...(payload ? { payload } : {}) });
const tell = (recipientId: string, title: string) =>
  t.p.kernel.db.transaction().execute((trx) => t.p.kernel.notify.notify(trx, { regionCode: '152201', recipientId, title, body: `${title}：详见办件`, link: '/applications' }));

beforeAll(async () => {
  t = await startTestPlatform();
  ann = await personToken(t);
  bob = await personToken(t);
});
afterAll(() => t.close());

describe('a person’s inbox', () => {
  it('lists unread messages first, counts them, and marks one and then all read, each in the audit ledger', async () => {
    const first = await tell(ann.accountId, '申请已提交');
    t.clock.advance(60_000);
    await tell(ann.accountId, '受理');
    t.clock.advance(60_000);
    await tell(ann.accountId, '准予许可');
    expect((await get('/api/notifications/unread-count', ann.token)).json()).toEqual({ count: 3 });

    // Reading the oldest moves it below the two still unread.
    expect((await post(`/api/notifications/${first}/read`, ann.token)).statusCode).toBe(204);
    const inbox = (await get('/api/notifications', ann.token)).json() as { id: string; title: string; readAt: string | null }[];
    expect(inbox.map((n) => [n.title, n.readAt === null])).toEqual([
      ['准予许可', true],
      ['受理', true],
      ['申请已提交', false],
    ]);
    expect((await get('/api/notifications?unread=true&limit=1', ann.token)).json().map((n: { title: string }) => n.title)).toEqual(['准予许可']);
    // A second tap on a message already read changes nothing and is not an error.
    expect((await post(`/api/notifications/${first}/read`, ann.token)).statusCode).toBe(204);

    const all = await post('/api/notifications/read-all', ann.token);
    expect(all.json()).toEqual({ count: 2 });
    expect((await get('/api/notifications/unread-count', ann.token)).json()).toEqual({ count: 0 });
    const audited = await t.p.kernel.db.selectFrom('kernel_audit_entry').select(['action', 'actor_id']).where('object_type', '=', 'kernel.notification').orderBy('id').execute();
    expect(audited).toEqual([
      { action: 'read', actor_id: ann.accountId },
      { action: 'read-all', actor_id: ann.accountId },
    ]);
  });

  it('shows nobody another person’s messages, and lets nobody else mark them read', async () => {
    const id = await tell(ann.accountId, '补正通知');
    expect((await get('/api/notifications', bob.token)).json()).toEqual([]);
    expect((await get('/api/notifications/unread-count', bob.token)).json()).toEqual({ count: 0 });
    const stolen = await post(`/api/notifications/${id}/read`, bob.token);
    expect(stolen.statusCode).toBe(404);
    expect(stolen.json()).toMatchObject({ code: 'NOT_FOUND', zh: expect.any(String), en: expect.any(String) });
    expect((await post('/api/notifications/read-all', bob.token)).json()).toEqual({ count: 0 });
    expect((await get('/api/notifications?unread=true', ann.token)).json().map((n: { id: string }) => n.id)).toEqual([id]);
  });

  it('refuses a visitor, a malformed id, an out-of-range limit and an unknown parameter with bilingual problems', async () => {
    for (const r of [await get('/api/notifications'), await get('/api/notifications/unread-count'), await post('/api/notifications/read-all')]) {
      expect(r.statusCode).toBe(401);
      expect(r.json()).toMatchObject({ status: 401, zh: expect.any(String), en: expect.any(String) });
    }
    for (const r of [
      await post('/api/notifications/not-a-uuid/read', ann.token),
      await get('/api/notifications?limit=0', ann.token),
      await get('/api/notifications?limit=101', ann.token),
      await get('/api/notifications?limit=ten', ann.token),
      await get('/api/notifications?unread=maybe', ann.token),
      await get('/api/notifications?recipient=someone', ann.token),
    ]) {
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json()).toMatchObject({ status: 400, zh: expect.any(String), en: expect.any(String) });
    }
  });
});
