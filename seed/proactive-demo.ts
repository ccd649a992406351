import { makeCitizenId } from '../src/kernel/ids/index.ts';
import { SYSTEM_PRINCIPAL, basePersonRow } from '../src/modules/identity/index.ts';
import { populationRow } from '../src/modules/data/index.ts';
import type { Platform } from '../src/platform.ts';
import { DEMO_PASSWORD } from './departments.ts';
import { demoPolicies } from './proactive-policies.ts';
import type { DemoItem } from './service-items.ts';
import { seedCatalogue } from './service-demo.ts';

/** The demo resident who is over 80 and local, so the portal shows a 高龄津贴 offer to confirm. */
export const DEMO_ELDER = { username: 'elder01', name: '宝音图', birthDate: '1941-05-12', phone: '13904820003' } as const;

/** The 事项 the two 政策找人 policies lead to (the catalogue had none for them). */
const PROACTIVE_ITEMS: DemoItem[] = [
  {
    code: 'JF-CLH-001',
    name: '重度残疾人护理补贴申领',
    nameEn: 'Care allowance for the severely disabled',
    dept: 'CLH',
    type: 'payment',
    who: 'person',
    statutory: 20,
    promised: 10,
    life: ['social_security'],
    basis: '《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》',
    fields: [['bankAccount', '发放账户', 'text']],
    materials: [['中华人民共和国残疾人证', true]],
    aliases: ['护理补贴', '重度残疾补贴'],
    asks: ['重度残疾人有护理补贴吗？'],
  },
  {
    code: 'JF-RSJ-101',
    name: '小微企业吸纳就业补贴申领',
    nameEn: 'Hiring subsidy for small and micro enterprises',
    dept: 'RSJ',
    type: 'payment',
    who: 'enterprise',
    statutory: 20,
    promised: 10,
    ent: ['hiring'],
    basis: '《关于进一步加大就业服务力度的通知》',
    fields: [['bankAccount', '发放账户', 'text']],
    materials: [['劳动合同', true]],
    aliases: ['吸纳就业补贴', '招工补贴'],
    asks: ['小微企业招人有补贴吗？'],
  },
];

/**
 * 主动服务 in the demo: the two 事项 of the 政策找人 policies, the five policies (created, tested,
 * published by the system), one local resident over 80 with an account, and one run of every
 * policy, so a fresh demo shows runs, offers and matches.
 */
export async function seedProactive(p: Platform, deptIds: Map<string, string>): Promise<void> {
  const k = p.kernel;
  const region = k.config.regionCode;
  await seedCatalogue(p, deptIds, PROACTIVE_ITEMS);
  // The elder: in the population base (whose facts the rules read) and with a verified account.
  const idNumber = makeCitizenId(region, DEMO_ELDER.birthDate, 731);
  const person = { name: DEMO_ELDER.name, idNumber, phone: DEMO_ELDER.phone };
  await k.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('identity_person')
      .values(basePersonRow(k, { ...person, regionCode: region }))
      .execute();
    await trx
      .insertInto('data_population')
      .values(populationRow(k, { ...person, regionCode: region, birthDate: DEMO_ELDER.birthDate, sex: '男' }))
      .execute();
  });
  await p.identity.people.createVerified({ username: DEMO_ELDER.username, password: DEMO_PASSWORD, ...person }, 'seed');
  const admin = { ...SYSTEM_PRINCIPAL, regionCode: region };
  for (const def of demoPolicies((c) => deptIds.get(c)!)) {
    if (!deptIds.has('MZJ')) break;
    const { id } = await p.proactive.policies.create(admin, def, 'seed');
    await p.proactive.policies.publish(admin, id, 'seed');
  }
  const runs = await p.proactive.runs.runAll('seed', { id: 'seed', type: 'system' });
  p.log.info({ runs: runs.length, newlyEligible: runs.reduce((s, r) => s + r.newlyEligible, 0) }, 'seed: proactive policies published and run');
}
