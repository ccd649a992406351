import type { ItemInput, ResourceInput } from '../schema.ts';

type Item = ItemInput;
const col = (column: string) => ({ column });
const enc = (stem: string) => ({ encrypted: `${stem}_enc`, index: `${stem}_idx`, masked: `${stem}_masked` });

/**
 * The base databases (基础库) as catalogue entries, each backed by its table. `dept` maps a
 * department code (GAJ, SCJG, FGW, ZWSJ, ZRZYJ) to the providing department's id.
 */
export function baseResources(dept: (code: string) => string, regionCode: string): ResourceInput[] {
  const base = { regionCode, category: 'base' as const, backing: 'table' as const };
  const population: Item[] = [
    { code: 'idNumber', name: '公民身份号码', dataType: 'string', standard: 'GB 11643-1999', grade: 'L4', importance: 'important', element: 'person.idNumber', storage: enc('id_number'), rules: [{ kind: 'required' }, { kind: 'format', format: 'citizen-id' }, { kind: 'unique' }] },
    { code: 'name', name: '姓名', dataType: 'string', grade: 'L3', importance: 'general', element: 'person.name', storage: col('name'), rules: [{ kind: 'required' }] },
    { code: 'sex', name: '性别', dataType: 'string', standard: 'GB/T 2261.1-2003', grade: 'L2', importance: 'general', element: 'person.sex', storage: col('sex') },
    { code: 'birthDate', name: '出生日期', dataType: 'date', grade: 'L3', importance: 'general', element: 'person.birthDate', storage: col('birth_date'), rules: [{ kind: 'range', min: '1900-01-01', max: '2030-12-31' }] },
    { code: 'nation', name: '民族', dataType: 'string', standard: 'GB/T 3304-1991', grade: 'L2', importance: 'general', element: 'person.nation', storage: col('nation') },
    { code: 'regionCode', name: '户籍地行政区划', dataType: 'string', standard: 'GB/T 2260', grade: 'L1', importance: 'general', element: 'person.regionCode', storage: col('region_code'), rules: [{ kind: 'required' }, { kind: 'format', format: 'region-code' }] },
    { code: 'address', name: '户籍地址', dataType: 'string', grade: 'L3', importance: 'general', element: 'person.address', storage: col('address') },
  ];
  const entity: Item[] = [
    { code: 'creditCode', name: '统一社会信用代码', description: '18位统一社会信用代码，市场主体的唯一身份代码', dataType: 'string', standard: 'GB 32100-2015', grade: 'L1', importance: 'general', element: 'entity.creditCode', storage: col('credit_code'), rules: [{ kind: 'required' }, { kind: 'format', format: 'credit-code' }, { kind: 'unique' }] },
    { code: 'name', name: '名称', description: '登记的市场主体名称', dataType: 'string', grade: 'L1', importance: 'general', element: 'entity.name', storage: col('name'), rules: [{ kind: 'required' }] },
    { code: 'entityType', name: '市场主体类型', description: '有限公司、个体工商户、农民专业合作社等', dataType: 'string', grade: 'L1', importance: 'general', element: 'entity.type', storage: col('entity_type') },
    { code: 'legalRepName', name: '法定代表人', description: '法定代表人或经营者姓名', dataType: 'string', grade: 'L2', importance: 'general', element: 'entity.legalRepName', storage: col('legal_rep_name') },
    { code: 'legalRepIdNumber', name: '法定代表人身份号码', description: '个人信息，只以脱敏形式提供', dataType: 'string', standard: 'GB 11643-1999', grade: 'L4', importance: 'important', element: 'entity.legalRepIdNumber', storage: enc('legal_rep'), rules: [{ kind: 'exists-in', resource: 'RK-POPULATION', item: 'idNumber' }] },
    { code: 'registeredCapital', name: '注册资本（元）', description: '登记的注册资本，单位为元', dataType: 'number', grade: 'L1', importance: 'general', element: 'entity.capital', storage: col('registered_capital'), rules: [{ kind: 'range', min: 0, max: 1e12 }] },
    { code: 'establishedOn', name: '成立日期', description: '营业执照签发的成立日期', dataType: 'date', grade: 'L1', importance: 'general', element: 'entity.establishedOn', storage: col('established_on') },
    { code: 'address', name: '住所', description: '登记的住所或经营场所', dataType: 'string', grade: 'L1', importance: 'general', element: 'entity.address', storage: col('address') },
    { code: 'status', name: '登记状态', description: '存续、注销等登记状态', dataType: 'string', grade: 'L1', importance: 'general', element: 'entity.status', storage: col('status') },
    { code: 'regionCode', name: '登记机关行政区划', description: '登记机关所在行政区划代码', dataType: 'string', standard: 'GB/T 2260', grade: 'L1', importance: 'general', element: 'entity.regionCode', storage: col('region_code'), rules: [{ kind: 'format', format: 'region-code' }] },
  ];
  const credit: Item[] = [
    { code: 'creditCode', name: '统一社会信用代码', description: '市场主体的统一社会信用代码', dataType: 'string', standard: 'GB 32100-2015', grade: 'L1', importance: 'general', storage: col('credit_code'), rules: [{ kind: 'required' }, { kind: 'exists-in', resource: 'FR-ENTITY', item: 'creditCode' }] },
    { code: 'rating', name: '信用等级', description: '公共信用综合评价等级', dataType: 'string', grade: 'L2', importance: 'general', element: 'credit.rating', storage: col('rating') },
    { code: 'penalties', name: '行政处罚次数', description: '公示期内的行政处罚次数', dataType: 'integer', grade: 'L1', importance: 'general', element: 'credit.penalties', storage: col('penalties'), rules: [{ kind: 'range', min: 0, max: 1000 }] },
    { code: 'redList', name: '守信激励（红名单）', description: '是否列入守信激励对象名单', dataType: 'boolean', grade: 'L1', importance: 'general', element: 'credit.redList', storage: col('red_list') },
    { code: 'blackList', name: '失信惩戒（黑名单）', description: '是否列入严重失信主体名单', dataType: 'boolean', grade: 'L1', importance: 'general', element: 'credit.blackList', storage: col('black_list') },
  ];
  const licence: Item[] = [
    { code: 'identifier', name: '证照标识', dataType: 'string', standard: 'GB/T 36904-2018', grade: 'L1', importance: 'general', element: 'licence.identifier', storage: col('identifier'), rules: [{ kind: 'required' }, { kind: 'unique' }] },
    { code: 'licenceType', name: '证照类型', dataType: 'string', grade: 'L1', importance: 'general', element: 'licence.type', storage: col('licence_type') },
    { code: 'licenceName', name: '证照名称', dataType: 'string', grade: 'L1', importance: 'general', element: 'licence.name', storage: col('licence_name') },
    { code: 'issuerName', name: '颁发机构', dataType: 'string', grade: 'L1', importance: 'general', element: 'licence.issuer', storage: col('issuer_name') },
    { code: 'status', name: '证照状态', dataType: 'string', grade: 'L1', importance: 'general', element: 'licence.status', storage: col('status') },
  ];
  const place: Item[] = [
    { code: 'name', name: '地理实体名称', description: '医院、学校、公园等地理实体的名称', dataType: 'string', grade: 'L1', importance: 'general', element: 'place.name', storage: col('name'), rules: [{ kind: 'required' }] },
    { code: 'kind', name: '类别', description: '地理实体的类别', dataType: 'string', grade: 'L1', importance: 'general', element: 'place.kind', storage: col('kind') },
    { code: 'lon', name: '经度', description: 'CGCS2000 经度', dataType: 'number', standard: 'CGCS2000', grade: 'L2', importance: 'general', element: 'place.lon', storage: col('lon'), rules: [{ kind: 'range', min: 119, max: 124 }] },
    { code: 'lat', name: '纬度', description: 'CGCS2000 纬度', dataType: 'number', standard: 'CGCS2000', grade: 'L2', importance: 'general', element: 'place.lat', storage: col('lat'), rules: [{ kind: 'range', min: 44, max: 48 }] },
    { code: 'address', name: '地址', description: '地理实体的地址', dataType: 'string', grade: 'L1', importance: 'general', element: 'place.address', storage: col('address') },
  ];
  const idNo: Item = { code: 'idNumber', name: '公民身份号码', dataType: 'string', standard: 'GB 11643-1999', grade: 'L4', importance: 'important', storage: enc('id_number'), rules: [{ kind: 'required' }, { kind: 'format', format: 'citizen-id' }, { kind: 'exists-in', resource: 'RK-POPULATION', item: 'idNumber' }] };
  const death: Item[] = [idNo, { code: 'diedOn', name: '死亡日期', dataType: 'date', grade: 'L3', importance: 'important', element: 'person.diedOn', storage: col('died_on'), rules: [{ kind: 'required' }] }];
  const disability: Item[] = [
    idNo,
    { code: 'grade', name: '残疾等级', dataType: 'integer', standard: 'GB/T 26341-2010', grade: 'L3', importance: 'important', element: 'person.disabilityGrade', storage: col('grade'), rules: [{ kind: 'range', min: 1, max: 4 }] },
    { code: 'category', name: '残疾类别', dataType: 'string', standard: 'GB/T 26341-2010', grade: 'L3', importance: 'important', element: 'person.disabilityCategory', storage: col('category') },
  ];
  const assistance: Item[] = [
    idNo,
    { code: 'kind', name: '救助类别', dataType: 'string', grade: 'L3', importance: 'important', element: 'person.assistanceKind', storage: col('kind') },
    { code: 'householdSize', name: '保障家庭人口数', dataType: 'integer', grade: 'L3', importance: 'general', element: 'person.householdSize', storage: col('household_size'), rules: [{ kind: 'range', min: 1, max: 30 }] },
    { code: 'status', name: '保障状态', dataType: 'string', grade: 'L2', importance: 'general', element: 'person.assistanceStatus', storage: col('status') },
  ];
  const employer: Item[] = [
    { code: 'creditCode', name: '统一社会信用代码', dataType: 'string', standard: 'GB 32100-2015', grade: 'L1', importance: 'general', storage: col('credit_code'), rules: [{ kind: 'required' }, { kind: 'exists-in', resource: 'FR-ENTITY', item: 'creditCode' }] },
    { code: 'size', name: '企业规模', dataType: 'string', grade: 'L1', importance: 'general', element: 'entity.size', storage: col('size') },
    { code: 'insuredAvg', name: '月均参保人数', dataType: 'integer', grade: 'L2', importance: 'general', element: 'entity.insuredStaff', storage: col('insured_avg'), rules: [{ kind: 'range', min: 0, max: 1000000 }] },
    { code: 'monthsPaid', name: '失业保险连续缴费月数', dataType: 'integer', grade: 'L2', importance: 'general', element: 'entity.unemploymentMonthsPaid', storage: col('months_paid'), rules: [{ kind: 'range', min: 0, max: 1200 }] },
    { code: 'lastYearContributionFen', name: '上年度实缴失业保险费（分）', dataType: 'integer', grade: 'L2', importance: 'general', element: 'entity.lastYearContribution', storage: col('last_year_contribution_fen') },
    { code: 'newClaimants', name: '上年度新增领取失业保险金人数', dataType: 'integer', grade: 'L2', importance: 'general', element: 'entity.newClaimants', storage: col('new_claimants') },
  ];
  return [
    { ...base, code: 'RK-POPULATION', name: '人口基础信息', description: '全盟常住和户籍人口的身份、出生、民族与户籍地信息，由公安部门唯一提供。', providerDepartmentId: dept('GAJ'), backingRef: 'data_population', keyItem: 'idNumber', sharingType: 'conditional', sharingBasis: '《中华人民共和国个人信息保护法》第十三条、第三十四条：国家机关为履行法定职责处理个人信息，限于履职所必需的范围和限度。', openType: 'none', openBasis: '涉及个人信息，不予开放。', updateFrequency: 'daily', items: population },
    { ...base, code: 'FR-ENTITY', name: '法人基础信息', description: '企业、个体工商户、农民专业合作社的登记信息，由市场监管部门唯一提供。', providerDepartmentId: dept('SCJG'), backingRef: 'data_entity', keyItem: 'creditCode', sharingType: 'unconditional', openType: 'conditional', openBasis: '法定代表人身份号码等个人信息不予开放，其余登记信息依《企业信息公示暂行条例》公示。', updateFrequency: 'daily', items: entity },
    { ...base, code: 'XY-CREDIT', name: '公共信用信息', description: '市场主体信用等级、行政处罚与红黑名单。', providerDepartmentId: dept('FGW'), backingRef: 'data_credit', keyItem: 'creditCode', sharingType: 'unconditional', openType: 'open', updateFrequency: 'weekly', items: credit },
    { ...base, code: 'ZZ-LICENCE', name: '电子证照目录', description: '全市签发的电子证照索引（标识、类型、颁发机构、状态），随签发与注销实时更新。', providerDepartmentId: dept('ZWSJ'), backingRef: 'data_licence_index', keyItem: 'identifier', sharingType: 'unconditional', openType: 'none', openBasis: '证照持有人信息不予开放，核验请使用公开核验服务。', updateFrequency: 'realtime', items: licence },
    { ...base, code: 'DL-PLACE', name: '地理实体', description: '医院、学校、公园、交通枢纽等地理实体的名称、类别与坐标。', providerDepartmentId: dept('ZRZYJ'), backingRef: 'data_place', keyItem: 'name', sharingType: 'unconditional', openType: 'open', updateFrequency: 'monthly', items: place },
    { ...base, code: 'MZ-DEATH', name: '死亡登记信息', description: '公安户籍注销、医学死亡证明与殡葬火化的死亡记录，用于待遇停发等。', providerDepartmentId: dept('MZJ'), backingRef: 'data_death', keyItem: 'idNumber', sharingType: 'conditional', sharingBasis: '《社会救助暂行办法》及各项待遇发放办法：核查待遇领取资格所必需。', openType: 'none', openBasis: '涉及个人信息，不予开放。', updateFrequency: 'daily', items: death },
    { ...base, code: 'CL-DISABILITY', name: '残疾人基础信息', description: '持证残疾人的残疾类别与等级（第二代残疾人证）。', providerDepartmentId: dept('CLH'), backingRef: 'data_disability', keyItem: 'idNumber', sharingType: 'conditional', sharingBasis: '《残疾人保障法》与两项补贴制度：核定补贴资格所必需。', openType: 'none', openBasis: '涉及个人信息，不予开放。', updateFrequency: 'daily', items: disability },
    { ...base, code: 'MZ-ASSISTANCE', name: '社会救助对象信息', description: '最低生活保障与特困人员供养对象及其保障家庭人口。', providerDepartmentId: dept('MZJ'), backingRef: 'data_assistance', keyItem: 'idNumber', sharingType: 'conditional', sharingBasis: '《社会救助暂行办法》第五十九条：救助信息共享、比对核查。', openType: 'none', openBasis: '涉及个人信息，不予开放。', updateFrequency: 'monthly', items: assistance },
    { ...base, code: 'SB-EMPLOYER', name: '单位参保信息', description: '用人单位规模、参保人数、失业保险缴费月数与金额、新增领金人数。', providerDepartmentId: dept('RSJ'), backingRef: 'data_employer_insurance', keyItem: 'creditCode', sharingType: 'unconditional', openType: 'none', openBasis: '单位缴费明细不予开放。', updateFrequency: 'monthly', items: employer },
  ];
}
