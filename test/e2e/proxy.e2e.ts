import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, ssoPassword } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';
import { freePort } from '../../src/testing/ports.ts';
import { startTlsProxy, type TlsProxy } from './tls-proxy.ts';

/**
 * The platform as an installation runs it: nginx terminates TLS (self-signed certificate) and speaks
 * plain http to the platform, which trusts only that proxy's forwarded headers.
 */
describe('the platform behind a TLS-terminating proxy', () => {
  let server: RunningServer;
  let proxy: TlsProxy;
  let browser: Browser;
  beforeAll(async () => {
    const port = await freePort();
    server = await startServer({ PUBLIC_URL: `https://127.0.0.1:${port}`, YIWANG_TRUST_PROXY: 'loopback' });
    proxy = await startTlsProxy(port, server.port);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await proxy?.stop();
    await server?.stop();
  });

  const newPage = async (): Promise<Page> => (await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 } })).newPage();

  it('signs a staff member in through SSO over https and reaches the workbench', async () => {
    const page = await newPage();
    await page.goto(`${proxy.url}/workbench`);
    await ssoPassword(page, 'window01');
    await page.waitForURL((u) => u.origin === proxy.url && u.pathname === '/workbench');
    await page.getByRole('heading', { name: '您好，李娜' }).waitFor();
    const cookies = await page.context().cookies(proxy.url);
    expect(cookies.find((c) => c.name === 'yw_session')?.secure).toBe(true);
    // The page's own writes pass the same-origin check through the proxy.
    const signedOut = await page.evaluate(async () => (await fetch('/api/identity/sessions/current', { method: 'DELETE' })).status);
    expect(signedOut).toBe(204);
  });

  it('publishes https endpoints under the https issuer, sends HSTS, and keeps /metrics from forwarded clients', async () => {
    const page = await newPage();
    const discovery = await page.request.get(`${proxy.url}/oidc/.well-known/openid-configuration`);
    const meta = await discovery.json();
    expect(meta.issuer).toBe(`${proxy.url}/oidc`);
    expect(meta.token_endpoint).toBe(`${proxy.url}/oidc/token`);
    const health = await page.request.get(`${proxy.url}/healthz`);
    expect(health.headers()['strict-transport-security']).toMatch(/max-age=/);
    expect((await page.request.get(`${proxy.url}/metrics`)).status()).toBe(403);
    // Straight to the platform's own port (no proxy, plain http): no HSTS.
    const direct = await fetch(`${server.url}/healthz`);
    expect(direct.headers.get('strict-transport-security')).toBeNull();
  });
});
