import { makeCreditCode } from '../src/kernel/ids/index.ts';
import type { LicenceTypeInput } from '../src/modules/licenses/index.ts';
import { linksTo } from './catalogue/licences.ts';

type Def = LicenceTypeInput['definition'];
/** English names of the fields below, as data for the English pages. */
const FIELD_EN: Record<string, string> = {
  任教学科: 'Teaching subject',
  '储存面积（平方米）': 'Storage area (m²)',
  '包厢（间）数': 'Number of private rooms',
  '取水量（立方米/年）': 'Water withdrawal (m³/year)',
  '合同价格（万元）': 'Contract price (10,000 yuan)',
  场所名称: 'Premises name',
  就业状态: 'Employment status',
  工程名称: 'Project name',
  建设位置: 'Construction site',
  '建设规模（平方米）': 'Construction scale (m²)',
  建设项目名称: 'Construction project name',
  文化程度: 'Education',
  残疾类别: 'Disability category',
  水源类型: 'Water source type',
  经营场所: 'Business premises',
  经营范围: 'Business scope',
  '经营面积（平方米）': 'Business area (m²)',
  营运车辆数: 'Vehicles in operation',
  行业类别: 'Industry category',
  计划开工日期: 'Planned start date',
  许可项目: 'Licensed activities',
  资格种类: 'Qualification type',
};

type Field = [name: string, title: string, kind?: 'text' | 'int' | 'date', required?: boolean];

/** A defining ministry's credit code (synthetic, with valid check characters), as licence type codes start with it. */
const ministry = (base8: string) => makeCreditCode('100000', base8, '1', '1');

/**
 * The permits and certificates a county's own departments issue on approval (see the audit in
 * seed/catalogue/licences.ts): one definition each, fields in Chinese with the English name as data.
 */
function permit(o: {
  name: string;
  nameEn: string;
  authority: string;
  code: string;
  holderType: 'person' | 'entity';
  issuers: string[];
  fields: Field[];
  years: number;
  prefix: string;
  key: string;
}): Def {
  return {
    name: o.name,
    nameEn: o.nameEn,
    typeCode: o.code,
    authority: o.authority,
    holderType: o.holderType,
    fields: {
      type: 'object',
      required: o.fields.filter((f) => f[3] !== false).map((f) => f[0]),
      properties: Object.fromEntries(
        o.fields.map(([n, title, kind]) => [
          n,
          kind === 'int' ? { type: 'integer', title, minimum: 0 } : kind === 'date' ? { type: 'string', title, format: 'date' } : { type: 'string', title, minLength: 1, maxLength: 200 },
        ]),
      ),
    },
    validity: { years: o.years, months: 0 },
    template: { numberPrefix: o.prefix, rows: o.fields.map(([field, label]) => ({ field, label, ...(FIELD_EN[label] ? { labelEn: FIELD_EN[label] } : {}) })), sealPurpose: '证照专用章' },
    issuers: o.issuers,
    items: linksTo(o.key),
  };
}

export function countyPermits(dept: (code: string) => string): [string, Def][] {
  const list: (Omit<Parameters<typeof permit>[0], 'issuers'> & { depts: string[] })[] = [
    {
      key: 'construction_permit',
      name: '建筑工程施工许可证',
      nameEn: 'Construction permit',
      authority: '住房和城乡建设部',
      code: `${ministry('00000001')}001`,
      holderType: 'entity',
      depts: ['ZJJ'],
      fields: [
        ['project', '工程名称'],
        ['contractPrice', '合同价格（万元）', 'int'],
        ['startDate', '计划开工日期', 'date', false],
      ],
      years: 0,
      prefix: 'SG',
    },
    {
      key: 'planning_permit',
      name: '建设工程规划许可证',
      nameEn: 'Construction project planning permit',
      authority: '自然资源部',
      code: '11100000MB0359519G002',
      holderType: 'entity',
      depts: ['ZRZYJ'],
      fields: [
        ['project', '建设项目名称'],
        ['site', '建设位置'],
        ['floorArea', '建设规模（平方米）', 'int'],
      ],
      years: 0,
      prefix: 'JSGC',
    },
    {
      key: 'employment_card',
      name: '就业创业证',
      nameEn: 'Employment and entrepreneurship certificate',
      authority: '人力资源和社会保障部',
      code: '11100000000013127D106',
      holderType: 'person',
      depts: ['RSJ'],
      fields: [
        ['employmentStatus', '就业状态'],
        ['education', '文化程度', 'text', false],
      ],
      years: 0,
      prefix: 'JYCY',
    },
    {
      key: 'hygiene_permit',
      name: '公共场所卫生许可证',
      nameEn: 'Public venue hygiene permit',
      authority: '国家卫生健康委员会',
      code: `${ministry('00000002')}001`,
      holderType: 'entity',
      depts: ['WJW'],
      fields: [
        ['venueType', '许可项目'],
        ['address', '经营场所'],
      ],
      years: 4,
      prefix: 'WGS',
    },
    {
      key: 'road_transport',
      name: '道路运输经营许可证',
      nameEn: 'Road transport business licence',
      authority: '交通运输部',
      code: `${ministry('00000003')}001`,
      holderType: 'entity',
      depts: ['JTJ'],
      fields: [
        ['scope', '经营范围'],
        ['vehicles', '营运车辆数', 'int', false],
      ],
      years: 4,
      prefix: 'DYZ',
    },
    {
      key: 'entertainment',
      name: '娱乐经营许可证',
      nameEn: 'Entertainment venue licence',
      authority: '文化和旅游部',
      code: `${ministry('00000004')}001`,
      holderType: 'entity',
      depts: ['WLTJ'],
      fields: [
        ['venue', '场所名称'],
        ['rooms', '包厢（间）数', 'int', false],
      ],
      years: 2,
      prefix: 'YL',
    },
    {
      key: 'water_permit',
      name: '取水许可证',
      nameEn: 'Water abstraction permit',
      authority: '水利部',
      code: `${ministry('00000005')}001`,
      holderType: 'entity',
      depts: ['SLJ'],
      fields: [
        ['source', '水源类型'],
        ['annualVolume', '取水量（立方米/年）', 'int'],
      ],
      years: 5,
      prefix: 'QS',
    },
    {
      key: 'fireworks_retail',
      name: '烟花爆竹经营（零售）许可证',
      nameEn: 'Fireworks retail licence',
      authority: '应急管理部',
      code: `${ministry('00000006')}001`,
      holderType: 'entity',
      depts: ['YJGL'],
      fields: [
        ['address', '经营场所'],
        ['storageArea', '储存面积（平方米）', 'int', false],
      ],
      years: 2,
      prefix: 'YHLS',
    },
    {
      key: 'tobacco_retail',
      name: '烟草专卖零售许可证',
      nameEn: 'Tobacco retail licence',
      authority: '国家烟草专卖局',
      code: `${ministry('00000007')}001`,
      holderType: 'entity',
      depts: ['YCZM'],
      fields: [
        ['address', '经营场所'],
        ['area', '经营面积（平方米）', 'int', false],
      ],
      years: 5,
      prefix: 'YCLS',
    },
    {
      key: 'special_trade',
      name: '特种行业许可证',
      nameEn: 'Special trade licence',
      authority: '公安部',
      code: '11100000000013313B112',
      holderType: 'entity',
      depts: ['HZDD', 'GAJ'],
      fields: [
        ['trade', '行业类别'],
        ['premises', '经营场所'],
      ],
      years: 0,
      prefix: 'TH',
    },
    {
      key: 'teacher_cert',
      name: '教师资格证',
      nameEn: 'Teacher qualification certificate',
      authority: '教育部',
      code: `${ministry('00000008')}001`,
      holderType: 'person',
      depts: ['JYJ'],
      fields: [
        ['level', '资格种类'],
        ['subject', '任教学科', 'text', false],
      ],
      years: 0,
      prefix: 'JSZG',
    },
    {
      key: 'disability_card',
      name: '残疾人证',
      nameEn: 'Disability certificate',
      authority: '中国残疾人联合会',
      code: `${ministry('00000009')}001`,
      holderType: 'person',
      depts: ['CLH'],
      fields: [['category', '残疾类别']],
      years: 10,
      prefix: 'CJR',
    },
  ];
  return list.map(({ depts, ...o }) => [o.key, permit({ ...o, issuers: depts.map(dept) })]);
}
