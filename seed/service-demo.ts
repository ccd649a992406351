import { Readable } from 'node:stream';
import type { Principal } from '../src/kernel/policy/index.ts';
import { SYSTEM_PRINCIPAL, applicantFacts } from '../src/modules/identity/index.ts';
import type { Platform } from '../src/platform.ts';
import { ALL_DEMO_ITEMS, demoItemContent, type DemoItem } from './service-items.ts';
import { PDFDocument } from 'pdf-lib';

/** A one-page PDF titled after the material: uploads are checked by content, so it must be a real one. */
async function demoMaterial(title: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.addPage([595, 842]);
  return Buffer.from(await doc.save());
}

const SAMPLE_TEXT: Record<string, string> = {
  shopName: '乌兰浩特市老王烧烤店',
  businessScope: '餐饮服务；预包装食品销售',
  premisesAddress: '乌兰浩特市爱国街道兴安北大路66号',
  lastEmployer: '乌兰浩特市某商贸有限公司',
};

/** Form values a demo applicant would type (the platform fills in what it knows). */
function sampleForm(schema: { properties: Record<string, { type: string; enum?: string[]; format?: string; title?: string }> }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(schema.properties)) {
    if (f.enum) out[name] = f.enum[0];
    else if (f.type === 'integer') out[name] = 120;
    else if (f.format === 'date') out[name] = '2026-11-02';
    else out[name] = SAMPLE_TEXT[name] ?? `${f.title ?? name}（示例）`;
  }
  return out;
}

async function principalOf(p: Platform, username: string, enterpriseId: string | null = null): Promise<Principal> {
  const acc = await p.kernel.db.selectFrom('identity_account').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  const row = await p.identity.service.accountRow(acc.id);
  const who = row && (await p.identity.service.principalOf(row, null, enterpriseId));
  if (!who) throw new Error(`seed: no principal for ${username}`);
  return who;
}

/** An item's elements with its everyday names and example questions, within the catalogue's limits. */
export function demoContentWithWords(d: DemoItem, departmentId: string) {
  const words = (xs: string[] | undefined, max: number) => [...new Set((xs ?? []).map((x) => x.trim()).filter((x) => x.length > 0 && x.length <= max))].slice(0, 20);
  return { ...demoItemContent(d, departmentId), aliases: words(d.aliases, 30), examples: words(d.asks, 100) };
}

/**
 * The whole demo catalogue (ALL_DEMO_ITEMS) in one batch: checked, then written with multi-row
 * inserts in one transaction, each item audited. Items of a department not loaded are skipped.
 * Returns item ids by code.
 */
export async function seedCatalogue(p: Platform, deptIds: Map<string, string>, items: readonly DemoItem[] = ALL_DEMO_ITEMS): Promise<Map<string, string>> {
  const region = p.kernel.config.regionCode;
  const wanted = items.filter((d) => deptIds.has(d.dept));
  const ids = await p.services.catalogue.createMany(
    SYSTEM_PRINCIPAL,
    wanted.map((d) => ({ code: d.code, regionCode: region, content: demoContentWithWords(d, deptIds.get(d.dept)!) })),
    'seed',
  );
  return new Map(wanted.map((d, i) => [d.code, ids[i]]));
}

/**
 * The demo catalogue (every item of ALL_DEMO_ITEMS) and applications in every state: waiting at
 * the window, in 补正, under review, awaiting decision, completed, delivered, not accepted,
 * withdrawn, rated well and badly (with a rectification task), and one submitted at the window.
 * Everything goes through the services module, so each step is audited like a real one.
 */
export async function seedServices(p: Platform, deptIds: Map<string, string>): Promise<void> {
  const k = p.kernel;
  const region = k.config.regionCode;
  const started = performance.now();
  const items = await seedCatalogue(p, deptIds);
  p.log.info({ items: items.size, ms: Math.round(performance.now() - started) }, 'seed: service catalogue loaded');
  const citizen = await principalOf(p, 'citizen01');
  const enterprises = await p.identity.enterprises.mine(await principalOf(p, 'qiye01'));
  const company = enterprises[0] ? await principalOf(p, 'qiye01', enterprises[0].enterpriseId) : null;
  const window = await principalOf(p, 'window01');
  const scjg = await principalOf(p, 'approver.scjg');
  // 审批分离: the bureau's second approver decides what the first reviewed (行政许可 keep them apart).
  const deciders = new Map([[scjg.accountId, await principalOf(p, 'decider.scjg')]]);
  const rsj = await principalOf(p, 'approver.rsj');

  const apply = async (who: Principal, code: string, onBehalfOf?: { name: string; idNumber: string }) => {
    const itemId = items.get(code)!;
    const item = await p.services.catalogue.get(itemId);
    const owner = onBehalfOf ? window : who;
    const materials = [];
    for (const m of item.content.materials.filter((x) => x.required)) {
      const pdf = await demoMaterial(`${m.name}（演示材料）`);
      const f = await k.db
        .transaction()
        .execute((trx) => k.files.save(trx, { stream: Readable.from([pdf]), name: `${m.name}.pdf`, declaredMime: 'application/pdf', ownerId: owner.accountId, regionCode: region }));
      materials.push({ code: m.code, fileId: f.id });
    }
    return p.services.applications.submit(owner, { itemId, form: sampleForm(item.content.form.schema as never), materials, ...(onBehalfOf ? { onBehalfOf } : {}) }, 'seed');
  };
  const act = (who: Principal, id: string, action: string, extra: Record<string, unknown> = {}) => p.services.applications.act(who, id, { action, ...extra } as never, 'seed');
  const path = async (id: string, approver: Principal, steps: string[]) => {
    for (const s of steps) {
      if (s === 'accept') await act(window, id, 'accept', { opinion: '材料齐全，予以受理' });
      if (s === 'pass_review') await act(approver, id, 'pass_review', { opinion: '经审查，符合条件' });
      if (s === 'approve') await act(deciders.get(approver.accountId) ?? approver, id, 'approve', { opinion: '准予办理' });
      if (s === 'deliver') await act(window, id, 'deliver', { delivery: 'online' });
    }
  };

  // 个体工商户设立登记 (market regulation): one in every state of the standard path.
  const shop = 'XK-SCJG-001';
  await apply(citizen, shop); // 待受理
  await act(window, await apply(citizen, shop), 'request_supplement', { items: ['经营场所使用证明未盖章，请补充盖章后的扫描件'] });
  await path(await apply(citizen, shop), scjg, ['accept']); // 审查中
  const inReview = await apply(citizen, shop);
  await path(inReview, scjg, ['accept']);
  await act(scjg, inReview, 'review_supplement', { items: ['字号名称含有禁用字词，请更换'] });
  await path(await apply(citizen, shop), scjg, ['accept', 'pass_review']); // 待决定
  await path(await apply(citizen, shop), scjg, ['accept', 'pass_review', 'approve']); // 已办结
  const delivered = await apply(citizen, shop);
  await path(delivered, scjg, ['accept', 'pass_review', 'approve', 'deliver']);
  await p.services.evaluations.rate(citizen, delivered, { level: 5, reasons: ['fast', 'one_visit'], comment: '全程网办，一次没跑' }, 'seed');
  await act(window, await apply(citizen, shop), 'reject', { reason: '申请经营的项目属于禁止类，不予受理' });
  await act(citizen, await apply(citizen, shop), 'withdraw');

  // 失业保险金申领 (human resources): refused, rated badly, and the bureau has a rectification task.
  const benefit = await apply(citizen, 'JF-RSJ-003');
  await path(benefit, rsj, ['accept', 'pass_review']);
  await act(rsj, benefit, 'deny', { reason: '申请时仍在缴费期内，不符合领取条件' });
  await p.services.evaluations.rate(citizen, benefit, { level: 1, reasons: ['unclear_guide', 'many_visits'], comment: '办事指南没写清楚领取条件' }, 'seed');
  // 即办件: 城乡居民养老保险参保登记 done on the spot and delivered.
  const pension = await apply(citizen, 'GG-RSJ-001');
  await act(window, pension, 'approve');
  await act(window, pension, 'deliver', { delivery: 'window' });
  // 线下受理: the same resident at the window, with the staff member typing in the card.
  const facts = await applicantFacts(k, citizen);
  if (facts.values['person.idNumber']) await path(await apply(citizen, 'JF-RSJ-002', { name: citizen.name, idNumber: facts.values['person.idNumber'] }), rsj, ['accept']);
  // An enterprise applying through its legal representative.
  if (company) {
    await apply(company, 'XK-SCJG-002');
    // 办结即发证: approving this one issues the company a sealed 食品经营许可证 (once the outbox runs).
    await path(await apply(company, 'XK-SCJG-002'), scjg, ['accept', 'pass_review', 'approve']);
    await path(await apply(company, 'XK-SCJG-005'), scjg, ['accept']);
    // 秒批 for an enterprise: its 稳岗返还 is approved at once or handed to a person by its insurance record.
    await apply(company, 'JF-RSJ-021');
  }
  // 秒批: the resident asks for 高龄津贴 though under 80 — the system grants nothing and hands it to a
  // person with the failed condition listed (the workbench shows it on the application).
  await apply(citizen, 'JF-MZJ-003');
}
