import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../testing/multipart.ts';
import { samplePdf } from '../../testing/samples.ts';
import { bearer, department, staffToken, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';

/** Cross-site request forgery: another site's page making the signed-in browser write. */
describe('cookie-authenticated writes from other origins', () => {
  let t: TestPlatform;
  let token = '';
  const PUBLIC = 'https://gov.example';
  const pdf = samplePdf();
  beforeAll(async () => {
    t = await startTestPlatform({ publicUrl: PUBLIC });
    token = await staffToken(t, ['grid_worker'], (await department(t)).id);
  });
  afterAll(() => t.close());

  const stored = async () => (await t.p.kernel.db.selectFrom('kernel_file').select('id').execute()).length;
  const upload = (headers: Record<string, string>) => {
    const req = multipart('材料.pdf', 'application/pdf', pdf);
    return t.app.inject({ method: 'POST', url: '/api/files', payload: req.payload, headers: { ...req.headers, ...headers } });
  };

  it('refuses an upload with the session cookie from another origin, storing nothing', async () => {
    const before = await stored();
    const res = await upload({ cookie: `yw_session=${token}`, origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'CROSS_SITE_REQUEST', zh: expect.any(String), en: expect.any(String) });
    expect(await stored()).toBe(before);
  });

  it('refuses by Referer when Origin is missing, and an opaque "null" origin', async () => {
    expect((await upload({ cookie: `yw_session=${token}`, referer: 'https://gov.example.evil.example/page' })).statusCode).toBe(403);
    expect((await upload({ cookie: `yw_session=${token}`, origin: 'null' })).statusCode).toBe(403);
    const signOut = await t.app.inject({ method: 'DELETE', url: '/api/identity/sessions/current', headers: { cookie: `yw_session=${token}`, origin: 'http://gov.example' } });
    expect(signOut.json().code).toBe('CROSS_SITE_REQUEST');
  });

  it("accepts the platform's own pages, Bearer clients from anywhere, and tools that send no origin", async () => {
    expect((await upload({ cookie: `yw_session=${token}`, origin: PUBLIC })).statusCode).toBe(201);
    expect((await upload({ cookie: `yw_session=${token}`, referer: `${PUBLIC}/workbench/cases` })).statusCode).toBe(201);
    expect((await upload({ ...bearer(token), cookie: `yw_session=${token}`, origin: 'https://evil.example' })).statusCode).toBe(201);
    expect((await upload({ cookie: `yw_session=${token}` })).statusCode).toBe(201);
    // Reading is never refused: a cross-site GET cannot change anything.
    const me = await t.app.inject({ url: '/api/identity/me', headers: { cookie: `yw_session=${token}`, origin: 'https://evil.example' } });
    expect(me.statusCode).toBe(200);
  });

  it("leaves the OIDC provider's own form posts to its protocol checks", async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/oidc/token',
      headers: { cookie: `yw_session=${token}`, origin: 'https://rp.example', 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'grant_type=client_credentials',
    });
    expect(res.statusCode).not.toBe(403);
    expect(res.json().error).toMatch(/^invalid_/);
  });
});
