import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage as openPage, platformInBrowser, seriousViolations, signIn as signInAt } from './browser.ts';
import { startServer } from './server.ts';

describe('12345 in a browser', () => {
  const world = platformInBrowser(startServer);
  const newPage = (opts: { phone?: boolean } = {}) => openPage(world.browser, opts);
  const signIn = (page: Page, username: string, next: string) => signInAt(page, world.server.url, username, next);
  /** Clicks an action on a case page, fills its dialog and confirms; waits for the dialog to close. */
  const step = async (page: Page, action: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) => {
    await page.getByRole('button', { name: new RegExp(`^${action.split('').join('\\s*')}$`) }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    if (fill) await fill(dialog);
    await dialog.getByRole('button', { name: /^确\s*定$/ }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
  };

  it('takes a call in the agent console, dispatches it to a street, which signs, replies, and the centre visits back and closes it', async () => {
    const agent = await newPage();
    await signIn(agent, 'hotline01', '/workbench/hotline');
    await agent.getByLabel('来电号码').fill('13904826666');
    await agent.getByLabel('来电人', { exact: true }).fill('王女士');
    await agent.getByLabel('诉求内容').fill('万佳社区3号楼门前垃圾堆放了三天没人清运，气味很大，希望尽快处理');
    await agent.getByLabel('地址', { exact: true }).fill('万佳社区3号楼');
    // The map starts on the urban streets; its centre lies in 爱国街道.
    await agent.getByRole('region', { name: /街道与网格/ }).click();
    await agent.getByText(/已标注/).waitFor();
    await agent.screenshot({ path: 'test/e2e/artifacts/map-hotline-1280.png', fullPage: true });
    // Suggestions come while typing: the category and the street office of the marked place.
    await agent.getByText('爱国街道办事处').first().waitFor({ timeout: 20_000 });
    expect(await seriousViolations(agent)).toEqual([]);
    await agent.getByRole('button', { name: '登记工单' }).click();
    const registered = agent.getByText(/已登记工单 152201-GD-\d{8}-\d{6}/);
    await registered.waitFor();
    const number = (await registered.textContent())!.match(/152201-GD-\d{8}-\d{6}/)![0];
    await agent.getByRole('button', { name: '派往 爱国街道办事处' }).first().click();
    await agent.getByText('已办理').first().waitFor();

    const street = await newPage();
    await signIn(street, 'handler.aiguo', '/workbench/cases');
    await street.getByRole('link', { name: number }).click();
    await street.getByRole('heading', { level: 1, name: `工单 ${number}` }).waitFor();
    await street.getByText('待签收').first().waitFor();
    await step(street, '签收');
    await street.getByText('办理中').first().waitFor();
    await step(street, '办结反馈', (d) => d.getByLabel('办理结果').fill('已协调环卫所清运完毕，并增设分类垃圾桶两个'));
    await street.getByText('待回访').first().waitFor();
    expect(await seriousViolations(street)).toEqual([]);

    await agent.goto(`${street.url().replace(/^https?:\/\/[^/]+/, world.server.url)}`);
    await agent.getByText('待回访').first().waitFor();
    await step(agent, '回访办结', async (d) => {
      await d.getByRole('radio', { name: '是' }).check();
      await d.locator('.ant-rate-star').nth(4).click();
    });
    await agent.getByText('已办结').first().waitFor();
    await agent.getByText('已协调环卫所清运完毕').first().waitFor();
    expect(await agent.getByText('5/5').count()).toBeGreaterThan(0);
  });

  it('lets a resident report a problem on a phone with a map pin, and follow it under 我的诉求', async () => {
    const page = await newPage({ phone: true });
    await signIn(page, 'citizen01', '/cases/new');
    await page.getByLabel('诉求内容').fill('和平路口路灯连续三晚不亮，晚上走路看不见');
    // The names shown inside the map's frame (labels are never hover-only; overlapping ones are hidden).
    const namesInView = (kind: string) =>
      page.evaluate((kind) => {
        const frame = document.querySelector('.leaflet-container')!.getBoundingClientRect();
        return [...document.querySelectorAll<HTMLElement>(`.yw-map-label-${kind}`)]
          .filter((e) => e.style.visibility !== 'hidden')
          .map((e) => [e.textContent, e.firstElementChild!.getBoundingClientRect()] as const)
          .filter(([, r]) => r.left >= frame.left && r.right <= frame.right && r.top >= frame.top && r.bottom <= frame.bottom)
          .map(([name]) => name);
      }, kind);
    await expect.poll(() => namesInView('street')).toEqual(expect.arrayContaining(['爱国街道', '和平街道']));
    // The place by its standard address: the map flies there, pins it and names street, grid and address.
    await page.getByLabel('查找地址').fill('和平路12号');
    await page.locator('.ant-select-item-option', { hasText: /^乌兰浩特市和平街道和平路12号$/ }).click();
    const status = page.getByRole('status').filter({ hasText: '已标注' });
    await expect.poll(() => status.textContent()).toMatch(/^已标注：和平街道 · 第\d网格 · 和平路12号$/);
    expect(await page.getByLabel('地址', { exact: true }).inputValue()).toBe('乌兰浩特市和平街道和平路12号');
    await expect.poll(() => namesInView('road')).toContain('和平路');
    await page.screenshot({ path: 'test/e2e/artifacts/map-report-390.png', fullPage: true });
    // By keyboard: arrow keys move the map under the cross-hair, Enter marks the place there.
    await page.getByRole('region', { name: /街道与网格/ }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toMatch(/^已标注：和平街道 · 第\d网格$/);
    expect(await seriousViolations(page)).toEqual([]);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.getByRole('button', { name: /^提\s*交$/ }).click();
    const done = page.getByText(/已提交，工单编号 152201-GD-/);
    await done.waitFor();
    await page.goto(`${world.server.url}/cases`);
    await page.getByRole('heading', { level: 1, name: '我的诉求' }).waitFor();
    await page.getByText('待派单').first().waitFor();
  });

  it('shows the leader the analysis with charts and the heat map, and the board', async () => {
    const page = await newPage();
    await signIn(page, 'leader01', '/workbench/case-stats');
    await page.getByText('首推承办单位准确率').waitFor();
    await page.locator('canvas').first().waitFor();
    await page.locator('.leaflet-interactive').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: '督办看板' }).click();
    await page.getByText('在办总数').waitFor();
    await page.goto(`${world.server.url}/screen`);
    // The command screen shows the same supervision figures and the heat of cases on its map.
    await page.getByRole('region', { name: '预警与督办', exact: true }).waitFor();
    await page.locator('.leaflet-interactive').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lets a grid worker report from a phone with the place marked', async () => {
    const page = await newPage({ phone: true });
    await signIn(page, 'grid.aiguo', '/workbench/report');
    await page.getByLabel('诉求内容').fill('巡查发现春阳社区北门井盖破损下陷');
    await page.getByRole('region', { name: /街道与网格/ }).click();
    await page.getByText(/^已标注：爱国街道 · 第\d网格$/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole('button', { name: /^提\s*交$/ }).click();
    await page.getByText(/已提交，工单编号 152201-GD-/).waitFor();
  });

  it('lets a region admin add a category and who handles it, on a page that passes axe', async () => {
    const page = await newPage();
    await signIn(page, 'region.admin', '/admin/cases');
    await page.getByRole('heading', { level: 2, name: '权责清单' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const save = async () => {
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
      await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
    };
    await page.getByRole('button', { name: '新增分类' }).click();
    await page.getByLabel('分类编码').fill('010105');
    await page.getByLabel('分类名称').fill('共享单车乱停放');
    await save();
    await page.getByRole('button', { name: '新增权责条目' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('分类', { exact: true }).fill('共享单车');
    await page.keyboard.press('Enter');
    await dialog.getByLabel('层级').click();
    await page.getByTitle('职能部门').click();
    await dialog.getByLabel('承办单位').fill('城市管理综合执法');
    await page.keyboard.press('Enter');
    await dialog.getByLabel('关键词（逗号分隔）').fill('共享单车，乱停');
    await save();
    await page
      .getByRole('cell', { name: /共享单车乱停放/ })
      .first()
      .waitFor();
    await page.getByText('乱停', { exact: true }).waitFor();
  });
});
