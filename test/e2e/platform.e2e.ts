import fs from 'node:fs';
import path from 'node:path';
import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PEOPLE } from '../../seed/departments.ts';
import { samplePdf } from '../../src/testing/samples.ts';
import { newPage as openPage, platformInBrowser, seriousViolations, signIn as signInAt, ssoPassword } from './browser.ts';
import { startServer } from './server.ts';

describe('the platform in a browser', () => {
  const world = platformInBrowser(startServer);

  const demoPhone = async (username: string) => DEMO_PEOPLE.find((p) => p.username === username)!.phone;
  /** The lines the development sink has written so far (it stands in for the phones). */
  const outgoing = (): string[] => {
    const file = path.join(world.server.dataDir, 'outgoing-messages.txt');
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n') : [];
  };
  /**
   * The SMS code delivered to `phone` after line `since` of the sink. Only new lines count: the
   * seeded demo already sent citizen01 messages (notices, 告知书 numbers), and the code's own line
   * arrives from the outbox a moment after the page shows the countdown.
   */
  const smsCode = async (phone: string, since: number): Promise<string> => {
    for (let i = 0; i < 40; i++) {
      const hit = outgoing()
        .slice(since)
        .reverse()
        .find((l) => l.split('\t')[2] === phone && /验证码是 \d{6}，/.test(l));
      const code = hit?.match(/验证码是 (\d{6})，/)?.[1];
      if (code) return code;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`no SMS code delivered to ${phone}`);
  };
  const newPage = (opts: { phone?: boolean } = {}) => openPage(world.browser, opts);
  /** Saves a dialog form and waits for it to close; if it does not, says what the page showed. */
  const saveDialog = async (page: Page) => {
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
    try {
      await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
    } catch {
      const shown = await page.locator('.ant-form-item-explain-error, .ant-message-notice').allTextContents();
      throw new Error(`dialog did not close; page shows: ${shown.join(' | ') || '(nothing)'}`);
    }
  };
  const signIn = (page: Page, username: string, next = '/workbench') => signInAt(page, world.server.url, username, next);

  it('shows the public portal in Chinese with the streets of 乌兰浩特市, with no serious axe violations', async () => {
    const page = await newPage();
    await page.goto(world.server.url);
    await page.getByRole('heading', { level: 1, name: '乌兰浩特市政务服务网' }).waitFor();
    await page.getByText('爱国街道').waitFor();
    expect(await page.title()).toContain('乌兰浩特市政务服务网');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('switches to English and back', async () => {
    const CJK = /\p{Script=Han}/u;
    const page = await newPage();
    // In Chinese, the account page names sign-in factors and levels in words, never as codes.
    await signIn(page, 'citizen01', '/account');
    await page.getByRole('heading', { name: '账号与安全' }).waitFor();
    await page.getByText('二级：实名认证').waitFor();
    await page
      .getByText(/认证方式：密码/)
      .first()
      .waitFor();
    const account = await page.getByRole('main').innerText();
    expect(account.match(/\b(pwd|sms|otp|mfa|rec|L[1-4]|person|enterprise|legal_rep|agent|public)\b/g)).toBeNull();
    await page.goto(world.server.url);
    await page.getByRole('button', { name: '切换到英文' }).click();
    await page.getByRole('heading', { name: 'Ulanhot Government Services' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await seriousViolations(page)).toEqual([]);
    // In English, an item, its form's field labels and its materials read in English.
    const found = await page.evaluate(async () => (await (await fetch('/api/services/items?q=' + encodeURIComponent('个体工商户设立登记'))).json()) as { items: { id: string; name: string }[] });
    const id = found.items.find((i) => i.name === '个体工商户设立登记')!.id;
    await page.goto(`${world.server.url}/services/${id}`);
    await page.getByRole('heading', { level: 1, name: 'Registration of an individual business' }).waitFor();
    await page.goto(`${world.server.url}/services/${id}/apply`);
    // The known-values card (只填一次) may name the field too; the form's own label is the one meant.
    await page.locator('form').getByText('Trade name', { exact: true }).waitFor();
    const labels = await page.locator('form .ant-form-item-label label').allTextContents();
    expect(labels.length).toBeGreaterThan(1);
    expect(labels.filter((l) => CJK.test(l))).toEqual([]);
    await page.getByText('Proof of right to use the business premises', { exact: true }).waitFor();
    const materials = await page.locator('main strong').allTextContents();
    expect(materials.filter((m) => CJK.test(m))).toEqual([]);
    await page.screenshot({ path: 'test/e2e/artifacts/lang-apply-en.png', fullPage: true });
    await page.getByRole('button', { name: 'Switch to Chinese' }).click();
    await page.locator('form').getByText('字号名称', { exact: true }).waitFor();
    // A department's English name, as an administrator sees it in English.
    const admin = await newPage();
    await signIn(admin, 'admin', '/admin/departments');
    await admin.getByLabel('按名称筛选').fill('市场监督');
    await admin.getByLabel('按名称筛选').press('Enter');
    await admin.getByRole('cell', { name: '乌兰浩特市市场监督管理局', exact: true }).waitFor();
    await admin.getByRole('button', { name: '切换到英文' }).click();
    await admin.getByRole('cell', { name: 'Ulanhot Market Regulation Bureau', exact: true }).waitFor();
    await admin.getByRole('button', { name: 'Switch to Chinese' }).click();
    await admin.getByRole('cell', { name: '乌兰浩特市市场监督管理局', exact: true }).waitFor();
  });

  it('signs a staff member into the workbench through SSO, after refusing a wrong password with a visible message', async () => {
    const page = await newPage();
    await page.goto(`${world.server.url}/workbench`);
    await ssoPassword(page, 'window01', 'wrong-password-1');
    await page.getByRole('alert').getByText('用户名或密码错误').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('密码', { exact: true }).fill('Yiwang2026demo');
    await page
      .locator('form')
      .getByRole('button', { name: /^登\s*录$/ })
      .click();
    await page.waitForURL((u) => u.pathname === '/workbench');
    await page.getByRole('heading', { name: '您好，李娜' }).waitFor();
    await page.getByRole('heading', { name: '窗口身份核验（三级）' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('signs a citizen into the portal through SSO with an SMS code, and shows their account masked', async () => {
    const page = await newPage({ phone: true });
    await page.goto(`${world.server.url}/account`);
    await page.waitForURL(/\/signin\/interaction\//);
    await page.getByRole('tab', { name: '短信验证码登录' }).click();
    const phone = await demoPhone('citizen01');
    await page.getByLabel('手机号码').fill(phone);
    const since = outgoing().length;
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByRole('button', { name: /秒后重发/ }).waitFor();
    await page.getByRole('textbox', { name: '短信验证码' }).fill(await smsCode(phone, since));
    await page
      .getByRole('tabpanel')
      .getByRole('button', { name: /^登\s*录$/ })
      .click();
    await page.waitForURL((u) => u.pathname === '/account');
    await page.getByRole('heading', { name: '账号与安全' }).waitFor();
    await page.getByText('二级：实名认证').waitFor();
    await page.getByText(/^1522\*{10}\d{3}[\dX]$/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });

  it('registers a new person with an SMS code, who turns on an authenticator and then signs in with password and a recovery code', async () => {
    const page = await newPage();
    await page.goto(`${world.server.url}/register`);
    const phone = `1370000${String(Date.now() % 10000).padStart(4, '0')}`;
    await page.getByLabel('手机号码').fill(phone);
    const since = outgoing().length;
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByRole('button', { name: /秒后重发/ }).waitFor();
    await page.getByRole('textbox', { name: '短信验证码' }).fill(await smsCode(phone, since));
    await page.getByLabel('设置密码').fill('Register2026ok');
    expect(await seriousViolations(page)).toEqual([]);
    await page
      .getByRole('main')
      .getByRole('button', { name: /^注\s*册$/ })
      .click();
    await page.waitForURL((u) => u.pathname === '/account');
    await page.getByText('一级：手机验证').waitFor();
    await page.getByRole('heading', { name: '实名认证' }).waitFor();

    // Turn on the authenticator: scan (here: read) the key, confirm with a code, keep the recovery codes.
    await page.getByRole('button', { name: '开启动态口令' }).click();
    const secret = (await page.getByLabel('TOTP key').textContent())!.trim();
    await page.getByLabel('输入验证器显示的 6 位数字').fill(await generate({ secret }));
    await page.getByRole('button', { name: '确认开启' }).click();
    await page.getByText('恢复码（只显示这一次').waitFor();
    const recovery = (await page.locator('.yw-codes code').first().textContent())!.trim();
    expect(await seriousViolations(page)).toEqual([]);

    // Signing in now asks for the second factor; a recovery code answers it once.
    await page.getByRole('button', { name: '退出', exact: true }).click();
    await page.goto(`${world.server.url}/signin?next=/account`);
    await ssoPassword(page, phone, 'Register2026ok');
    await page.getByRole('heading', { name: '输入动态口令' }).waitFor();
    await page.getByLabel('动态口令或恢复码').fill(recovery);
    await page.getByRole('button', { name: /^验\s*证$/ }).click();
    await page.waitForURL((u) => u.pathname === '/account');
    await page.getByText('已开启，剩余恢复码 9 个。').waitFor();
  });

  it('asks for consent when a department system signs a person in, in Chinese', async () => {
    const page = await newPage();
    const params = new URLSearchParams({
      client_id: 'demo-rp',
      response_type: 'code',
      scope: 'openid profile enterprise',
      redirect_uri: 'http://127.0.0.1:3000/callback',
      state: 'e2e-state',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
    await page.goto(`${world.server.url}/oidc/auth?${params}`);
    await page.waitForURL(/\/signin\/interaction\//);
    // The sign-in page reads in English too, naming the department system.
    await page.getByRole('button', { name: '切换到英文' }).click();
    await page.getByRole('heading', { name: 'Unified sign-in' }).waitFor();
    await page.getByText('Signing in to: Example relying party').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Switch to Chinese' }).click();
    await ssoPassword(page, 'qiye01');
    await page.getByRole('heading', { name: '授权确认' }).waitFor();
    await page.getByText('“示例接入系统” 请求获取以下信息：').waitFor();
    await page.getByText('您代表的企业').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('radio', { name: /乌兰浩特市/ }).check();
    // Nothing listens at the example RP's address: the browser's request to it is the proof.
    const back = page.waitForRequest((r) => r.url().startsWith('http://127.0.0.1:3000/callback'));
    await page.getByRole('button', { name: '同意并继续' }).click();
    const url = new URL((await back).url());
    expect(url.searchParams.get('code')).toBeTruthy();
    expect(url.searchParams.get('state')).toBe('e2e-state');
  });

  it('lets an admin add a department and see it listed; the admin page passes axe', async () => {
    const page = await newPage();
    await signIn(page, 'admin');
    await page.goto(`${world.server.url}/admin/departments`);
    await page.getByRole('cell', { name: '乌兰浩特市教育局' }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '新增部门' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称', { exact: true }).fill('乌兰浩特市数字化改革专班');
    await dialog.getByLabel('编码').fill('SZHGG');
    await saveDialog(page);
    await page.getByRole('cell', { name: '乌兰浩特市数字化改革专班' }).first().waitFor();
    await page.reload();
    await page.getByRole('cell', { name: '乌兰浩特市数字化改革专班' }).first().waitFor();
    await page.getByRole('button', { name: '编辑 乌兰浩特市数字化改革专班' }).click();
    const edit = page.getByRole('dialog');
    await edit.getByLabel('名称', { exact: true }).fill('乌兰浩特市数字政府建设专班');
    await saveDialog(page);
    await page.getByRole('cell', { name: '乌兰浩特市数字政府建设专班' }).first().waitFor();
  });

  it('lets an admin add a staff member who can then sign in, and deactivate them', async () => {
    const page = await newPage();
    await signIn(page, 'admin');
    await page.goto(`${world.server.url}/admin/staff`);
    await page.getByRole('button', { name: '新增工作人员' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称', { exact: true }).fill('萨仁高娃');
    await dialog.getByLabel('部门').fill('教育局');
    await page.locator('.ant-select-item-option[title="乌兰浩特市教育局"]').click();
    await dialog.locator('.ant-modal-title').click();
    await dialog.getByLabel('工号').fill('JYJ001');
    await dialog.getByLabel('角色').click();
    await page.locator('.ant-select-item-option[title="审批人员"]').click();
    await dialog.locator('.ant-modal-title').click();
    await dialog.getByLabel('登录用户名').fill('saren.gaowa');
    await dialog.getByLabel('初始密码').fill('Saren2026edu');
    await saveDialog(page);
    await page.getByRole('cell', { name: '萨仁高娃' }).first().waitFor();
    const other = await newPage();
    await other.goto(`${world.server.url}/signin?next=/workbench`);
    await ssoPassword(other, 'saren.gaowa', 'Saren2026edu');
    await other.getByRole('heading', { name: '您好，萨仁高娃' }).waitFor();
    await page.getByRole('button', { name: '停用 萨仁高娃' }).click();
    await page.getByRole('button', { name: '启用 萨仁高娃' }).waitFor();
  });

  it('shows the calendar warning for a year not yet loaded and lists the staff with masked phones', async () => {
    const page = await newPage();
    await signIn(page, 'admin');
    await page.goto(`${world.server.url}/admin/calendar`);
    await page.getByRole('cell', { name: '春节' }).first().waitFor();
    const next = new Date().getFullYear() + 1;
    await page
      .getByRole('alert')
      .filter({ hasText: `${next} 年节假日安排尚未载入` })
      .waitFor();
    await page.goto(`${world.server.url}/admin/staff`);
    await page.getByRole('cell', { name: '包晓峰' }).first().waitFor();
    const phones = await page
      .locator('td')
      .filter({ hasText: /^1\d{2}\*{4}\d{4}$/ })
      .count();
    expect(phones).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('works on a phone in elderly mode: larger type, nothing wider than the screen', async () => {
    const page = await newPage({ phone: true });
    await page.goto(world.server.url);
    const before = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    await page.getByRole('switch', { name: '长辈模式' }).click();
    const after = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(after).toBeGreaterThan(before);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lets the platform admin register a department system for SSO and see its secret once, and edit a staff member’s roles', async () => {
    const page = await newPage();
    await signIn(page, 'admin', '/admin/clients');
    await page.getByRole('cell', { name: 'demo-rp', exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '登记应用' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('应用标识').fill('gaj-case');
    await dialog.getByLabel('名称', { exact: true }).fill('公安局案件系统');
    await dialog.getByLabel('回调地址（每行一个）', { exact: true }).fill('https://gaj.example.gov.cn/oidc/callback');
    await saveDialog(page);
    await page.getByRole('cell', { name: 'gaj-case', exact: true }).waitFor();
    await page.getByText('密钥只显示这一次').waitFor();
    await page.getByRole('button', { name: '轮换签名密钥' }).click();
    await page.getByText('仅验证').waitFor();

    await page.goto(`${world.server.url}/admin/staff`);
    await page.getByRole('button', { name: '编辑角色 赵敏' }).click();
    const roles = page.getByRole('dialog');
    await roles.getByLabel('角色').click();
    await page.locator('.ant-select-item-option[title="窗口工作人员"]').click();
    // Save only once the choice shows in the field (a save racing the select would keep the old roles).
    await roles.locator('.ant-select-selection-item', { hasText: '窗口工作人员' }).waitFor();
    await roles.locator('.ant-modal-title').click();
    await saveDialog(page);
    await page.getByRole('row', { name: /赵敏/ }).getByText('窗口工作人员').waitFor();
  });

  it('serves the browsable OpenAPI page listing the module routes', async () => {
    const page = await newPage();
    await page.goto(`${world.server.url}/api/docs`);
    await page.getByText('/api/org/departments', { exact: true }).first().waitFor();
    await page.getByText('OAS 3.1').waitFor();
  });

  it('sends a visitor of a staff page to sign-in and back, and the command screen draws its chart for a leader', async () => {
    const page = await newPage();
    await page.goto(`${world.server.url}/screen`);
    await ssoPassword(page, 'leader01');
    await page.waitForURL((u) => u.pathname === '/screen');
    await page.getByRole('heading', { level: 1, name: /一屏统览/ }).waitFor();
    await page.locator('.scr-chart canvas').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
  it('takes a citizen from a Chinese search to a delivered, rated application, through the window and the approver', async () => {
    const citizen = await newPage();
    await signIn(citizen, 'citizen01', '/services');
    await citizen.getByRole('searchbox', { name: '搜索事项' }).fill('个体工商户');
    await citizen.getByRole('searchbox', { name: '搜索事项' }).press('Enter');
    await citizen.getByRole('link', { name: '个体工商户设立登记' }).click();
    await citizen.getByRole('heading', { level: 1, name: '个体工商户设立登记' }).waitFor();
    expect(await seriousViolations(citizen)).toEqual([]);
    await citizen.getByRole('button', { name: '在线申请' }).click();
    // What the platform knows is shown, masked, with its source, instead of asked (只填一次).
    await citizen.getByText('平台已掌握的信息（请核对）').waitFor();
    await citizen.getByText('来自 统一身份认证').first().waitFor();
    await citizen.getByText(/^1522\*+\d{3}[0-9X]$/).waitFor();
    // A form failing its schema is stopped in the page, under the field (the answer suggested from
    // the citizen's earlier application is cleared first).
    await citizen.getByLabel('字号名称').fill('');
    await citizen.getByRole('button', { name: '提交申请' }).click();
    await citizen.locator('.ant-form-item-explain-error', { hasText: '必填' }).first().waitFor();
    await citizen.getByLabel('字号名称').fill('乌兰浩特市测试烧烤店');
    await citizen.getByLabel('经营范围').fill('餐饮服务');
    await citizen.getByLabel('资金数额（元）').fill('30000');
    const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: samplePdf(name) });
    const inputs = citizen.locator('input[type=file]');
    // 免提交: the population base knows the citizen, so the ID card is not asked for.
    await citizen.getByText('免提交：由人口基础库核验').waitFor();
    await inputs.nth(0).setInputFiles(pdf('场所证明.pdf'));
    await citizen.getByText('已上传：场所证明.pdf').waitFor();
    expect(await seriousViolations(citizen)).toEqual([]);
    await citizen.getByRole('button', { name: '提交申请' }).click();
    await citizen.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    const appUrl = new URL(citizen.url()).pathname;
    const appId = appUrl.split('/').pop()!;
    await citizen.getByText('待受理').first().waitFor();

    const act = async (username: string, action: RegExp, fill?: (p: Page) => Promise<void>) => {
      const page = await newPage();
      await signIn(page, username, `/workbench/services/${appId}`);
      await page.getByRole('button', { name: action }).click();
      const dialog = page.getByRole('dialog');
      if (fill) await fill(page);
      await dialog.getByRole('button', { name: /^办\s*理$/ }).click();
      await dialog.waitFor({ state: 'hidden', timeout: 20_000 }).catch(async () => {
        throw new Error(`action not taken; page shows: ${(await page.locator('.ant-form-item-explain-error, .ant-message-notice').allTextContents()).join(' | ') || '(nothing)'}`);
      });
      return page;
    };
    const window = await act('window01', /^受\s*理$/, (p) => p.getByLabel('办理意见').fill('材料齐全'));
    await window.getByText('审查中').first().waitFor();
    expect(await seriousViolations(window)).toEqual([]);
    await act('approver.scjg', /^审查通过$/);
    // 审批分离: a second approver decides what the first reviewed.
    const approver = await act('decider.scjg', /^准予许可$/, (p) => p.getByLabel('办理意见').fill('准予登记'));
    await approver.getByText('已办结').first().waitFor();

    // The citizen sees it completed, downloads the result and rates it badly.
    await citizen.reload();
    await citizen.getByText('已办结').first().waitFor();
    const href = await citizen.getByRole('link', { name: '下载决定书（PDF）' }).getAttribute('href');
    const result = await citizen.request.get(`${world.server.url}${href}`);
    expect(result.status()).toBe(200);
    expect(result.headers()['content-type']).toBe('application/pdf');
    expect((await result.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await citizen.getByRole('radio', { name: '不满意', exact: true }).check();
    await citizen.getByRole('checkbox', { name: '多次跑动' }).check();
    await citizen.getByRole('button', { name: '提交评价' }).click();
    await citizen.getByText('整改中').waitFor();
    expect(await seriousViolations(citizen)).toEqual([]);

    // The bad rating is a rectification task for the market regulator, and the queue and figures show it.
    await approver.goto(`${world.server.url}/workbench/rectifications`);
    await approver
      .getByRole('row', { name: /个体工商户设立登记/ })
      .filter({ hasText: '不满意' })
      .first()
      .waitFor();
    await approver.goto(`${world.server.url}/workbench/stats`);
    await approver.locator('.yw-chart canvas').waitFor();
    expect(await seriousViolations(approver)).toEqual([]);
  });
  it('lets a region admin publish a new version of a service item, and the catalogue and its filters pass axe on a phone', async () => {
    const page = await newPage();
    await signIn(page, 'region.admin', '/admin/services');
    // The county-sized list is found by searching it.
    await page.getByRole('searchbox', { name: '搜索事项' }).fill('高龄津贴申领');
    await page.getByRole('searchbox', { name: '搜索事项' }).press('Enter');
    const row = page.getByRole('row', { name: /高龄津贴申领/ });
    await row.getByText('1', { exact: true }).waitFor();
    await row.getByRole('button', { name: /^编\s*辑$/ }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('承诺时限').fill('8');
    await drawer.getByLabel('修改说明').fill('压缩承诺时限');
    await drawer.getByRole('button', { name: '保存为新版本' }).click();
    await drawer.waitFor({ state: 'hidden' });
    await page
      .getByRole('row', { name: /高龄津贴申领/ })
      .getByText('2', { exact: true })
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const phone = await newPage({ phone: true });
    await phone.goto(`${world.server.url}/services`);
    await phone.getByRole('link').filter({ hasText: '登记' }).first().waitFor();
    await phone.getByRole('combobox', { name: '个人办事' }).click();
    await phone.locator('.ant-select-item-option[title="退休养老"]').click();
    await phone.getByRole('link', { name: '城乡居民养老保险待遇申领' }).waitFor();
    expect(await phone.getByRole('link', { name: '个体工商户设立登记' }).count()).toBe(0);
    // Among the county's many 退休养老 items, a search within the filter finds it.
    await phone.getByRole('searchbox', { name: '搜索事项' }).fill('高龄津贴');
    await phone.getByRole('searchbox', { name: '搜索事项' }).press('Enter');
    await phone.getByRole('link', { name: '高龄津贴申领' }).click();
    await phone.getByText('8 个工作日').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    expect(await seriousViolations(phone)).toEqual([]);
    // The same guide in English.
    await phone.getByRole('button', { name: '切换到英文' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Allowance for the very old' }).waitFor();
    await phone.getByText('8 working days').waitFor();
    expect(await seriousViolations(phone)).toEqual([]);
  });
});
