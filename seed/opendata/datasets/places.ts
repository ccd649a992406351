import { STREETS, TOWNS, type DatasetDef, type Gen, type ItemDef } from './gen.ts';

/*
 * Open datasets of places in 乌兰浩特市: each row a facility with its street, address and
 * coordinates (CGCS2000, around 46.07N 122.07E).
 */

const LON: ItemDef = ['lon', '经度', 'number', '设施位置经度（CGCS2000）'];
const LAT: ItemDef = ['lat', '纬度', 'number', '设施位置纬度（CGCS2000）'];
const STREET: ItemDef = ['street', '所属街道', 'string', '设施所在街道（乡镇）名称'];
const ADDRESS: ItemDef = ['address', '地址', 'string', '详细地址'];

/** `n` facilities spread over the streets, each with street, address and point, plus what `extra` adds. */
function facilities(n: number, extra: (g: Gen, i: number, s: (typeof STREETS)[number]) => Record<string, unknown>) {
  return (g: Gen) =>
    Array.from({ length: n }, (_, i) => {
      const s = g.street();
      const p = g.point(s.code);
      return { ...extra(g, i, s), street: s.name, address: g.address(s), lon: p.lon, lat: p.lat, _region: s.code };
    });
}

const shortStreet = (s: { name: string }) => s.name.replace(/街道$/, '');

export const PLACE_DATASETS: DatasetDef[] = [
  {
    code: 'JT-BUS-STOP',
    dept: 'JTJ',
    name: '公交站点',
    description: '乌兰浩特市城市公交站点的名称、所在道路、途经线路、候车亭设置与坐标，随线路调整更新。',
    frequency: 'monthly',
    items: [
      ['stopName', '站点名称', 'string', '站牌所示站名'],
      STREET,
      ADDRESS,
      ['lines', '途经线路', 'string', '途经该站的线路编号，以顿号分隔'],
      ['lineCount', '途经线路数', 'integer', '途经该站的线路条数'],
      ['shelter', '是否设候车亭', 'boolean', '站点是否设有候车亭'],
      LON,
      LAT,
    ],
    rows: (g) =>
      Array.from({ length: 620 }, (_, i) => {
        const s = g.street();
        const p = g.point(s.code);
        const n = g.weighted([
          [1, 4],
          [2, 4],
          [3, 2],
          [4, 1],
        ] as const);
        const lines = [...new Set(Array.from({ length: n }, () => `${g.int(1, 22)}路`))];
        return {
          stopName: `${g.pick(s.roads)}${g.pick(['口', '站', '东', '西', '南', '北', '中段'])}${i % 7 === 0 ? '' : ''}`,
          street: s.name,
          address: g.address(s),
          lines: lines.join('、'),
          lineCount: lines.length,
          shelter: g.rnd() < 0.7,
          lon: p.lon,
          lat: p.lat,
          _region: s.code,
        };
      }),
    meta: {
      titleEn: 'Bus stops',
      notesEn: 'City bus stops of Ulanhot: name, road, lines serving the stop, shelter and coordinates.',
      theme: 'transport',
      tags: ['公交', '站点', '出行'],
      licence: 'CC-BY-4.0',
    },
  },
  {
    code: 'JT-PARKING',
    dept: 'JTJ',
    name: '公共停车场',
    description: '城区公共停车场的名称、位置、泊位数、收费标准和开放时间。',
    frequency: 'monthly',
    items: [
      ['parkingName', '停车场名称', 'string', '停车场名称'],
      STREET,
      ADDRESS,
      ['spaces', '泊位数', 'integer', '小型车泊位总数'],
      ['chargingSpaces', '充电泊位数', 'integer', '配建充电设施的泊位数'],
      ['firstHourFee', '首小时收费（元）', 'number', '小型车首小时收费标准，0 为免费'],
      ['openHours', '开放时间', 'string', '对外开放时段'],
      LON,
      LAT,
    ],
    rows: facilities(160, (g, i, s) => ({
      parkingName: `${g.pick(s.roads)}${g.pick(['公共停车场', '地下停车场', '立体停车库', '临时停车场'])}${i % 3 === 0 ? '' : `（${i + 1}号）`}`,
      spaces: g.int(30, 600),
      chargingSpaces: g.int(0, 40),
      firstHourFee: g.pick([0, 2, 3, 5]),
      openHours: g.pick(['00:00-24:00', '07:00-22:00', '06:30-21:30']),
    })),
    meta: {
      titleEn: 'Public car parks',
      notesEn: 'Public car parks: location, number of spaces, charging spaces, fees and opening hours.',
      theme: 'transport',
      tags: ['停车', '泊位', '出行'],
      licence: 'CC-BY-4.0',
    },
  },
  {
    code: 'JT-CHARGER',
    dept: 'JTJ',
    name: '电动汽车充电站',
    description: '公共充电站的运营单位、位置、充电桩数量与功率。',
    frequency: 'monthly',
    items: [
      ['stationName', '充电站名称', 'string', '充电站名称'],
      ['operator', '运营单位', 'string', '充电设施运营企业'],
      STREET,
      ADDRESS,
      ['piles', '充电桩数', 'integer', '充电桩总数'],
      ['fastPiles', '直流快充桩数', 'integer', '直流快充桩数'],
      ['maxPowerKw', '最大功率（千瓦）', 'number', '单桩最大输出功率'],
      LON,
      LAT,
    ],
    rows: facilities(310, (g, i, s) => {
      const piles = g.int(2, 24);
      return {
        stationName: `${shortStreet(s)}${g.pick(s.roads)}充电站${i + 1}`,
        operator: g.pick(['国网兴安供电公司', '特来电新能源有限公司', '星星充电', '兴安盟公交集团', '红城新能源科技有限公司']),
        piles,
        fastPiles: g.int(0, piles),
        maxPowerKw: g.pick([7, 60, 120, 160]),
      };
    }),
    meta: {
      titleEn: 'EV charging stations',
      notesEn: 'Public electric-vehicle charging stations: operator, location, number of chargers and power.',
      theme: 'energy',
      tags: ['充电桩', '新能源汽车'],
      licence: 'CC-BY-4.0',
    },
  },
  {
    code: 'JT-BIKE',
    dept: 'JTJ',
    name: '公共自行车站点',
    description: '城市公共自行车租还站点的位置、锁桩数和投放车辆数。',
    frequency: 'weekly',
    items: [['siteName', '站点名称', 'string', '租还站点名称'], STREET, ADDRESS, ['docks', '锁桩数', 'integer', '站点锁桩总数'], ['bikes', '投放车辆数', 'integer', '站点日常投放车辆数'], LON, LAT],
    rows: facilities(210, (g, i, s) => {
      const docks = g.int(10, 40);
      return { siteName: `${g.pick(s.roads)}${g.pick(['公交站', '广场', '小区南门', '医院', '学校'])}租车点`, docks, bikes: g.int(Math.floor(docks / 3), docks) };
    }),
    meta: {
      titleEn: 'Public bicycle stations',
      notesEn: 'Public bicycle hire stations: location, docks and bicycles placed.',
      theme: 'transport',
      tags: ['公共自行车', '绿色出行'],
      licence: 'CC-BY-4.0',
    },
  },
  {
    code: 'CG-TOILET',
    dept: 'CGZF',
    name: '公共厕所',
    description: '城区公共厕所的位置、类别、无障碍设施和开放时间。',
    frequency: 'quarterly',
    items: [
      ['toiletName', '名称', 'string', '公共厕所名称'],
      ['category', '类别', 'string', '独立式、附属式或活动式'],
      STREET,
      ADDRESS,
      ['accessible', '无障碍设施', 'boolean', '是否设无障碍厕位'],
      ['open24h', '24小时开放', 'boolean', '是否全天开放'],
      LON,
      LAT,
    ],
    rows: facilities(260, (g, i, s) => ({
      toiletName: `${g.pick(s.roads)}公厕${i + 1}`,
      category: g.weighted([
        ['独立式', 5],
        ['附属式', 3],
        ['活动式', 1],
      ] as const),
      accessible: g.rnd() < 0.6,
      open24h: g.rnd() < 0.45,
    })),
    meta: { titleEn: 'Public toilets', notesEn: 'Public toilets in the city: kind, accessibility and opening hours.', theme: 'livelihood', tags: ['公厕', '便民'], licence: 'CC-BY-4.0' },
  },
  {
    code: 'WJ-CLINIC',
    dept: 'WJW',
    name: '医疗机构名录',
    description: '辖区内医院、社区卫生服务中心、乡镇卫生院、诊所等医疗机构的类别、等级、床位、地址和联系电话。',
    frequency: 'monthly',
    items: [
      ['orgName', '机构名称', 'string', '医疗机构执业许可证登记名称'],
      ['orgType', '机构类别', 'string', '医院、社区卫生服务中心（站）、乡镇卫生院、门诊部、诊所'],
      ['level', '等级', 'string', '医院等级（未评级为空）'],
      ['ownership', '经营性质', 'string', '公立或民营'],
      ['beds', '核定床位数', 'integer', '核定床位数'],
      STREET,
      ADDRESS,
      ['phone', '联系电话', 'string', '对外咨询电话'],
      LON,
      LAT,
    ],
    rows: facilities(420, (g, i, s) => {
      const type = g.weighted([
        ['诊所', 55],
        ['门诊部', 10],
        ['社区卫生服务站', 18],
        ['社区卫生服务中心', 6],
        ['医院', 8],
        ['乡镇卫生院', 3],
      ] as const);
      const hospital = type === '医院';
      return {
        orgName: hospital
          ? `乌兰浩特${g.pick(['市人民医院', '市中医蒙医医院', '市妇幼保健院', '红城医院', '兴安康复医院', '洮儿河骨科医院', '和平眼科医院', '仁爱医院'])}${i > 30 ? `${shortStreet(s)}分院` : ''}`
          : type === '诊所'
            ? `${g.personName()}${g.pick(['中医诊所', '口腔诊所', '内科诊所', '蒙医诊所', '西医诊所'])}`
            : `${shortStreet(s)}${type}${type.endsWith('站') ? `（${g.pick(s.roads)}）` : ''}`,
        orgType: type,
        level: hospital ? g.pick(['三级甲等', '二级甲等', '二级乙等', '一级']) : null,
        ownership:
          hospital || type.startsWith('社区') || type === '乡镇卫生院'
            ? g.weighted([
                ['公立', 4],
                ['民营', 1],
              ] as const)
            : '民营',
        beds: hospital ? g.int(50, 900) : type === '乡镇卫生院' || type === '社区卫生服务中心' ? g.int(10, 60) : 0,
        phone: g.phone(),
      };
    }),
    meta: {
      titleEn: 'Medical institutions',
      notesEn: 'Hospitals, community health centres, township health centres and clinics: type, grade, beds, address and telephone.',
      theme: 'health',
      tags: ['医疗机构', '医院', '诊所'],
      licence: 'CC-BY-4.0',
    },
  },
  {
    code: 'WJ-VACCINE',
    dept: 'WJW',
    name: '预防接种门诊',
    description: '预防接种门诊的服务时间、可接种疫苗类别和预约电话。',
    frequency: 'quarterly',
    items: [
      ['clinicName', '接种门诊名称', 'string', '接种门诊名称'],
      ['services', '服务内容', 'string', '儿童免疫规划疫苗、成人疫苗、狂犬病暴露处置等'],
      ['hours', '服务时间', 'string', '门诊开放时间'],
      STREET,
      ADDRESS,
      ['phone', '预约电话', 'string', '预约咨询电话'],
      LON,
      LAT,
    ],
    rows: facilities(56, (g, i, s) => ({
      clinicName: `${shortStreet(s)}${i % 2 ? g.pick(s.roads) : ''}社区卫生服务${i % 2 ? '站' : '中心'}预防接种门诊`,
      services: g.pick(['儿童免疫规划疫苗', '儿童免疫规划疫苗、成人疫苗', '成人疫苗、狂犬病暴露处置']),
      hours: g.pick(['周一至周五 8:00-11:30 14:00-16:30', '周二、四、六 8:00-11:30']),
      phone: g.phone(),
    })),
    meta: { titleEn: 'Vaccination clinics', notesEn: 'Vaccination clinics: services, opening hours and booking telephone.', theme: 'health', tags: ['疫苗', '预防接种'], licence: 'CC-BY-4.0' },
  },
  {
    code: 'JY-SCHOOL',
    dept: 'JYJ',
    name: '中小学校名录',
    description: '全市中小学校的学段、办学性质、在校生数、专任教师数、地址与电话。',
    frequency: 'yearly',
    items: [
      ['schoolName', '学校名称', 'string', '学校全称'],
      ['stage', '学段', 'string', '小学、初级中学、高级中学、九年一贯制、完全中学'],
      ['public', '公办', 'boolean', '是否公办学校'],
      ['students', '在校生数', 'integer', '本学年在校学生数'],
      ['teachers', '专任教师数', 'integer', '专任教师数'],
      ['classes', '班级数', 'integer', '教学班数'],
      STREET,
      ADDRESS,
      ['phone', '联系电话', 'string', '学校办公电话'],
      LON,
      LAT,
    ],
    rows: facilities(86, (g, i, s) => {
      const stage = g.weighted([
        ['小学', 45],
        ['初级中学', 18],
        ['九年一贯制学校', 8],
        ['高级中学', 6],
        ['完全中学', 3],
      ] as const);
      const classes = g.int(6, 48);
      const students = classes * g.int(32, 48);
      return {
        schoolName: `乌兰浩特市${stage === '小学' ? `第${i + 1}小学` : stage === '高级中学' ? `第${(i % 6) + 1}中学` : stage === '九年一贯制学校' ? `${shortStreet(s)}学校` : `第${i + 1}中学`}`,
        stage,
        public: g.rnd() < 0.9,
        students,
        teachers: Math.round(students / g.int(12, 17)),
        classes,
        phone: g.phone(),
      };
    }),
    meta: {
      titleEn: 'Primary and secondary schools',
      notesEn: 'Schools of Ulanhot: stage, public or private, pupils, teachers, classes, address and telephone.',
      theme: 'education',
      tags: ['学校', '义务教育'],
      licence: 'CC-BY-4.0',
    },
  },
  {
    code: 'JY-KINDERGARTEN',
    dept: 'JYJ',
    name: '幼儿园名录',
    description: '幼儿园的办园性质（公办、普惠性民办、民办）、在园幼儿数、班级数和地址。',
    frequency: 'yearly',
    items: [
      ['kgName', '幼儿园名称', 'string', '幼儿园名称'],
      ['nature', '办园性质', 'string', '公办、普惠性民办或民办'],
      ['children', '在园幼儿数', 'integer', '本学年在园幼儿数'],
      ['classes', '班级数', 'integer', '班级数'],
      ['monthlyFee', '保教费（元/月）', 'number', '保育教育费标准'],
      STREET,
      ADDRESS,
      ['phone', '联系电话', 'string', '园所电话'],
      LON,
      LAT,
    ],
    rows: facilities(124, (g, i, s) => {
      const nature = g.weighted([
        ['公办', 4],
        ['普惠性民办', 4],
        ['民办', 2],
      ] as const);
      const classes = g.int(3, 15);
      return {
        kgName:
          nature === '公办'
            ? `乌兰浩特市${shortStreet(s)}第${(i % 5) + 1}幼儿园`
            : `${g.pick(['小太阳', '七彩', '童之梦', '金色摇篮', '蒙古包', '启明星', '小白桦'])}幼儿园${i % 4 === 0 ? `（${g.pick(s.roads)}园）` : ''}`,
        nature,
        children: classes * g.int(20, 32),
        classes,
        monthlyFee: nature === '公办' ? 260 : nature === '普惠性民办' ? g.pick([380, 420, 460]) : g.pick([800, 1200, 1600]),
        phone: g.phone(),
      };
    }),
    meta: {
      titleEn: 'Kindergartens',
      notesEn: 'Kindergartens: public, affordable private or private, children enrolled, classes, fees and address.',
      theme: 'education',
      tags: ['幼儿园', '学前教育'],
      licence: 'CC-BY-4.0',
    },
  },
  {
    code: 'MZ-ELDERLY',
    dept: 'MZJ',
    name: '养老机构名录',
    description: '养老院、社区养老服务中心和日间照料中心的性质、床位、入住人数和联系电话。',
    frequency: 'quarterly',
    items: [
      ['orgName', '机构名称', 'string', '养老机构名称'],
      ['kind', '类型', 'string', '养老院、社区养老服务中心、日间照料中心'],
      ['nature', '性质', 'string', '公办、公建民营、民办'],
      ['beds', '床位数', 'integer', '核定床位数'],
      ['residents', '在住老人数', 'integer', '当前在住老人数'],
      ['nursingBeds', '护理型床位数', 'integer', '护理型床位数'],
      STREET,
      ADDRESS,
      ['phone', '联系电话', 'string', '咨询电话'],
      LON,
      LAT,
    ],
    rows: facilities(62, (g, i, s) => {
      const kind = g.weighted([
        ['养老院', 2],
        ['社区养老服务中心', 3],
        ['日间照料中心', 3],
      ] as const);
      const beds = kind === '养老院' ? g.int(60, 400) : kind === '社区养老服务中心' ? g.int(10, 60) : g.int(0, 20);
      return {
        orgName: kind === '养老院' ? `${g.pick(['红城', '福寿', '康乐', '夕阳红', '颐和', '兴安'])}养老院` : `${shortStreet(s)}${g.pick(s.roads)}${kind}`,
        kind,
        nature: g.pick(['公办', '公建民营', '民办']),
        beds,
        residents: Math.floor(beds * (0.5 + g.rnd() * 0.45)),
        nursingBeds: Math.floor(beds * g.rnd() * 0.6),
        phone: g.phone(),
      };
    }),
    meta: {
      titleEn: 'Elderly care institutions',
      notesEn: 'Care homes, community elderly care centres and day-care centres: nature, beds, residents and telephone.',
      theme: 'social',
      tags: ['养老', '社区服务'],
      licence: 'CC-BY-4.0',
    },
  },
  {
    code: 'MZ-COMMUNITY',
    dept: 'MZJ',
    name: '社区居委会名录',
    description: '各街道社区居民委员会和乡镇村民委员会的名称、办公地址、服务电话和户数。',
    frequency: 'yearly',
    items: [
      ['committee', '居（村）委会名称', 'string', '社区居民委员会或村民委员会名称'],
      ['township', '所属街道（乡镇）', 'string', '上级街道办事处或乡镇'],
      ['households', '户数', 'integer', '辖区户数'],
      ADDRESS,
      ['phone', '服务电话', 'string', '办公电话'],
      LON,
      LAT,
    ],
    rows: (g) => {
      const out: Record<string, unknown>[] = [];
      const estates = ['万佳', '普惠', '红城', '和平里', '兴安', '洮儿河畔', '金桥', '阳光', '都林', '五一', '新城', '天骄', '罕山', '园丁', '铁西', '新桥', '站前', '学府', '胜利', '团结'];
      for (const s of STREETS)
        for (let k = 0; k < 5; k++) {
          const p = g.point(s.code);
          out.push({
            committee: `${g.pick(estates)}${k === 0 ? '' : g.pick(['东', '西', '南', '北', '中'])}社区居民委员会`,
            township: s.name,
            households: g.int(1200, 6800),
            address: g.address(s),
            phone: g.phone(),
            lon: p.lon,
            lat: p.lat,
            _region: s.code,
          });
        }
      for (const t of TOWNS)
        for (let k = 0; k < 4; k++)
          out.push({
            committee: `${g.pick(['巴彦', '乌兰', '哈达', '白音', '胡格吉勒', '五家户', '永乐'])}嘎查村民委员会`,
            township: t.name,
            households: g.int(180, 900),
            address: `乌兰浩特市${t.name}`,
            phone: g.phone(),
            lon: null,
            lat: null,
            _region: t.code,
          });
      return out;
    },
    meta: {
      titleEn: 'Residents’ and villagers’ committees',
      notesEn: 'Community residents’ committees and village committees: street or township, households, address and telephone.',
      theme: 'government',
      tags: ['社区', '基层治理'],
      licence: 'CC-BY-4.0',
    },
  },
  {
    code: 'SC-PHARMACY',
    dept: 'SCJG',
    name: '药品零售企业名录',
    description: '零售药店的名称、统一社会信用代码、药品经营许可证号、是否医保定点和地址。',
    frequency: 'monthly',
    items: [
      ['pharmacyName', '药店名称', 'string', '企业名称'],
      ['creditCode', '统一社会信用代码', 'string', '18位统一社会信用代码'],
      ['licenceNo', '药品经营许可证号', 'string', '药品经营许可证编号'],
      ['chain', '连锁门店', 'boolean', '是否连锁药店门店'],
      ['medicare', '医保定点', 'boolean', '是否医保定点零售药店'],
      STREET,
      ADDRESS,
      LON,
      LAT,
    ],
    rows: facilities(320, (g, i, s) => {
      const chain = g.rnd() < 0.55;
      return {
        pharmacyName: chain
          ? `${g.pick(['兴安盟康泰大药房连锁有限公司', '乌兰浩特同仁堂医药连锁', '内蒙古百姓大药房连锁'])}${g.pick(s.roads)}店`
          : `乌兰浩特市${g.pick(['仁和', '济民', '德信', '安康', '惠民', '草原'])}药店${i + 1}`,
        creditCode: g.creditCode(chain ? '1' : '2'),
        licenceNo: `蒙CB48${String(g.int(10000, 99999))}`,
        chain,
        medicare: g.rnd() < 0.7,
      };
    }),
    meta: {
      titleEn: 'Retail pharmacies',
      notesEn: 'Retail pharmacies: name, unified social credit code, drug trading licence, chain store, medical insurance and address.',
      theme: 'market',
      tags: ['药店', '药品', '医保定点'],
      licence: 'CC-BY-4.0',
    },
  },
  {
    code: 'SC-ELEVATOR',
    dept: 'SCJG',
    name: '在用电梯登记信息',
    description: '在用电梯的使用登记证号、使用单位、所在位置、下次检验日期和维保单位。',
    frequency: 'monthly',
    items: [
      ['registerNo', '使用登记证编号', 'string', '特种设备使用登记证编号'],
      ['user', '使用单位', 'string', '电梯使用单位'],
      ['place', '安装地点', 'string', '小区或建筑及楼栋'],
      STREET,
      ['maintainer', '维保单位', 'string', '维护保养单位'],
      ['nextInspection', '下次检验日期', 'date', '定期检验到期日'],
      ['kind', '电梯类别', 'string', '曳引驱动乘客电梯、自动扶梯等'],
    ],
    rows: (g) =>
      Array.from({ length: 940 }, (_, i) => {
        const s = g.street();
        return {
          registerNo: `梯11蒙H${String(i + 1).padStart(5, '0')}(${g.int(15, 26)})`,
          user: `${g.pick(['红城', '兴安', '天骄', '洮儿河', '都林'])}物业服务有限公司`,
          place: `${g.pick(['万佳小区', '春阳小区', '金桥家园', '阳光名邸', '都林苑', '五一新村', '新城佳苑', '天骄花园', '兴安新村', '和平里'])}${g.int(1, 30)}号楼${g.int(1, 4)}单元`,
          street: s.name,
          maintainer: g.pick(['兴安盟通力电梯工程有限公司', '乌兰浩特市恒达电梯维修有限公司', '内蒙古奥森电梯有限公司']),
          nextInspection: `2027-${String(g.int(1, 12)).padStart(2, '0')}-${String(g.int(1, 28)).padStart(2, '0')}`,
          kind: g.weighted([
            ['曳引驱动乘客电梯', 9],
            ['自动扶梯', 1],
          ] as const),
          _region: s.code,
        };
      }),
    meta: {
      titleEn: 'Lifts in service',
      notesEn: 'Registered lifts: register number, user, location, maintainer and next inspection date.',
      theme: 'safety',
      tags: ['特种设备', '电梯', '安全'],
      licence: 'CC-BY-4.0',
    },
  },
  {
    code: 'YB-DESIGNATED',
    dept: 'YBJ',
    name: '医保定点医药机构',
    description: '基本医疗保险定点医疗机构和定点零售药店的名称、类别、定点编码与地址。',
    frequency: 'monthly',
    items: [
      ['orgName', '机构名称', 'string', '定点医药机构名称'],
      ['orgKind', '类别', 'string', '定点医疗机构或定点零售药店'],
      ['code', '定点编码', 'string', '国家医保定点机构编码'],
      ['outpatientPooling', '门诊统筹', 'boolean', '是否开通门诊统筹结算'],
      STREET,
      ADDRESS,
      LON,
      LAT,
    ],
    rows: facilities(360, (g, i, s) => {
      const kind = g.weighted([
        ['定点医疗机构', 2],
        ['定点零售药店', 3],
      ] as const);
      return {
        orgName:
          kind === '定点零售药店'
            ? `${g.pick(['康泰大药房', '同仁堂药店', '百姓大药房', '济民药店', '惠民药店'])}${g.pick(s.roads)}店`
            : `${shortStreet(s)}${g.pick(['社区卫生服务中心', '社区卫生服务站', '门诊部', '医院'])}`,
        orgKind: kind,
        code: `${kind === '定点零售药店' ? 'P' : 'H'}15220100${String(i + 1).padStart(4, '0')}`,
        outpatientPooling: g.rnd() < 0.6,
      };
    }),
    meta: {
      titleEn: 'Designated medical-insurance providers',
      notesEn: 'Hospitals, clinics and pharmacies designated for basic medical insurance, with their national codes.',
      theme: 'social',
      tags: ['医保', '定点机构'],
      licence: 'CC-BY-4.0',
    },
  },
  {
    code: 'WL-SCENIC',
    dept: 'WLTJ',
    name: '旅游景区（点）',
    description: '全市A级旅游景区和主要旅游景点的等级、门票、开放时间和坐标。',
    frequency: 'quarterly',
    items: [
      ['scenicName', '景区名称', 'string', '景区（点）名称'],
      ['grade', '等级', 'string', 'A级旅游景区等级（未评级为空）'],
      ['ticket', '门票（元）', 'number', '成人门票价格，0 为免费'],
      ['hours', '开放时间', 'string', '开放时段'],
      ['intro', '简介', 'string', '景区简介'],
      ADDRESS,
      LON,
      LAT,
    ],
    rows: (g) =>
      [
        ['成吉思汗庙', '4A', 30, '兴安盟标志性建筑，建于1940年代，庙宇建筑融合蒙、汉、藏风格。', 122.079, 46.082],
        ['罕山公园', null, 0, '城区中心山地公园，可登高俯瞰全城。', 122.073, 46.085],
        ['乌兰浩特五一会址', '4A', 0, '内蒙古自治政府成立旧址，全国重点文物保护单位。', 122.062, 46.071],
        ['葛根庙', '4A', 20, '内蒙古东部著名藏传佛教寺庙。', 122.2, 45.952],
        ['洮儿河湿地公园', null, 0, '沿洮儿河的城市湿地公园，适合骑行与观鸟。', 122.05, 46.06],
        ['兴安盟博物馆', null, 0, '展示兴安盟历史与民族文化。', 122.108, 46.1],
        ['天骄公园', null, 0, '城北综合公园。', 122.062, 46.104],
        ['乌兰哈达火山群', null, 0, '第四纪火山遗迹群。', 121.95, 46.15],
        ['红城记忆文化街区', null, 0, '以红色文化为主题的历史街区。', 122.07, 46.07],
        ['科尔沁草原民俗村', '3A', 60, '体验蒙古族民俗、马术与那达慕。', 122.25, 46.1],
        ['义勒力特冰雪乐园', '3A', 80, '冬季冰雪运动乐园。', 121.9, 46.0],
        ['乌兰浩特市清真寺', null, 0, '历史宗教建筑。', 122.066, 46.075],
        ['都林河滨公园', null, 0, '城东河滨休闲公园。', 122.088, 46.097],
        ['成吉思汗公园', '4A', 0, '成吉思汗庙周边的大型城市公园。', 122.08, 46.084],
        ['兴安盟美术馆', null, 0, '地方美术作品展陈。', 122.11, 46.101],
        ['太本站农业观光园', '2A', 30, '现代农业采摘与科普。', 122.25, 46.11],
        ['呼和马场', '3A', 50, '草原马术与牧场风光。', 122.0, 46.25],
        ['红城植物园', null, 0, '北方植物科普园。', 122.09, 46.11],
        ['乌兰浩特站前广场', null, 0, '城市交通门户广场。', 122.045, 46.069],
        ['兴安盟体育中心', null, 0, '大型体育场馆群，可参观。', 122.115, 46.098],
        ['五一广场', null, 0, '城市中心广场。', 122.07, 46.066],
        ['蒙古族服饰博物馆', null, 10, '蒙古族各部服饰收藏。', 122.078, 46.08],
        ['洮儿河漂流', '2A', 98, '夏季河道漂流。', 122.03, 46.05],
        ['葛根庙民俗旅游区', '3A', 0, '蒙古族民俗与宗教文化体验区。', 122.21, 45.955],
        ['乌兰浩特滑雪场', '3A', 120, '城郊滑雪场。', 122.15, 46.05],
      ]
        .map(([name, grade, ticket, intro, lon, lat]) => ({
          scenicName: name,
          grade,
          ticket,
          hours: g.pick(['08:00-17:30', '全天开放', '09:00-17:00（周一闭馆）']),
          intro,
          address: `乌兰浩特市${g.street().name}`,
          lon,
          lat,
        }))
        // 乡村旅游点 (农家乐、牧家乐、采摘园) in the four towns.
        .concat(
          Array.from({ length: 36 }, (_, i) => {
            const t = TOWNS[i % TOWNS.length];
            const p = g.point(t.code);
            const kind = g.pick(['农家乐', '牧家乐', '采摘园', '民宿']);
            return {
              scenicName: `${t.name.replace(/镇$/, '')}${g.pick(['草原人家', '绿野', '马背', '白桦林', '洮儿河畔', '山丁子'])}${kind}`,
              grade: null,
              ticket: kind === '采摘园' ? 20 : 0,
              hours: g.pick(['5月至10月 09:00-18:00', '全年 10:00-21:00']),
              intro: `乡村旅游点（${kind}）。`,
              address: `乌兰浩特市${t.name}`,
              lon: p.lon,
              lat: p.lat,
            };
          }),
        ),
    meta: {
      titleEn: 'Tourist attractions',
      notesEn: 'A-grade scenic areas and main attractions: grade, ticket price, opening hours, introduction and location.',
      theme: 'culture',
      tags: ['旅游', '景区', '文旅'],
      licence: 'CC-BY-4.0',
    },
  },
  {
    code: 'WL-SPORTS',
    dept: 'WLTJ',
    name: '公共体育场馆',
    description: '公共体育场馆和全民健身设施的项目、面积、开放时间和收费情况。',
    frequency: 'quarterly',
    items: [
      ['venueName', '场馆名称', 'string', '场馆或健身设施名称'],
      ['sports', '运动项目', 'string', '可开展的运动项目'],
      ['areaM2', '面积（平方米）', 'number', '场地面积'],
      ['free', '免费开放', 'boolean', '是否免费或低收费开放'],
      ['hours', '开放时间', 'string', '开放时段'],
      STREET,
      ADDRESS,
      LON,
      LAT,
    ],
    rows: facilities(58, (g, i, s) => ({
      venueName:
        i < 4
          ? ['兴安盟体育中心体育场', '兴安盟体育中心体育馆', '乌兰浩特市全民健身中心', '乌兰浩特市游泳馆'][i]
          : `${g.pick(s.roads)}${g.pick(['全民健身广场', '笼式足球场', '社区健身点', '篮球场', '门球场'])}`,
      sports: g.pick(['篮球、足球', '健身路径', '羽毛球、乒乓球', '游泳', '田径、足球', '门球、广场舞']),
      areaM2: g.int(300, 30000),
      free: g.rnd() < 0.8,
      hours: g.pick(['06:00-21:00', '全天开放', '09:00-21:00']),
    })),
    meta: {
      titleEn: 'Public sports venues',
      notesEn: 'Public sports venues and fitness facilities: sports, area, opening hours and fees.',
      theme: 'culture',
      tags: ['体育', '全民健身'],
      licence: 'CC-BY-4.0',
    },
  },
  {
    code: 'WL-CULTURE',
    dept: 'WLTJ',
    name: '公共文化场馆',
    description: '图书馆、文化馆、博物馆、综合文化站和农家书屋的开放时间、藏量与服务。',
    frequency: 'quarterly',
    items: [
      ['venueName', '场馆名称', 'string', '场馆名称'],
      ['kind', '类型', 'string', '图书馆、文化馆、博物馆、综合文化站、农家书屋'],
      ['collection', '藏品（册、件）', 'integer', '图书或藏品数量'],
      ['hours', '开放时间', 'string', '开放时段'],
      STREET,
      ADDRESS,
      LON,
      LAT,
    ],
    rows: facilities(64, (g, i, s) => {
      const kind = i < 3 ? ['图书馆', '文化馆', '博物馆'][i] : g.pick(['综合文化站', '农家书屋', '社区图书室']);
      return {
        venueName: i < 3 ? `乌兰浩特市${kind}` : `${shortStreet(s)}${kind}`,
        kind,
        collection: kind === '图书馆' ? 420000 : kind === '博物馆' ? 6800 : g.int(800, 12000),
        hours: g.pick(['09:00-17:00（周一闭馆）', '08:30-17:30', '周二至周日 09:00-20:00']),
      };
    }),
    meta: {
      titleEn: 'Public cultural venues',
      notesEn: 'Libraries, cultural centres, museums, community culture stations and village reading rooms.',
      theme: 'culture',
      tags: ['图书馆', '文化馆', '公共文化'],
      licence: 'CC-BY-4.0',
    },
  },
  {
    code: 'ZW-HALL',
    dept: 'ZWSJ',
    name: '政务服务场所',
    description: '政务服务中心、街道便民服务中心和社区便民服务站的地址、办理事项范围和办公时间。',
    frequency: 'quarterly',
    items: [
      ['hallName', '服务场所名称', 'string', '政务服务场所名称'],
      ['level', '层级', 'string', '市级、街道（乡镇）级、社区（村）级'],
      ['windows', '窗口数', 'integer', '综合受理窗口数'],
      ['items', '可办事项数', 'integer', '可办理的政务服务事项数'],
      ['hours', '办公时间', 'string', '办公时间'],
      ADDRESS,
      ['phone', '咨询电话', 'string', '咨询电话'],
      LON,
      LAT,
    ],
    rows: (g) => {
      const out: Record<string, unknown>[] = [
        {
          hallName: '乌兰浩特市政务服务中心',
          level: '市级',
          windows: 86,
          items: 1268,
          hours: '周一至周五 8:30-12:00 13:30-17:30，周六上午',
          address: '乌兰浩特市新城街道团结大街',
          phone: '0482-12345',
          lon: 122.113,
          lat: 46.101,
        },
      ];
      for (const s of STREETS) {
        const p = g.point(s.code);
        out.push({
          hallName: `${s.name}便民服务中心`,
          level: '街道（乡镇）级',
          windows: g.int(6, 14),
          items: g.int(120, 260),
          hours: '周一至周五 8:30-17:30',
          address: g.address(s),
          phone: g.phone(),
          lon: p.lon,
          lat: p.lat,
          _region: s.code,
        });
        for (let k = 0; k < 4; k++) {
          const q = g.point(s.code);
          out.push({
            hallName: `${s.name.replace(/街道$/, '')}${g.pick(['东', '西', '南', '北'])}社区便民服务站`,
            level: '社区（村）级',
            windows: g.int(1, 3),
            items: g.int(30, 80),
            hours: '周一至周五 8:30-17:00',
            address: g.address(s),
            phone: g.phone(),
            lon: q.lon,
            lat: q.lat,
            _region: s.code,
          });
        }
      }
      return out;
    },
    meta: {
      titleEn: 'Government service halls',
      notesEn: 'Government service centre, street service centres and community service points: windows, services, hours and telephone.',
      theme: 'government',
      tags: ['政务服务', '便民服务'],
      licence: 'CC-BY-4.0',
    },
  },
  {
    code: 'RS-TRAINING',
    dept: 'RSJ',
    name: '职业技能培训机构',
    description: '经备案的职业技能培训机构、可培训工种和补贴性培训资格。',
    frequency: 'quarterly',
    items: [
      ['orgName', '机构名称', 'string', '培训机构名称'],
      ['trades', '培训工种', 'string', '可开展培训的职业（工种）'],
      ['subsidised', '补贴性培训', 'boolean', '是否纳入补贴性职业技能培训目录'],
      ['capacity', '年培训能力（人次）', 'integer', '年培训能力'],
      STREET,
      ADDRESS,
      ['phone', '联系电话', 'string', '咨询电话'],
      LON,
      LAT,
    ],
    rows: facilities(60, (g) => ({
      orgName: `乌兰浩特市${g.pick(['红城', '兴安', '天骄', '北疆', '洮儿河'])}${g.pick(['职业培训学校', '技能培训中心', '家政服务培训学校'])}`,
      trades: g.pick(['育婴员、家政服务员', '电工、焊工', '中式烹调师、面点师', '养老护理员', '电子商务师、网络营销', '汽车维修工']),
      subsidised: g.rnd() < 0.7,
      capacity: g.int(200, 3000),
      phone: g.phone(),
    })),
    meta: {
      titleEn: 'Vocational training providers',
      notesEn: 'Registered vocational skills training providers: trades, subsidised training and capacity.',
      theme: 'social',
      tags: ['职业培训', '就业'],
      licence: 'CC-BY-4.0',
    },
  },
  {
    code: 'ZJ-HOUSING',
    dept: 'ZJJ',
    name: '保障性住房项目',
    description: '公共租赁住房、保障性租赁住房项目的位置、套数、户型面积和分配情况。',
    frequency: 'quarterly',
    items: [
      ['projectName', '项目名称', 'string', '保障房项目名称'],
      ['kind', '类型', 'string', '公共租赁住房或保障性租赁住房'],
      ['units', '房源套数', 'integer', '总套数'],
      ['allocated', '已分配套数', 'integer', '已分配（入住）套数'],
      ['areaFrom', '最小户型（平方米）', 'number', '最小户型建筑面积'],
      ['areaTo', '最大户型（平方米）', 'number', '最大户型建筑面积'],
      ['rent', '租金（元/平方米·月）', 'number', '租金标准'],
      STREET,
      ADDRESS,
      LON,
      LAT,
    ],
    rows: facilities(52, (g, i) => {
      const units = g.int(60, 900);
      return {
        projectName: `${g.pick(['红城', '兴安', '洮儿河', '都林', '天骄', '和平'])}${g.pick(['家园', '新居', '安居小区', '公寓'])}${i > 10 ? `${(i % 3) + 1}期` : ''}`,
        kind: g.pick(['公共租赁住房', '保障性租赁住房']),
        units,
        allocated: Math.floor(units * (0.6 + g.rnd() * 0.4)),
        areaFrom: g.pick([30, 35, 40]),
        areaTo: g.pick([50, 60, 70]),
        rent: g.pick([3.5, 4.2, 5, 6.8]),
      };
    }),
    meta: {
      titleEn: 'Subsidised housing projects',
      notesEn: 'Public rental and affordable rental housing projects: units, allocations, sizes and rents.',
      theme: 'housing',
      tags: ['保障房', '公租房', '住房'],
      licence: 'CC-BY-4.0',
    },
  },
];
