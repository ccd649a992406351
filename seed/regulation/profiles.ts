import { Readable } from 'node:stream';
import { PDFDocument } from 'pdf-lib';
import { cstDate } from '../../src/kernel/calendar/index.ts';
import type { Principal } from '../../src/kernel/policy/index.ts';
import { subjectKeysOf } from '../../src/modules/identity/index.ts';
import type { Platform } from '../../src/platform.ts';
import { ALL_DEMO_ITEMS } from '../service-items.ts';

async function principalOf(p: Platform, username: string, enterpriseId: string | null = null): Promise<Principal> {
  const acc = await p.kernel.db.selectFrom('identity_account').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  const row = await p.identity.service.accountRow(acc.id);
  const who = row && (await p.identity.service.principalOf(row, null, enterpriseId));
  if (!who) throw new Error(`seed: no principal for ${username}`);
  return who;
}

const SAMPLE_TEXT: Record<string, string> = {
  shopName: '洮儿河乳品专卖店',
  businessScope: '预包装食品销售；乳制品销售',
  premisesAddress: '乌兰浩特市和平街道兴安北大路88号',
};

/** What a demo applicant types into a form (the platform fills in what it knows). */
function sampleForm(schema: { properties: Record<string, { type: string; enum?: string[]; format?: string; title?: string }> }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(schema.properties)) {
    if (f.enum) out[name] = f.enum[0];
    else if (f.type === 'integer' || f.type === 'number') out[name] = 120;
    else if (f.format === 'date') out[name] = '2026-11-02';
    else out[name] = SAMPLE_TEXT[name] ?? `${f.title ?? name}（示例）`;
  }
  return out;
}

/**
 * 互联网+监管 demo (runs last): 12345 complaints naming demo entities — by credit code, by exact
 * name, and one that names a company only in part (so it stays unlinked) — one turned into a 线索
 * inspection, and qiye01's company approved under 告知承诺 for a licence whose 监管事项 sets a
 * verification time, so its verification task exists. The flows would do the linking when the
 * outbox runs; the seed calls them directly so the demo is complete without a running worker
 * (the events, delivered later, find the work done and change nothing).
 */
export async function seedRegulationProfiles(p: Platform, deptIds: Map<string, string>): Promise<void> {
  const k = p.kernel;
  const region = k.config.regionCode;
  const area = p.regulation.profiles;
  const { objects, items, inspectors } = area.profiles.ctx.ports;
  if (!objects || !items) return;

  // 告知承诺: qiye01's company applies for the first enterprise 行政许可 whose 监管事项 sets a verification time.
  const reps = await p.identity.enterprises.mine(await principalOf(p, 'qiye01'));
  if (reps[0]) {
    const company = await principalOf(p, 'qiye01', reps[0].enterpriseId);
    const window = await principalOf(p, 'window01');
    const reviewer = await principalOf(p, 'approver.scjg');
    const decider = await principalOf(p, 'decider.scjg');
    let code: string | null = null;
    // Not 食品经营许可 (XK-SCJG-002): the licence seed already leaves the company's application for it to be approved.
    for (const d of ALL_DEMO_ITEMS.filter((x) => x.dept === 'SCJG' && x.code.startsWith('XK-') && x.code !== 'XK-SCJG-002' && x.who !== 'person')) {
      if ((await items.forLicensingItem(k.db, d.code, region)).some((i) => i.commitmentVerifyDays != null)) {
        code = d.code;
        break;
      }
    }
    const itemRow = code ? await k.db.selectFrom('services_item').select('id').where('code', '=', code).where('region_code', '=', region).executeTakeFirst() : undefined;
    if (itemRow) {
      const v = await p.services.catalogue.get(itemRow.id);
      if (v.content.applicantTypes.includes('enterprise')) {
        const materials = [];
        for (const m of v.content.materials.filter((x) => x.required)) {
          const doc = await PDFDocument.create();
          doc.setTitle(`${m.name}（演示材料）`);
          doc.addPage([595, 842]);
          const f = await k.db
            .transaction()
            .execute(async (trx) =>
              k.files.save(trx, { stream: Readable.from([Buffer.from(await doc.save())]), name: `${m.name}.pdf`, declaredMime: 'application/pdf', ownerId: company.accountId, regionCode: region }),
            );
          materials.push({ code: m.code, fileId: f.id });
        }
        const id = await p.services.applications.submit(company, { itemId: itemRow.id, form: sampleForm(v.content.form.schema as never), materials, commitment: true }, 'seed');
        await p.services.applications.act(window, id, { action: 'accept', opinion: '申请人选择告知承诺制，材料齐全，予以受理' }, 'seed');
        await p.services.applications.act(reviewer, id, { action: 'pass_review', opinion: '承诺事项明确，同意' }, 'seed');
        await p.services.applications.act(decider, id, { action: 'approve', opinion: '依告知承诺准予许可，限期核查' }, 'seed');
        await k.db.transaction().execute(async (trx) => {
          const app = await p.services.completionFacts(trx, id);
          const { entity } = await subjectKeysOf(k, company.accountId, { enterpriseId: reps[0].enterpriseId }, trx);
          if (!app || !entity) return;
          await area.onApproved(trx, {
            applicationId: app.id,
            applicationNumber: app.number,
            serviceItemCode: app.itemCode,
            serviceItemName: app.itemName,
            regionCode: app.regionCode,
            creditCode: entity,
            entityName: app.enterpriseName,
            commitment: app.commitment,
          });
        });
      }
    }
  }

  // 12345: complaints about entities of the 名录库, as the hotline takes them.
  const listed = (await objects.inScope(k.db, { regionCodes: [region] })).filter((o) => o.name.length >= 6);
  const [byCode, byName, partly] = [listed[0], listed[1], listed[2]];
  if (!byCode) return;
  const agent = await principalOf(p, 'hotline01');
  const calls: string[] = [
    `来电反映统一社会信用代码为${byCode.creditCode}的商户销售过期食品，要求查处。`,
    ...(byName ? [`市民投诉${byName.name}出售的商品与标签不符，商家拒绝退换。`] : []),
    // Names the company only in part: stays with 12345, a regulator may link it by hand.
    ...(partly ? [`反映${partly.name.slice(0, Math.max(2, partly.name.length - 4))}门店卫生条件差，后厨有老鼠。`] : []),
  ];
  const linked: string[] = [];
  for (const content of calls) {
    const r = await p.cases.intake.report(agent, { kind: 'complaint', content, callerName: '市民', callerPhone: '13904827001' }, 'seed');
    await k.db.transaction().execute(async (trx) => {
      const c = await p.cases.complaintFacts(trx, r.id);
      if (c && (await area.onComplaint(trx, c)) > 0) linked.push(r.id);
    });
  }

  // 线索: the regulator sends two inspectors of the market bureau to the first complaint.
  const scjg = deptIds.get('SCJG');
  if (!scjg || !inspectors) return;
  const pool = await inspectors.pool(k.db, { departmentIds: [scjg], regionCode: region });
  const first = await k.db.selectFrom('regulation_complaint').select('id').where('credit_code', '=', byCode.creditCode).executeTakeFirst();
  // 回避: an inspector with a declared relation to the entity is not sent (in a small demo the first
  // complaint may be about qiye01's company, with which jc.scjg01 has declared one).
  const related = (await inspectors.relations(k.db, [byCode.creditCode])).get(byCode.creditCode) ?? new Set<string>();
  const free = pool.filter((i) => !related.has(i.id));
  if (free.length >= 2 && first) {
    const regulator = await principalOf(p, 'regulator01');
    const due = cstDate(await k.calendar.addWorkingDays(k.clock.now(), 10));
    await area.complaints.startInspection(regulator, first.id, { inspectorIds: free.slice(0, 2).map((i) => i.id), dueOn: due }, 'seed');
  }
}
