import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage as openPage, platformInBrowser, seriousViolations, signIn as signInAt } from './browser.ts';
import { startServer } from './server.ts';

const ARTIFACTS = 'test/e2e/artifacts';

describe('staff queues by job', () => {
  const world = platformInBrowser(startServer);
  const newPage = (opts: { phone?: boolean } = {}) => openPage(world.browser, opts);
  const signIn = (page: Page, username: string, next: string) => signInAt(page, world.server.url, username, next);
  const shot = (page: Page, name: string) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    return page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
  };

  it('lands the window clerk on 待受理 with a count, finds an application by the applicant’s name and claims it; the approver sees 待决定 and no 待受理', async () => {
    const clerk = await newPage();
    await signIn(clerk, 'window01', '/workbench');
    // The home names the role and the region, and counts the clerk's queue.
    await clerk.getByText('窗口工作人员').first().waitFor();
    await clerk.getByText('乌兰浩特市').first().waitFor();
    expect(await clerk.getByText('window_staff').count()).toBe(0);
    const tile = clerk.getByRole('link', { name: /^办件 待受理 \d+ 件$/ });
    await tile.waitFor();
    expect(Number((await tile.getAttribute('aria-label'))!.match(/(\d+) 件/)![1])).toBeGreaterThan(0);
    await tile.click();
    const rows = clerk.locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    // Only applications waiting for acceptance: nothing closed, nothing in another step.
    expect(
      await clerk
        .locator('tbody')
        .getByText(/已办结|已出件|不予受理|已撤回|审查中/)
        .count(),
    ).toBe(0);
    const name = (await rows.first().locator('td').nth(3).textContent())!.trim();
    await clerk.getByLabel('按编号、申请人姓名搜索').fill(name.slice(0, 2));
    await clerk.getByLabel('按编号、申请人姓名搜索').press('Enter');
    await rows.first().getByText(name).waitFor();
    expect(await seriousViolations(clerk)).toEqual([]);
    await shot(clerk, 'workbench-queue-1280x900');
    await rows
      .first()
      .getByRole('button', { name: /^认\s*领$/ })
      .click();
    await clerk.getByText('已认领').first().waitFor();
    await rows
      .first()
      .getByRole('button', { name: /^释\s*放$/ })
      .waitFor();
    await rows.first().getByText('李娜').waitFor();

    const approver = await newPage({ phone: true });
    await signIn(approver, 'approver.scjg', '/workbench/services');
    const tabs = approver.locator('.ant-segmented').first();
    await tabs.getByText('待决定').waitFor();
    expect(await tabs.getByText('待受理').count()).toBe(0);
    await tabs.getByText('待决定').click();
    await approver.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await approver.locator('tbody').getByText('待受理').count()).toBe(0);
    expect(await seriousViolations(approver)).toEqual([]);
    await shot(approver, 'workbench-queue-390x844');
  });

  it('gives the 12345 centre its 待回访 queue, where the agent reveals the caller’s number for the visit back', async () => {
    const agent = await newPage();
    await signIn(agent, 'hotline01', '/workbench');
    await agent.getByText('12345话务员').first().waitFor();
    const tile = agent.getByRole('link', { name: /^12345工单 待回访 \d+ 件$/ });
    await tile.waitFor();
    await tile.click();
    const first = agent.locator('tbody tr.ant-table-row').first();
    await first.waitFor();
    expect(
      await agent
        .locator('tbody')
        .getByText(/已办结|待签收/)
        .count(),
    ).toBe(0);
    await first.getByRole('link').first().click();
    await agent.getByText('待回访').first().waitFor();
    await agent
      .getByText(/1\d{2}\*{4}\d{4}/)
      .first()
      .waitFor();
    await agent.getByRole('button', { name: '查看完整号码' }).click();
    await agent.getByText(/完整号码：1\d{10}/).waitFor();
    expect(await seriousViolations(agent)).toEqual([]);
  });
});
