import type { Principal } from '../../src/kernel/policy/index.ts';
import { SYSTEM_PRINCIPAL } from '../../src/modules/identity/index.ts';
import type { LibraryPort } from '../../src/modules/openness/index.ts';
import type { Platform } from '../../src/platform.ts';
import { KNOWLEDGE } from '../case-knowledge.ts';

/** 12345 answers the hotline centre also shows the public (统一知识问答库). */
const MADE_PUBLIC = ['供暖期起止时间', '城乡居民养老保险缴费档次与时间', '医保异地就医备案', '营业执照办理流程'];

interface DemoQuestion {
  asker: 'citizen01' | 'qiye01';
  /** A department code for the 咨询 column, or a phrase that finds the library document asked about. */
  to: { department: string } | { document: string };
  title: string;
  body: string;
  /** The department's answer, by its 政务公开专员. */
  answer?: { by: string; text: string };
  /** Published by this reviewer. */
  publishedBy?: string;
}

const QUESTIONS: DemoQuestion[] = [
  {
    asker: 'citizen01',
    to: { department: 'MZJ' },
    title: '高龄津贴怎么申请？',
    body: '我父亲今年满80周岁了，户口在和平街道，高龄津贴需要本人去办吗？要带哪些材料？',
    answer: {
      by: 'gk.mzj',
      text: '年满80周岁的本市户籍老年人可申请高龄津贴。本人或家属持老人身份证、户口簿到户籍所在地社区（村）提出申请，经街道（苏木乡镇）审核、市民政局确认后按月发放到老人账户，行动不便的可由社区上门受理。也可在“一网通办”在线申请。',
    },
    publishedBy: 'leader.mzj',
  },
  {
    asker: 'qiye01',
    to: { department: 'MZJ' },
    title: '结婚登记需要提前预约吗？',
    body: '我们打算下个月登记结婚，请问需要提前预约吗？周末可以办理吗？',
    answer: {
      by: 'gk.mzj',
      text: '婚姻登记实行预约与现场办理相结合，建议通过“一网通办”提前预约。办理时双方本人持身份证、户口簿到市婚姻登记处共同申请。婚姻登记处工作日办理，“5·20”“七夕”等特殊日期如逢周末会另行公告延时服务。',
    },
    publishedBy: 'gk.admin',
  },
  {
    asker: 'citizen01',
    to: { department: 'BGS' },
    title: '政府信息公开申请可以在网上提交吗？',
    body: '想申请公开某项工程的批复文件，可以在网上提交申请吗？多久能答复？',
    answer: {
      by: 'gk.bgs',
      text: '可以。在本网站“依申请公开”栏目登录后在线提交，写明所需信息的名称、文号或便于查询的特征描述。根据《政府信息公开条例》，能够当场答复的当场答复，不能当场答复的自收到申请之日起20个工作日内答复；需要延长的，经负责人同意并告知申请人，延长期限不超过20个工作日。',
    },
    publishedBy: 'gk.admin',
  },
  {
    asker: 'qiye01',
    to: { department: 'BGS' },
    title: '怎样查到某个政策文件是否还有效？',
    body: '公司在申请补贴时引用了一份前几年的文件，不确定它现在是否还有效，怎么查？',
    answer: {
      by: 'gk.bgs',
      text: '在本网站“政策文件库”检索该文件，文件页面的“有效性”一栏标明有效、失效、废止或已修订；已废止或已修订的文件会链接到取代它的新文件。也可按有效性筛选文件列表。',
    },
    publishedBy: 'gk.admin',
  },
  {
    asker: 'citizen01',
    to: { document: '乌兰浩特市临时救助实施办法' },
    title: '临时救助要多久能批下来？',
    body: '家里突然有人生病住院，申请临时救助需要多长时间审批？急用钱怎么办？',
    answer: {
      by: 'gk.mzj',
      text: '按照实施办法，一般情形由街道（苏木乡镇）受理审核、民政部门审批确认；对情况紧急、需立即采取措施的，实行“先行救助”，由街道或社区先行发放救助金，事后补齐手续。具体可向户籍所在地或居住地街道提出申请。',
    },
    publishedBy: 'leader.mzj',
  },
  {
    asker: 'qiye01',
    to: { document: '困难残疾人生活补贴和重度残疾人护理补贴实施办法' },
    title: '残疾人两项补贴可以同时领取吗？',
    body: '我母亲是一级肢体残疾，家里也是低保户，困难残疾人生活补贴和重度残疾人护理补贴能同时领吗？',
    answer: {
      by: 'gk.admin',
      text: '可以。符合条件的低保家庭中的残疾人可领取困难残疾人生活补贴；残疾等级为一级、二级且需要长期照护的重度残疾人可领取护理补贴。两项补贴可同时享受，申请时持身份证、第二代残疾人证到户籍所在地社区提出。',
    },
    publishedBy: 'region.admin',
  },
  // citizen01's own: one awaiting an answer, one answered and awaiting review.
  {
    asker: 'citizen01',
    to: { department: 'MZJ' },
    title: '养老机构等级评定结果在哪里公布？',
    body: '今年养老机构等级评定结束后，结果会在哪里公布？想给老人选一家评级高的养老院。',
  },
  {
    asker: 'citizen01',
    to: { department: 'BGS' },
    title: '国庆节期间政务服务大厅开门吗？',
    body: '国庆放假期间想去政务服务大厅办营业执照，大厅开门吗？',
    answer: {
      by: 'gk.bgs',
      text: '国庆节法定假日期间政务服务大厅暂停现场办理，“一网通办”网上办理不打烊；假期后第一个工作日起恢复现场办理。具体以放假安排通知为准。',
    },
  },
];

/** Demo 政民互动: questions on policies and in the 咨询 column, answered and published into the 12345 knowledge base, one awaiting review. */
export async function seedOpenInteraction(p: Platform, deptIds: Map<string, string>): Promise<void> {
  const k = p.kernel;
  const region = k.config.regionCode;
  const system = { ...SYSTEM_PRINCIPAL, regionCode: region };
  const principals = new Map<string, Principal>();
  const who = async (username: string): Promise<Principal> => {
    const cached = principals.get(username);
    if (cached) return cached;
    const acc = await k.db.selectFrom('identity_account').select('id').where('username', '=', username).executeTakeFirstOrThrow();
    const row = await p.identity.service.accountRow(acc.id);
    const principal = row && (await p.identity.service.principalOf(row, null, null));
    if (!principal) throw new Error(`seed: no principal for ${username}`);
    principals.set(username, principal);
    return principal;
  };

  // The hotline's own answers, made public: one knowledge base, both ways.
  for (const input of KNOWLEDGE.filter((e) => MADE_PUBLIC.includes(e.title))) {
    const row = await k.db.selectFrom('cases_knowledge').select('id').where('region_code', '=', region).where('title', '=', input.title).executeTakeFirst();
    if (row) await p.cases.knowledge.save(system, row.id, { ...input, public: true }, 'seed');
  }

  const library = (p.openness.library as { port?: LibraryPort | null }).port ?? null;
  const documentOf = async (phrase: string): Promise<string | null> => {
    if (!library) return null;
    for (const hit of await library.find(phrase, 5)) {
      const doc = await library.get(k.db, hit.id);
      if (doc && doc.state === 'published' && doc.kind !== 'interpretation') return doc.id;
    }
    return null;
  };

  const q = p.openness.interaction.questions;
  for (const d of QUESTIONS) {
    let target: { documentId: string } | { departmentId: string };
    if ('document' in d.to) {
      const id = await documentOf(d.to.document);
      // Without the library's document (a partial seed), the question goes to the issuer's column instead.
      target = id ? { documentId: id } : { departmentId: deptIds.get('MZJ')! };
    } else {
      const id = deptIds.get(d.to.department);
      if (!id) continue;
      target = { departmentId: id };
    }
    const asked = await q.ask(await who(d.asker), { ...target, title: d.title, body: d.body }, 'seed');
    if (!d.answer) continue;
    const answered = await q.answer(await who(d.answer.by), asked.id, { answer: d.answer.text, expectedVersion: 1 }, 'seed');
    if (d.publishedBy) await q.review(await who(d.publishedBy), asked.id, { decision: 'publish', expectedVersion: answered.version }, 'seed');
  }
}
