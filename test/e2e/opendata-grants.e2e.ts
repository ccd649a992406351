import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage as openPage, platformInBrowser, seriousViolations, signIn as signInAt } from './browser.ts';
import { startServer } from './server.ts';

const ARTIFACTS = 'test/e2e/artifacts';
const DATASET = 'fr-entity';
const APPROVED = ['creditCode', 'name', 'legalRepIdNumber'];

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
const json = <T>(page: Page, path: string) => page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;

describe('有条件开放 in the browser: apply and sign, the provider and the bureau approve, the applicant calls the gateway', () => {
  const world = platformInBrowser(startServer);
  const newPage = (opts: { phone?: boolean } = {}) => openPage(world.browser, opts);
  const shot = (page: Page, name: string) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    return page.screenshot({ path: `${ARTIFACTS}/opendata-grants-${name}.png`, fullPage: true });
  };

  it('citizen01 applies and signs on a phone; steward.scjg and data01 approve; the credentials reach only the approved items', async () => {
    const base = world.server.url;
    // 1. citizen01 applies for 法人基础信息 on the dataset page, on a phone.
    const applicant = await newPage({ phone: true });
    await signInAt(applicant, base, 'citizen01', `/opendata/datasets/${DATASET}`);
    const card = applicant.locator('[data-testid="odgrant-apply"]');
    await card.waitFor();
    await card.getByRole('button', { name: '填写申请' }).click();
    for (const code of APPROVED) await applicant.locator(`[data-testid="odgrant-item-${code}"]`).check();
    await applicant.getByLabel('使用目的').fill('供应链合作企业准入核验：核对登记状态与法定代表人信息');
    await applicant.getByLabel('安全保障措施').fill('专人专机调用，访问日志留存，加密存储，期满删除');
    await applicant.getByLabel('联系电话').fill('0482-8226000');
    expect(await sideways(applicant)).toBeLessThanOrEqual(1);
    expect(await seriousViolations(applicant)).toEqual([]);
    await shot(applicant, 'apply-390x844');
    await applicant.getByRole('button', { name: '生成数据利用协议' }).click();
    await applicant.waitForURL(/\/opendata\/applications\/[0-9a-f-]{36}$/);
    const id = applicant.url().split('/').pop()!;

    // 2. The agreement names the items; signing takes the applicant's own name; then submit.
    const agreement = applicant.locator('[data-testid="odgrant-agreement"]');
    await agreement.getByText('法定代表人身份号码（legalRepIdNumber）', { exact: false }).waitFor();
    const me = await json<{ name: string }>(applicant, '/api/identity/me');
    await applicant.locator('[data-testid="odgrant-agree"]').check();
    await applicant.getByLabel('请输入您的姓名以签署').fill(me.name);
    await applicant.getByRole('button', { name: '签署协议' }).click();
    await applicant.getByText(`${me.name} 于`, { exact: false }).waitFor();
    await applicant.getByRole('button', { name: '提交申请' }).click();
    await applicant.locator('[data-testid="odgrant-state"]', { hasText: '待提供部门审核' }).waitFor();
    expect(await sideways(applicant)).toBeLessThanOrEqual(1);
    expect(await seriousViolations(applicant)).toEqual([]);
    await shot(applicant, 'signed-390x844');
    const { number } = await json<{ number: string }>(applicant, `/api/opendata/applications/${id}`);

    // 3. The provider's 数据专员, then the data bureau, approve from their queues.
    for (const [user, next] of [
      ['steward.scjg', '待数据主管部门审核'],
      ['data01', '已批准'],
    ] as const) {
      const staff = await newPage();
      await signInAt(staff, base, user, '/workbench/opendata/applications');
      await staff.locator('[data-testid="odgrant-app-link"]', { hasText: number }).click();
      await staff.getByLabel('审核意见').fill('用途明确，数据项必要，同意。');
      expect(await seriousViolations(staff)).toEqual([]);
      await staff.getByRole('button', { name: '同意', exact: true }).click();
      await staff.locator('[data-testid="odgrant-state"]', { hasText: next }).waitFor();
      await shot(staff, `${user}-approved`);
      await staff.context().close();
    }

    // 4. The applicant collects the credentials once and sees how to call the gateway.
    await applicant.reload();
    await applicant.locator('[data-testid="odgrant-state"]', { hasText: '已批准' }).waitFor();
    await applicant.getByRole('button', { name: '领取凭据' }).click();
    const clientId = (await applicant.locator('[data-testid="odgrant-client-id"]').innerText()).trim();
    const secret = (await applicant.locator('[data-testid="odgrant-client-secret"]').innerText()).trim();
    await applicant.getByText('只显示这一次', { exact: false }).waitFor();
    expect(await sideways(applicant)).toBeLessThanOrEqual(1);
    expect(await seriousViolations(applicant)).toEqual([]);
    await shot(applicant, 'credentials-390x844');

    // 5. From outside the browser: a client-credentials token, then the gateway gives only the approved items, the L4 one masked.
    const tokenRes = await fetch(`${base}/oidc/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&scope=data.gateway',
    });
    expect(tokenRes.status).toBe(200);
    const token = ((await tokenRes.json()) as { access_token: string }).access_token;
    const call = (body: unknown) =>
      fetch(`${base}/api/gateway/v1/FR-ENTITY/query`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const page = await call({ limit: 20 });
    expect(page.status).toBe(200);
    const rows = ((await page.json()) as { rows: Record<string, unknown>[] }).rows;
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(
        Object.keys(r)
          .filter((k) => !k.startsWith('_'))
          .sort(),
      ).toEqual([...APPROVED].sort());
      expect(String(r.legalRepIdNumber)).toMatch(/\*/);
    }
    expect((await call({ items: ['address'] })).status).toBeGreaterThanOrEqual(400);
  });
});
