import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage as openPage, platformInBrowser, seriousViolations, signIn as signInAt } from './browser.ts';
import { startServer } from './server.ts';

const ARTIFACTS = 'test/e2e/artifacts';
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('双随机 in the browser: a regulator draws a committed plan and the public check page recomputes it', () => {
  const world = platformInBrowser(startServer);
  const shot = (page: Page, name: string) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    return page.screenshot({ path: `${ARTIFACTS}/regulation-draw-${name}.png`, fullPage: true });
  };

  /** regulator01 over the API: a plan of their department committed on a seed known a few seconds later. */
  async function committedPlan(): Promise<string> {
    const base = world.server.url;
    const session = await fetch(`${base}/api/identity/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'regulator01', password: 'Yiwang2026demo' }),
    });
    const { token } = (await session.json()) as { token: string };
    const as = (path: string, body?: unknown) =>
      fetch(`${base}${path}`, {
        method: body ? 'POST' : 'GET',
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      }).then(async (r) => {
        const json = await r.json();
        if (!r.ok) throw new Error(`${path}: ${JSON.stringify(json)}`);
        return json;
      });
    const me = await as('/api/identity/me');
    const items = (await as(`/api/regulation/items?randomCheck=true&department=${me.departmentId}&limit=100`)).items as { id: string; code: string }[];
    const year = new Date().getFullYear();
    const plan = await as('/api/regulation/plans', {
      name: '浏览器测试：食品经营者抽查',
      year,
      batch: 9,
      checkType: 'undirected',
      itemIds: [items.find((x) => x.code === 'JG-SCJG-0002')?.id ?? items[0].id],
      scope: { regionCodes: ['152201'], industries: ['食品经营'] },
      startsOn: `${year}-12-01`,
      endsOn: `${year}-12-31`,
      leadDepartmentId: me.departmentId,
      rates: { A: { percent: 10, min: 1 }, B: { percent: 20, min: 1 }, C: { percent: 50 }, D: { percent: 100 } },
      inspectorsPerObject: 2,
    });
    await as(`/api/regulation/plans/${plan.id}/commit`, {
      seedSources: [{ name: '中国福利彩票双色球开奖号码（红球6个、蓝球1个）', count: 7 }],
      seedAvailableAt: new Date(Date.now() + 3000).toISOString(),
    });
    return plan.id;
  }

  it('regulator01 enters the published numbers and draws; the public page shows 一致 on a phone', async () => {
    const id = await committedPlan();
    const desk = await openPage(world.browser);
    // Signing in takes longer than the three seconds until the numbers are "published".
    await signInAt(desk, world.server.url, 'regulator01', `/workbench/regulation/plans/${id}`);
    await desk.getByRole('heading', { name: '浏览器测试：食品经营者抽查' }).waitFor();
    await desk.getByTestId('regdraw-values-0').fill('5 11 17 23 28 32 9');
    await desk.getByTestId('regdraw-draw').click();
    await desk.getByTestId('regdraw-plan-state').filter({ hasText: '已抽取并公布' }).waitFor();
    await desk.getByText('生成的检查任务').waitFor();
    expect(await seriousViolations(desk)).toEqual([]);
    await shot(desk, 'plan');

    // Anyone, on a phone, no sign-in: the page recomputes the draw in the browser.
    const phone = await openPage(world.browser, { phone: true });
    await phone.goto(`${world.server.url}/supervision/draws/${id}`);
    const verdict = phone.getByTestId('regdraw-verdict');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-verdict')).toBe('match');
    await verdict.getByText('一致', { exact: true }).waitFor();
    expect(await phone.getByTestId('regdraw-drawn').count()).toBeGreaterThan(0);
    await phone.getByRole('button', { name: '请服务器也重算一次' }).click();
    await phone.getByTestId('regdraw-server-verdict').filter({ hasText: '一致' }).waitFor();
    expect(await sideways(phone)).toBeLessThanOrEqual(1);
    expect(await seriousViolations(phone)).toEqual([]);
    await shot(phone, 'check-390x844');
  });
});
