import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage as openPage, platformInBrowser, seriousViolations, signIn as signInAt } from './browser.ts';
import { startServer } from './server.ts';

const ARTIFACTS = 'test/e2e/artifacts';
const PAGE = '/workbench/regulation/credit';

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('信用分类 in the browser: the demo region’s classes, one entity’s reasons, the indicators', () => {
  const world = platformInBrowser(startServer);
  const shot = (page: Page, name: string) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    return page.screenshot({ path: `${ARTIFACTS}/regulation-credit-${name}.png`, fullPage: true });
  };

  it('shows regulator01 the seeded distribution with C and D entities, and one D entity’s reasons, on a phone', async () => {
    const page = await openPage(world.browser, { phone: true });
    await signInAt(page, world.server.url, 'regulator01', PAGE);
    // The chart's accessible name carries the figures; the seed's first monthly run left some D.
    const chart = page.getByRole('img', { name: /信用风险分类分布：共 \d+ 户/ });
    await chart.waitFor();
    const label = (await chart.getAttribute('aria-label'))!;
    expect(Number(/D 类 (\d+) 户/.exec(label)![1])).toBeGreaterThan(0);
    expect(await sideways(page)).toBeLessThanOrEqual(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'overview-390x844');

    // A D entity of the demo (found through the API as a user would through the profiles), looked up by code.
    const hits = (await (await page.request.get(`${world.server.url}/api/regulation/profiles?q=${encodeURIComponent('公司')}&limit=50`)).json()).items as { creditCode: string }[];
    let code: string | null = null;
    for (const h of hits) {
      const c = await (await page.request.get(`${world.server.url}/api/regulation/credit/entities/${h.creditCode}`)).json();
      if (c.current?.class === 'D') {
        code = h.creditCode;
        break;
      }
    }
    expect(code).toBeTruthy();
    await page.getByLabel('统一社会信用代码').fill(code!);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('D 信用风险高').first().waitFor();
    await page
      .getByText(/行政处罚|严重违法失信/)
      .first()
      .waitFor();
    await page
      .getByText(/月度分类/)
      .first()
      .waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'entity-390x844');
  });

  it('lets regulator01 read the indicators, and refuses a change that breaks the thresholds', async () => {
    const page = await openPage(world.browser);
    await signInAt(page, world.server.url, 'regulator01', `${PAGE}/indicators`);
    await page.getByLabel('A 类最低分').waitFor();
    expect(await page.getByLabel('A 类最低分').inputValue()).toBe('90');
    await page.getByLabel('B 类最低分').fill('95');
    await page.getByLabel('修改理由').fill('测试：分数线倒置');
    await page.getByRole('button', { name: '保存为新版本' }).click();
    await page.getByText(/信用分类指标配置有误/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'indicators');
  });
});
