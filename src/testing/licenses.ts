import { makeCreditCode } from '../kernel/ids/index.ts';
import type { LicenceTypeInput, SealInput } from '../modules/licenses/index.ts';
import { bearer, type TestPlatform } from './platform.ts';

/** A government unit's credit code (登记管理部门 1, 机构类别 1) for a test department. */
export const unitCode = (base8: string) => makeCreditCode('152201', base8, '1', '1');
/** 国家市场监督管理总局's code, as in GB/T 36904's own example identifier. */
export const AUTHORITY = '11100000000013338W';

/** 社会保障卡 as a person-held licence type issued by `departmentId`, optionally when `itemCode` completes. */
export function cardType(departmentId: string, itemCode?: string, over: Partial<LicenceTypeInput['definition']> = {}): LicenceTypeInput {
  return {
    key: 'social_security_card',
    definition: {
      name: '社会保障卡',
      nameEn: 'Social security card',
      typeCode: `${AUTHORITY}105`,
      authority: '人力资源和社会保障部',
      holderType: 'person',
      fields: {
        type: 'object',
        required: ['cardNo', 'bank'],
        properties: {
          cardNo: { type: 'string', title: '社会保障号码', pattern: '^[0-9]{17}[0-9X]$' },
          bank: { type: 'string', title: '金融账户开户行', maxLength: 40, default: '中国工商银行乌兰浩特支行' },
          mailAddress: { type: 'string', maxLength: 100 },
        },
      },
      validity: { years: 10, months: 0 },
      template: {
        numberPrefix: 'SB',
        rows: [
          { field: 'cardNo', label: '社会保障号码', labelEn: 'Social security number' },
          { field: 'bank', label: '开户银行', labelEn: 'Bank' },
        ],
        sealPurpose: '证照专用章',
      },
      issuers: [departmentId],
      items: itemCode ? [{ itemCode, fieldMap: { cardNo: 'idNumber', mailAddress: 'mailAddress' } }] : [],
      ...over,
    },
  };
}

export function sealFor(departmentId: string, users: string[], unitName: string, over: Partial<SealInput> = {}): SealInput {
  return {
    departmentId,
    name: `${unitName}证照专用章`,
    unitName,
    unitCode: unitCode('MB1234567'.slice(0, 8)),
    purpose: '证照专用章',
    validFrom: '2026-01-01',
    validTo: '2030-12-31',
    users,
    automatic: true,
    ...over,
  };
}

export async function accountIdOf(t: TestPlatform, token: string): Promise<string> {
  const res = await t.app.inject({ method: 'GET', url: '/api/identity/me', headers: bearer(token) });
  return res.json().accountId as string;
}
