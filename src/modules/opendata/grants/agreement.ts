import type { Executor } from '../../../kernel/db/index.ts';
import { grantsDb } from './tables.ts';

/** The places a template names, filled in for one application. */
export const AGREEMENT_FIELDS = ['number', 'applicant', 'dataset', 'provider', 'items', 'rowScope', 'purpose', 'periodFrom', 'periodTo', 'delivery', 'security'] as const;
export type AgreementFields = Record<(typeof AGREEMENT_FIELDS)[number], string>;

/** The agreement a region uses until its data bureau saves its own (version 0). */
export const BUILT_IN_TEMPLATE = {
  version: 0,
  title: '公共数据有条件开放数据利用协议',
  body: `公共数据有条件开放数据利用协议

申请编号：{{number}}
数据使用方：{{applicant}}
数据集：{{dataset}}（数据提供部门：{{provider}}）
开放数据项：{{items}}
数据范围：{{rowScope}}
使用目的：{{purpose}}
使用期限：{{periodFrom}} 至 {{periodTo}}
获取方式：{{delivery}}
安全保障措施：{{security}}

数据使用方承诺：
一、仅为上述目的、在上述期限内使用上述数据项，不超范围使用，不向任何第三方提供、转让或公开原始数据；
二、不以任何方式重新识别自然人、法人或其他组织，不与其他数据关联以推断个人信息；
三、落实所述安全保障措施，发生数据泄露、滥用等安全事件时，立即停止使用并于二十四小时内报告数据主管部门；
四、接受数据提供部门和数据主管部门对数据使用情况的监督检查，每次调用均留痕可查；
五、期限届满、协议终止或授权被撤销时，立即停止使用并删除已获取的数据；
六、违反本协议的，数据主管部门可随时撤销授权，并依法追究责任。

本协议自数据使用方在线签署、经数据提供部门和数据主管部门审核同意之日起生效，至使用期限届满之日终止。`,
};

/** The newest template of a region, or the built-in one. */
export async function currentTemplate(ex: Executor, regionCode: string): Promise<{ version: number; title: string; body: string }> {
  const row = await grantsDb(ex)
    .selectFrom('opendata_agreement_template')
    .select(['version', 'title', 'body'])
    .where('region_code', '=', regionCode)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ?? BUILT_IN_TEMPLATE;
}

/** The template with every {{field}} filled in (unknown places are left as written). */
export function fillAgreement(body: string, f: AgreementFields): string {
  return body.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (Object.prototype.hasOwnProperty.call(f, key) ? f[key as keyof AgreementFields] : whole));
}
