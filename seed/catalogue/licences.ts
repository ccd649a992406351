/**
 * Which catalogue items issue an e-licence (办结即发证), audited against what a county platform
 * really issues. An entry names the licence type (seed/licence-types.ts) and how its fields are
 * filled: from the form (fieldMap: licence field → form field), fixed text, or the applicant's
 * known facts; 设立登记 items register a new entity that holds the licence.
 *
 * Left out on purpose, because the county platform does not issue them itself:
 * - 居民身份证, 护照, 港澳/台湾通行证, 驾驶证, 行驶证: made by the national or provincial police
 *   systems; the county only accepts the application.
 * - 结婚证, 离婚证: issued at the 婚姻登记处 in person, by both parties, through the national
 *   marriage registration system.
 * - 食品生产许可证, 排污许可证, 药品经营许可证 and other 盟市/province-level permits.
 * - 变更、补领、延续、注销 items: they re-issue or end an existing licence (换证 by staff), not a new one.
 */
export interface ItemLicence {
  type: string;
  fieldMap: Record<string, string>;
  fixed?: Record<string, string>;
  fromApplicant?: Record<string, string>;
  newEntity?: { nameField: string; kind: 'enterprise' | 'individual' | 'cooperative' };
}

export const ITEM_LICENCES: Record<string, ItemLicence> = {
  // 市场监管: 营业执照 for every 设立登记 (the new entity holds it), 食品经营许可证.
  'XK-SCJG-001': {
    type: 'business_licence',
    fieldMap: { scope: 'businessScope', capital: 'capital' },
    fixed: { companyType: '个体工商户', form: '个人经营' },
    fromApplicant: { legalRep: 'person.name' },
    newEntity: { nameField: 'shopName', kind: 'individual' },
  },
  'XK-SCJG-003': {
    type: 'business_licence',
    fieldMap: { companyType: 'companyType', capital: 'registeredCapital' },
    fromApplicant: { legalRep: 'person.name' },
    newEntity: { nameField: 'companyName', kind: 'enterprise' },
  },
  'XK-SCJG-008': {
    type: 'business_licence',
    fieldMap: { scope: 'business' },
    fixed: { companyType: '农民专业合作社' },
    fromApplicant: { legalRep: 'person.name' },
    newEntity: { nameField: 'coopName', kind: 'cooperative' },
  },
  'XK-SCJG-026': {
    type: 'business_licence',
    fieldMap: { companyType: 'companyType' },
    fromApplicant: { legalRep: 'person.name' },
    newEntity: { nameField: 'companyName', kind: 'enterprise' },
  },
  'XK-SCJG-002': { type: 'food_business', fieldMap: { premises: 'premisesAddress', mainBusiness: 'mainBusiness', area: 'area' } },
  // 人社: 社会保障卡 (its number is the ID number), 就业创业证.
  'GG-RSJ-006': { type: 'social_security_card', fieldMap: { cardNo: 'idNumber', mailAddress: 'mailAddress' } },
  'GG-RSJ-004': { type: 'employment_card', fieldMap: { employmentStatus: 'employmentStatus', education: 'education' } },
  // 自然资源、不动产登记: 不动产权证书 after a transfer, 建设工程规划许可证.
  'QR-ZRZYJ-003': { type: 'real_estate', fieldMap: { location: 'propertyAddress' }, fixed: { use: '住宅', right: '国有建设用地使用权/房屋所有权' } },
  'QR-BDC-003': { type: 'real_estate', fieldMap: { location: 'propertyAddress' }, fixed: { use: '住宅', right: '国有建设用地使用权/房屋所有权' } },
  'QR-BDC-004': { type: 'real_estate', fieldMap: { location: 'propertyAddress' }, fixed: { use: '住宅', right: '国有建设用地使用权/房屋所有权（继承）' } },
  'XK-ZRZYJ-001': { type: 'planning_permit', fieldMap: { project: 'projectName', site: 'siteAddress', floorArea: 'floorArea' } },
  // 住建: 建筑工程施工许可证.
  'XK-ZJJ-001': { type: 'construction_permit', fieldMap: { project: 'projectName', contractPrice: 'contractAmount', startDate: 'startDate' } },
  // 卫健、交通、文旅、水利、应急、烟草: the county's own permits.
  'XK-WJW-003': { type: 'hygiene_permit', fieldMap: { venueType: 'venueType', address: 'venueAddress' } },
  'XK-JTJ-001': { type: 'road_transport', fieldMap: { scope: 'cargoType', vehicles: 'vehicles' } },
  'XK-WLTJ-001': { type: 'entertainment', fieldMap: { venue: 'venueName', rooms: 'rooms' } },
  'XK-SLJ-001': { type: 'water_permit', fieldMap: { source: 'source', annualVolume: 'annualVolume' } },
  'XK-YJGL-001': { type: 'fireworks_retail', fieldMap: { address: 'storeAddress', storageArea: 'storageArea' } },
  'XK-YCZM-001': { type: 'tobacco_retail', fieldMap: { address: 'shopAddress', area: 'area' } },
  // 公安治安: 特种行业许可证 for 旅馆业, 公章刻制业 and 典当业.
  'XK-HZDD-019': { type: 'special_trade', fieldMap: { premises: 'hotelName' }, fixed: { trade: '旅馆业' } },
  'XK-HZDD-020': { type: 'special_trade', fieldMap: { premises: 'shopAddress' }, fixed: { trade: '公章刻制业' } },
  'XK-GAJ-014': { type: 'special_trade', fieldMap: { premises: 'address' }, fixed: { trade: '典当业' } },
  // 教育、残联: 教师资格证, 残疾人证.
  'QR-JYJ-002': { type: 'teacher_cert', fieldMap: { level: 'level', subject: 'subject' } },
  'QR-CLH-001': { type: 'disability_card', fieldMap: { category: 'category' } },
};

/** The catalogue items that issue a licence type, as its definition lists them. */
export const linksTo = (key: string) =>
  Object.entries(ITEM_LICENCES)
    .filter(([, l]) => l.type === key)
    .map(([itemCode, { type: _type, ...link }]) => ({ itemCode, ...link }));
