import { SYSTEM_PRINCIPAL } from '../src/modules/identity/index.ts';
import type { BundleInput } from '../src/modules/services/index.ts';
import type { Platform } from '../src/platform.ts';

/**
 * The demo region's 一件事 (after 国办发〔2025〕24号 and the Inner Mongolia portal): each member is an
 * item of the demo catalogue in its own department; `after` is the order the departments work in.
 */
export const DEMO_BUNDLES: BundleInput['content'][] = [
  {
    name: '新生儿出生一件事',
    nameEn: 'Birth of a child',
    description: '出生医学证明、户口登记、城乡居民医保参保、社会保障卡申领一次申请，各部门按顺序办理，结果一次送达。',
    descriptionEn: 'Birth certificate, household registration, health insurance and the social security card in one application; the departments work in turn and the results come together.',
    applicantType: 'person',
    lifeEvents: ['birth'],
    enterpriseEvents: [],
    members: [
      { itemCode: 'GG-WJW-002', after: [] },
      { itemCode: 'QR-GAJ-003', after: ['GG-WJW-002'] },
      { itemCode: 'GG-YBJ-009', after: ['QR-GAJ-003'] },
      { itemCode: 'GG-RSJ-006', after: ['GG-YBJ-009'] },
    ],
  },
  {
    name: '企业开办一件事',
    nameEn: 'Starting a business',
    description: '营业执照、首套印章刻制、涉税事项、社会保险登记、住房公积金缴存登记一表申请；执照核发后其余各项同步办理。',
    descriptionEn: 'Business licence, first seals, tax matters, social insurance and housing fund registration on one form; once the licence is issued the rest proceed together.',
    applicantType: 'person',
    lifeEvents: ['employment'],
    enterpriseEvents: ['start'],
    members: [
      { itemCode: 'XK-SCJG-003', after: [] },
      { itemCode: 'QT-HZDD-023', after: ['XK-SCJG-003'] },
      { itemCode: 'QR-SWUJ-021', after: ['XK-SCJG-003'] },
      { itemCode: 'GG-RSJ-031', after: ['XK-SCJG-003'] },
      { itemCode: 'GG-GJJ-013', after: ['XK-SCJG-003'] },
    ],
  },
  {
    name: '退休一件事',
    nameEn: 'Retirement',
    description: '养老保险待遇申领后，住房公积金退休提取和职工医保待遇核定自动接续办理。',
    descriptionEn: 'Once the pension is granted, the housing fund withdrawal and the health insurance entitlement follow on their own.',
    applicantType: 'person',
    lifeEvents: ['retirement'],
    enterpriseEvents: [],
    members: [
      { itemCode: 'JF-RSJ-011', after: [] },
      { itemCode: 'GG-GJJ-004', after: ['JF-RSJ-011'] },
      { itemCode: 'GG-YBJ-013', after: ['JF-RSJ-011'] },
    ],
  },
  {
    name: '身后一件事',
    nameEn: 'After a death',
    description: '死亡人员户口注销后，基本殡葬服务补贴与丧葬补助金、抚恤金同时办理，家属只跑一次。',
    descriptionEn: 'Once the household registration is closed, the funeral subsidy and the survivors’ allowance are handled together; the family comes once.',
    applicantType: 'person',
    lifeEvents: ['after_death'],
    enterpriseEvents: [],
    members: [
      { itemCode: 'QR-HZDD-004', after: [] },
      { itemCode: 'JF-MZJ-004', after: ['QR-HZDD-004'] },
      { itemCode: 'JF-RSJ-028', after: ['QR-HZDD-004'] },
    ],
  },
];

/** Loads the demo 一件事 (the catalogue must be loaded first); a bundle whose members are missing is skipped. */
export async function seedBundles(p: Platform): Promise<number> {
  const regionCode = p.kernel.config.regionCode;
  let n = 0;
  for (const [i, content] of DEMO_BUNDLES.entries()) {
    try {
      await p.services.bundles.create(SYSTEM_PRINCIPAL, { code: `YJS-${String(i + 1).padStart(3, '0')}`, regionCode, content }, 'seed');
      n++;
    } catch (err) {
      p.log.warn({ err, bundle: content.name }, 'seed: 一件事 skipped');
    }
  }
  return n;
}
