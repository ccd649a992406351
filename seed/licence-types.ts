import type { LicenceTypeInput } from '../src/modules/licenses/index.ts';
import { linksTo } from './catalogue/licences.ts';
import { countyPermits } from './licence-types-county.ts';

/**
 * Licence types of the demo, after the national e-licence directory. Type codes are the defining
 * authority's credit code plus 3 digits (GB/T 36904); 国家市场监督管理总局's code is the one in the
 * standard's own example, the others are synthetic with valid check characters.
 */
const SAMR = '11100000000013338W';
const MOHRSS = '11100000000013127D';
const MNR = '11100000MB0359519G';
const MPS = '11100000000013313B';

type Def = LicenceTypeInput['definition'];

const text = (title: string, max = 100) => ({ type: 'string', title, minLength: 1, maxLength: max });

export function demoLicenceTypes(dept: (code: string) => string): LicenceTypeInput[] {
  const types: [string, Def][] = [
    [
      'business_licence',
      {
        name: '营业执照',
        nameEn: 'Business licence',
        typeCode: `${SAMR}001`,
        authority: '国家市场监督管理总局',
        holderType: 'entity',
        fields: {
          type: 'object',
          required: ['companyType', 'legalRep'],
          properties: {
            companyType: text('类型', 40),
            legalRep: text('法定代表人（经营者）', 40),
            capital: text('注册资本', 40),
            scope: text('经营范围', 500),
            address: text('住所'),
            form: text('组成形式', 20),
          },
        },
        validity: { years: 0, months: 0 },
        template: {
          numberPrefix: 'YZ',
          rows: [
            { field: 'companyType', label: '类型', labelEn: 'Type' },
            { field: 'legalRep', label: '法定代表人（经营者）', labelEn: 'Legal representative' },
            { field: 'capital', label: '注册资本', labelEn: 'Registered capital' },
            { field: 'address', label: '住所', labelEn: 'Address' },
            { field: 'scope', label: '经营范围', labelEn: 'Business scope' },
          ],
          sealPurpose: '证照专用章',
        },
        issuers: [dept('SCJG')],
        items: linksTo('business_licence'),
      },
    ],
    [
      'food_business',
      {
        name: '食品经营许可证',
        nameEn: 'Food business licence',
        typeCode: `${SAMR}032`,
        authority: '国家市场监督管理总局',
        holderType: 'entity',
        fields: {
          type: 'object',
          required: ['premises', 'mainBusiness'],
          properties: {
            premises: text('经营场所'),
            mainBusiness: text('主体业态', 40),
            area: { type: 'integer', title: '经营面积（平方米）', minimum: 0 },
            scope: { ...text('经营项目', 200), default: '预包装食品销售（含冷藏冷冻食品）；热食类食品制售' },
          },
        },
        validity: { years: 5, months: 0 },
        template: {
          numberPrefix: 'JY1',
          rows: [
            { field: 'mainBusiness', label: '主体业态', labelEn: 'Business format' },
            { field: 'premises', label: '经营场所', labelEn: 'Premises' },
            { field: 'scope', label: '经营项目', labelEn: 'Business activities' },
            { field: 'area', label: '经营面积（㎡）', labelEn: 'Business area (m²)' },
          ],
          sealPurpose: '证照专用章',
        },
        issuers: [dept('SCJG')],
        items: linksTo('food_business'),
      },
    ],
    [
      'social_security_card',
      {
        name: '社会保障卡',
        nameEn: 'Social security card',
        typeCode: `${MOHRSS}105`,
        authority: '人力资源和社会保障部',
        holderType: 'person',
        fields: {
          type: 'object',
          required: ['cardNo', 'bank'],
          properties: {
            cardNo: { type: 'string', title: '社会保障号码', pattern: '^[0-9]{17}[0-9X]$' },
            bank: { ...text('金融账户开户行', 40), default: '中国工商银行乌兰浩特支行' },
            mailAddress: text('寄送地址'),
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
        issuers: [dept('RSJ')],
        items: linksTo('social_security_card'),
      },
    ],
    [
      'real_estate',
      {
        name: '不动产权证书',
        nameEn: 'Real estate title certificate',
        typeCode: `${MNR}001`,
        authority: '自然资源部',
        holderType: 'person',
        fields: {
          type: 'object',
          required: ['location', 'use'],
          properties: { location: text('坐落'), right: text('权利类型', 60), use: text('用途', 40), area: text('面积', 40), tenure: text('使用期限', 60) },
        },
        validity: { years: 0, months: 0 },
        template: {
          numberPrefix: 'BDC',
          rows: [
            { field: 'location', label: '坐落', labelEn: 'Location' },
            { field: 'right', label: '权利类型', labelEn: 'Type of right' },
            { field: 'use', label: '用途', labelEn: 'Use' },
            { field: 'area', label: '面积', labelEn: 'Area' },
            { field: 'tenure', label: '使用期限', labelEn: 'Term of use' },
          ],
          sealPurpose: '不动产登记专用章',
        },
        issuers: [dept('ZRZYJ'), dept('BDC')],
        items: linksTo('real_estate'),
      },
    ],
    [
      'resident_id',
      {
        name: '居民身份证（电子证照）',
        nameEn: 'Resident identity card (reference)',
        typeCode: `${MPS}111`,
        authority: '公安部',
        holderType: 'person',
        fields: { type: 'object', required: ['address'], properties: { address: text('住址'), authorityName: text('签发机关', 60) } },
        validity: { years: 20, months: 0 },
        template: {
          numberPrefix: 'SFZ',
          rows: [
            { field: 'address', label: '住址', labelEn: 'Address' },
            { field: 'authorityName', label: '签发机关', labelEn: 'Issuing authority' },
          ],
          sealPurpose: '证照专用章',
        },
        issuers: [dept('GAJ')],
        items: [],
      },
    ],
    ...countyPermits(dept),
  ];
  return types.map(([key, definition]) => ({ key, definition }));
}
