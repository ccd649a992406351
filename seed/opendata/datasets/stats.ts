import { PERIOD, STREETS, TOWNS, dayOfYear, days, months, type DatasetDef } from './gen.ts';

/*
 * Open statistics and time series of 乌兰浩特市: daily observations, monthly counts, prices and
 * yearly figures, over the demo's two-year period (December 2024 to November 2026).
 */

const MONTH: [string, string, 'string', string] = ['month', '统计月份', 'string', '统计月份（YYYY-MM）'];
const season = (d: string) => Math.cos(((dayOfYear(d) - 15) / 365) * 2 * Math.PI); // 1 in mid-January, -1 in mid-July

const DEPARTMENTS_SERVED = [
  ['公安局', 5200],
  ['市场监督管理局', 3100],
  ['人力资源和社会保障局', 4600],
  ['不动产登记中心', 2100],
  ['住房公积金管理部', 1800],
  ['民政局', 900],
  ['医疗保障局', 2600],
  ['税务局', 3900],
  ['交通运输局', 700],
  ['卫生健康委员会', 500],
] as const;

const HOTLINE = [
  ['城乡建设', 820],
  ['市容环卫', 640],
  ['供热供暖', 520],
  ['供水供电供气', 380],
  ['劳动社保', 300],
  ['市场监管', 260],
  ['交通出行', 210],
  ['教育卫生', 190],
  ['物业管理', 450],
  ['咨询建议', 680],
] as const;

const PRODUCTS = [
  ['大米', '元/千克', 6.2],
  ['面粉', '元/千克', 4.6],
  ['大豆油', '元/升', 10.8],
  ['猪肉（精瘦肉）', '元/千克', 28],
  ['牛肉', '元/千克', 76],
  ['羊肉', '元/千克', 72],
  ['鸡蛋', '元/千克', 9.4],
  ['白条鸡', '元/千克', 18],
  ['鲜牛奶', '元/千克', 8],
  ['大白菜', '元/千克', 2.2],
  ['土豆', '元/千克', 2.6],
  ['西红柿', '元/千克', 6.4],
  ['黄瓜', '元/千克', 5.6],
  ['芹菜', '元/千克', 5.2],
  ['苹果', '元/千克', 10.2],
] as const;

const BUDGET = [
  ['一般公共服务支出', 52000],
  ['公共安全支出', 31000],
  ['教育支出', 98000],
  ['科学技术支出', 3200],
  ['文化旅游体育与传媒支出', 9800],
  ['社会保障和就业支出', 121000],
  ['卫生健康支出', 64000],
  ['节能环保支出', 12000],
  ['城乡社区支出', 83000],
  ['农林水支出', 56000],
  ['交通运输支出', 22000],
  ['资源勘探工业信息等支出', 4100],
  ['商业服务业等支出', 2600],
  ['自然资源海洋气象等支出', 3800],
  ['住房保障支出', 27000],
  ['灾害防治及应急管理支出', 5400],
  ['债务付息支出', 19000],
] as const;

export const STAT_DATASETS: DatasetDef[] = [
  {
    code: 'ST-AIR-DAILY',
    dept: 'STHJ',
    name: '空气质量日报',
    description: '城区三个国控空气质量自动监测站的逐日空气质量指数（AQI）、六项污染物浓度、质量级别和首要污染物。',
    frequency: 'daily',
    items: [
      ['day', '日期', 'date', '监测日期'],
      ['station', '监测站点', 'string', '国控空气质量自动监测站名称'],
      ['aqi', '空气质量指数', 'integer', 'AQI（HJ 633-2012）'],
      ['level', '质量级别', 'string', '优、良、轻度污染、中度污染、重度污染、严重污染'],
      ['primaryPollutant', '首要污染物', 'string', 'AQI 大于 50 时的首要污染物'],
      ['pm25', 'PM2.5（微克/立方米）', 'number', '细颗粒物日均浓度'],
      ['pm10', 'PM10（微克/立方米）', 'number', '可吸入颗粒物日均浓度'],
      ['so2', '二氧化硫（微克/立方米）', 'number', 'SO2 日均浓度'],
      ['no2', '二氧化氮（微克/立方米）', 'number', 'NO2 日均浓度'],
      ['o3', '臭氧8小时（微克/立方米）', 'number', 'O3 日最大8小时滑动平均'],
      ['co', '一氧化碳（毫克/立方米）', 'number', 'CO 日均浓度'],
    ],
    rows: (g) => {
      const out: Record<string, unknown>[] = [];
      for (const d of days(PERIOD.from, PERIOD.to)) {
        const winter = Math.max(0, season(d)); // heating season raises PM and SO2
        const summer = Math.max(0, -season(d));
        const dust = d.slice(5, 7) === '04' || d.slice(5, 7) === '05' ? g.rnd() * 60 : 0;
        for (const [station, bias] of [
          ['市环境监测站', 1],
          ['兴安盟行政中心', 0.85],
          ['乌兰浩特第一中学', 0.95],
        ] as const) {
          const pm25 = Math.max(3, g.round(g.normal(14 + 34 * winter, 6 + 10 * winter) * bias, 0));
          const pm10 = Math.max(pm25 + 4, g.round(pm25 * 1.7 + dust + g.rnd() * 10, 0));
          const o3 = Math.max(20, g.round(g.normal(70 + 60 * summer, 14), 0));
          const so2 = Math.max(2, g.round(g.normal(6 + 16 * winter, 3), 0));
          const no2 = Math.max(4, g.round(g.normal(16 + 10 * winter, 5), 0));
          const co = g.round(Math.max(0.2, g.normal(0.5 + 0.7 * winter, 0.15)), 1);
          const iaqi = {
            'PM2.5': pm25 <= 35 ? (pm25 / 35) * 50 : pm25 <= 75 ? 50 + ((pm25 - 35) / 40) * 50 : pm25 <= 115 ? 100 + ((pm25 - 75) / 40) * 50 : 150 + ((pm25 - 115) / 35) * 50,
            PM10: pm10 <= 50 ? pm10 : pm10 <= 150 ? 50 + ((pm10 - 50) / 100) * 50 : 100 + ((pm10 - 150) / 100) * 50,
            O3: o3 <= 100 ? o3 / 2 : o3 <= 160 ? 50 + ((o3 - 100) / 60) * 50 : 100 + ((o3 - 160) / 55) * 50,
          };
          const [primary, value] = Object.entries(iaqi).sort((a, b) => b[1] - a[1])[0];
          const aqi = Math.round(value);
          const level = aqi <= 50 ? '优' : aqi <= 100 ? '良' : aqi <= 150 ? '轻度污染' : aqi <= 200 ? '中度污染' : aqi <= 300 ? '重度污染' : '严重污染';
          out.push({ day: d, station, aqi, level, primaryPollutant: aqi > 50 ? primary : null, pm25, pm10, so2, no2, o3, co });
        }
      }
      return out;
    },
    meta: {
      titleEn: 'Daily air quality',
      notesEn: 'Daily air quality index, six pollutants, grade and main pollutant at the three national monitoring stations of the city.',
      theme: 'environment',
      tags: ['空气质量', 'AQI', 'PM2.5', '环境监测'],
      licence: 'CC-BY-4.0',
      temporalFrom: PERIOD.from,
      temporalTo: PERIOD.to,
    },
  },
  {
    code: 'ST-WATER',
    dept: 'STHJ',
    name: '地表水水质月报',
    description: '洮儿河、归流河等主要河流国控、区控断面的逐月水质类别和主要指标。',
    frequency: 'monthly',
    items: [
      MONTH,
      ['section', '监测断面', 'string', '监测断面名称'],
      ['river', '河流', 'string', '所在河流'],
      ['waterClass', '水质类别', 'string', 'GB 3838-2002 水质类别（Ⅰ～劣Ⅴ类）'],
      ['codMn', '高锰酸盐指数（毫克/升）', 'number', '高锰酸盐指数'],
      ['nh3n', '氨氮（毫克/升）', 'number', '氨氮浓度'],
      ['tp', '总磷（毫克/升）', 'number', '总磷浓度'],
      ['meetsTarget', '达标', 'boolean', '是否达到水功能区目标'],
    ],
    rows: (g) =>
      months(PERIOD.fromMonth, PERIOD.toMonth).flatMap((m) =>
        [
          ['洮儿河乌兰浩特上游', '洮儿河'],
          ['洮儿河乌兰浩特下游', '洮儿河'],
          ['归流河入洮儿河口', '归流河'],
          ['察尔森水库出口', '洮儿河'],
        ].map(([section, river]) => {
          const frozen = ['12', '01', '02'].includes(m.slice(5));
          const nh3n = g.round(Math.max(0.05, g.normal(frozen ? 0.6 : 0.35, 0.15)), 2);
          const cls = nh3n <= 0.15 ? 'Ⅰ类' : nh3n <= 0.5 ? 'Ⅱ类' : nh3n <= 1 ? 'Ⅲ类' : 'Ⅳ类';
          return { month: m, section, river, waterClass: cls, codMn: g.round(g.normal(3.2, 0.8), 1), nh3n, tp: g.round(Math.max(0.01, g.normal(0.08, 0.03)), 3), meetsTarget: cls !== 'Ⅳ类' };
        }),
      ),
    meta: {
      titleEn: 'Monthly surface water quality',
      notesEn: 'Monthly water quality class and main indicators at the monitored sections of the Tao’er and Guiliu rivers.',
      theme: 'environment',
      tags: ['水质', '河流', '环境监测'],
      licence: 'CC-BY-4.0',
      temporalFrom: PERIOD.from,
      temporalTo: PERIOD.to,
    },
  },
  {
    code: 'QX-DAILY',
    dept: 'QXJ',
    name: '气象观测日值',
    description: '乌兰浩特国家基本气象站逐日最高、最低和平均气温、降水量、平均风速、相对湿度和天气现象。',
    frequency: 'daily',
    items: [
      ['day', '日期', 'date', '观测日期'],
      ['tMax', '最高气温（℃）', 'number', '日最高气温'],
      ['tMin', '最低气温（℃）', 'number', '日最低气温'],
      ['tMean', '平均气温（℃）', 'number', '日平均气温'],
      ['precipitation', '降水量（毫米）', 'number', '20-20时降水量'],
      ['windSpeed', '平均风速（米/秒）', 'number', '日平均风速'],
      ['humidity', '相对湿度（%）', 'integer', '日平均相对湿度'],
      ['weather', '天气现象', 'string', '晴、多云、阴、雨、雪等'],
    ],
    rows: (g) =>
      days(PERIOD.from, PERIOD.to).map((d) => {
        const mean = g.round(5 - 18 * season(d) + g.normal(0, 3), 1);
        const range = 8 + g.rnd() * 6;
        const summer = Math.max(0, -season(d));
        const wet = g.rnd() < 0.12 + 0.25 * summer;
        const cold = mean < -1;
        const precipitation = wet ? g.round(cold ? g.rnd() * 4 : g.rnd() * (6 + 30 * summer), 1) : 0;
        return {
          day: d,
          tMax: g.round(mean + range / 2, 1),
          tMin: g.round(mean - range / 2, 1),
          tMean: mean,
          precipitation,
          windSpeed: g.round(Math.max(0.4, g.normal(3.2 + (d.slice(5, 7) === '04' ? 1.5 : 0), 1)), 1),
          humidity: Math.round(Math.min(98, Math.max(18, g.normal(52 + 20 * summer + (wet ? 20 : 0), 8)))),
          weather: wet ? (cold ? g.pick(['小雪', '中雪', '阵雪']) : g.pick(['小雨', '中雨', '阵雨', '雷阵雨', '大雨'])) : g.pick(['晴', '晴', '多云', '阴']),
        };
      }),
    meta: {
      titleEn: 'Daily weather observations',
      notesEn: 'Daily maximum, minimum and mean temperature, precipitation, wind, humidity and weather at the Ulanhot national weather station.',
      theme: 'weather',
      tags: ['气象', '气温', '降水'],
      licence: 'CC-BY-4.0',
      temporalFrom: PERIOD.from,
      temporalTo: PERIOD.to,
    },
  },
  {
    code: 'QX-WARNING',
    dept: 'QXJ',
    name: '气象灾害预警信号',
    description: '乌兰浩特市气象台发布的寒潮、暴雪、大风、暴雨、高温等预警信号及其级别、发布和解除时间。',
    frequency: 'realtime',
    items: [
      ['issuedOn', '发布日期', 'date', '预警发布日期'],
      ['kind', '预警种类', 'string', '寒潮、暴雪、大风、暴雨、高温、沙尘暴、雷电、道路结冰等'],
      ['colour', '级别', 'string', '蓝色、黄色、橙色、红色'],
      ['hours', '持续时长（小时）', 'integer', '发布至解除的小时数'],
      ['content', '预警内容', 'string', '预警信号正文摘要'],
    ],
    rows: (g) =>
      Array.from({ length: 160 }, () => {
        const d = g.pick(days(PERIOD.from, PERIOD.to));
        const winter = season(d) > 0;
        const kind = winter ? g.pick(['寒潮', '暴雪', '大风', '道路结冰']) : g.pick(['暴雨', '雷电', '高温', '大风', '沙尘暴']);
        const colour = g.weighted([
          ['蓝色', 6],
          ['黄色', 4],
          ['橙色', 1],
          ['红色', 0.2],
        ] as const);
        return { issuedOn: d, kind, colour, hours: g.int(3, 48), content: `乌兰浩特市气象台发布${kind}${colour}预警信号，请注意防范。` };
      }).sort((a, b) => a.issuedOn.localeCompare(b.issuedOn)),
    meta: {
      titleEn: 'Weather warnings',
      notesEn: 'Weather warning signals issued by the Ulanhot weather office: kind, colour, duration and text.',
      theme: 'weather',
      tags: ['预警', '气象灾害'],
      licence: 'CC-BY-4.0',
      temporalFrom: PERIOD.from,
      temporalTo: PERIOD.to,
    },
  },
  {
    code: 'RX-MONTHLY',
    dept: 'RX12345',
    name: '12345热线月度统计',
    description: '12345政务服务便民热线按月、按诉求类别统计的受理量、办结量、按时办结率和满意率。',
    frequency: 'monthly',
    items: [
      MONTH,
      ['category', '诉求类别', 'string', '诉求一级分类'],
      ['received', '受理量', 'integer', '当月受理工单数'],
      ['closed', '办结量', 'integer', '当月办结工单数'],
      ['onTimeRate', '按时办结率（%）', 'number', '按时办结工单占比'],
      ['satisfaction', '满意率（%）', 'number', '回访满意工单占比'],
    ],
    rows: (g) =>
      months(PERIOD.fromMonth, PERIOD.toMonth).flatMap((m) =>
        HOTLINE.map(([category, base]) => {
          const heating = category === '供热供暖' ? (['10', '11', '12', '01', '02', '03'].includes(m.slice(5)) ? 2.4 : 0.2) : 1;
          const received = Math.round(base * heating * (0.8 + g.rnd() * 0.4));
          return { month: m, category, received, closed: Math.round(received * (0.93 + g.rnd() * 0.06)), onTimeRate: g.round(92 + g.rnd() * 7.5, 1), satisfaction: g.round(88 + g.rnd() * 10, 1) };
        }),
      ),
    meta: {
      titleEn: '12345 hotline monthly statistics',
      notesEn: 'Calls received and closed by the 12345 hotline per month and category, with on-time and satisfaction rates.',
      theme: 'government',
      tags: ['12345', '热线', '诉求'],
      licence: 'CC-BY-4.0',
      temporalFrom: PERIOD.from,
      temporalTo: PERIOD.to,
    },
  },
  {
    code: 'ZW-SERVICE-MONTHLY',
    dept: 'ZWSJ',
    name: '政务服务办件量月度统计',
    description: '政务服务中心按月、按部门统计的办件量、网上办件量、即办件占比和“好差评”好评率。',
    frequency: 'monthly',
    items: [
      MONTH,
      ['department', '部门', 'string', '进驻部门'],
      ['cases', '办件量', 'integer', '当月办结件数'],
      ['online', '网上办件量', 'integer', '全程网办件数'],
      ['immediateRate', '即办件占比（%）', 'number', '即办件占办件量的比例'],
      ['goodRate', '好评率（%）', 'number', '政务服务“好差评”好评率'],
    ],
    rows: (g) =>
      months(PERIOD.fromMonth, PERIOD.toMonth).flatMap((m, n) =>
        DEPARTMENTS_SERVED.map(([department, base]) => {
          const cases = Math.round(base * (0.85 + g.rnd() * 0.3) * (m.endsWith('-02') ? 0.6 : 1));
          return {
            month: m,
            department,
            cases,
            online: Math.round(cases * Math.min(0.92, 0.45 + n * 0.012 + g.rnd() * 0.05)),
            immediateRate: g.round(35 + g.rnd() * 30, 1),
            goodRate: g.round(98.5 + g.rnd() * 1.5, 2),
          };
        }),
      ),
    meta: {
      titleEn: 'Government services: monthly cases',
      notesEn: 'Cases completed per month and department at the government service centre, online share, immediate share and rating.',
      theme: 'government',
      tags: ['政务服务', '办件量', '好差评'],
      licence: 'CC-BY-4.0',
      temporalFrom: PERIOD.from,
      temporalTo: PERIOD.to,
    },
  },
  {
    code: 'SC-ENTITY-MONTHLY',
    dept: 'SCJG',
    name: '市场主体登记月度统计',
    description: '按月、按主体类型统计的新设立、注销市场主体数量和月末实有数量。',
    frequency: 'monthly',
    items: [
      MONTH,
      ['entityType', '主体类型', 'string', '企业、个体工商户、农民专业合作社'],
      ['established', '新设立数', 'integer', '当月新登记数量'],
      ['deregistered', '注销数', 'integer', '当月注销数量'],
      ['existing', '月末实有数', 'integer', '月末实有数量'],
    ],
    rows: (g) => {
      const stock: Record<string, number> = { 企业: 9800, 个体工商户: 31200, 农民专业合作社: 1260 };
      const flow: Record<string, number> = { 企业: 160, 个体工商户: 620, 农民专业合作社: 8 };
      return months(PERIOD.fromMonth, PERIOD.toMonth).flatMap((m) =>
        Object.keys(stock).map((t) => {
          const established = Math.round(flow[t] * (0.7 + g.rnd() * 0.6) * (['03', '04', '05'].includes(m.slice(5)) ? 1.3 : 1));
          const deregistered = Math.round(established * (0.35 + g.rnd() * 0.3));
          stock[t] += established - deregistered;
          return { month: m, entityType: t, established, deregistered, existing: stock[t] };
        }),
      );
    },
    meta: {
      titleEn: 'Market entity registrations: monthly',
      notesEn: 'New and deregistered market entities per month and type, and the number existing at month end.',
      theme: 'market',
      tags: ['市场主体', '登记注册', '营商环境'],
      licence: 'CC-BY-4.0',
      temporalFrom: PERIOD.from,
      temporalTo: PERIOD.to,
    },
  },
  {
    code: 'SC-FOOD-SAMPLING',
    dept: 'SCJG',
    name: '食品安全监督抽检结果',
    description: '食品安全监督抽检的样品名称、食品类别、被抽样单位、标称生产企业、抽样日期、检验结论和不合格项目。',
    frequency: 'weekly',
    items: [
      ['sampleNo', '抽样编号', 'string', '抽样单编号'],
      ['product', '样品名称', 'string', '食品名称'],
      ['category', '食品大类', 'string', '食品大类'],
      ['sampledAt', '被抽样单位', 'string', '被抽样单位名称'],
      ['producer', '标称生产企业', 'string', '标签标示的生产企业'],
      ['sampledOn', '抽样日期', 'date', '抽样日期'],
      ['result', '检验结论', 'string', '合格或不合格'],
      ['failedItem', '不合格项目', 'string', '不合格检验项目（合格为空）'],
    ],
    rows: (g) => {
      const cats = [
        ['粮食加工品', ['小麦粉', '大米', '挂面']],
        ['食用油、油脂及其制品', ['大豆油', '菜籽油']],
        ['肉制品', ['熏煮香肠', '风干牛肉', '酱卤肉']],
        ['乳制品', ['灭菌乳', '酸奶', '奶粉']],
        ['蔬菜', ['韭菜', '芹菜', '豇豆']],
        ['畜禽肉及副产品', ['猪肉', '牛肉', '鸡肉']],
        ['糕点', ['月饼', '面包']],
        ['酒类', ['白酒', '啤酒']],
        ['餐饮食品', ['油条', '凉皮', '馒头']],
      ] as const;
      const all = days(PERIOD.from, PERIOD.to);
      return Array.from({ length: 1600 }, (_, i) => {
        const [category, products] = g.pick(cats);
        const fail = g.rnd() < 0.025;
        return {
          sampleNo: `XC${all[Math.floor((i / 1600) * all.length)].replace(/-/g, '').slice(2)}${String(i + 1).padStart(5, '0')}`,
          product: g.pick(products),
          category,
          sampledAt: `乌兰浩特市${g.pick(['红城', '兴安', '万佳', '惠民', '草原'])}${g.pick(['超市', '便利店', '农贸市场', '餐饮店', '生鲜店'])}${g.int(1, 60)}`,
          producer: g.pick([
            '内蒙古伊利实业集团股份有限公司',
            '兴安盟蒙源食品有限公司',
            '乌兰浩特市洮儿河米业有限公司',
            '内蒙古蒙牛乳业（集团）股份有限公司',
            '兴安盟草原牛肉制品厂',
            '（散装，无标称）',
          ]),
          sampledOn: all[Math.floor((i / 1600) * all.length)],
          result: fail ? '不合格' : '合格',
          failedItem: fail ? g.pick(['菌落总数', '大肠菌群', '酸价', '过氧化值', '毒死蜱', '铝的残留量']) : null,
        };
      });
    },
    meta: {
      titleEn: 'Food safety sampling results',
      notesEn: 'Food safety sampling: sample, category, seller, producer, date, conclusion and failing item.',
      theme: 'market',
      tags: ['食品安全', '抽检'],
      licence: 'CC-BY-4.0',
      temporalFrom: PERIOD.from,
      temporalTo: PERIOD.to,
    },
  },
  {
    code: 'NM-PRICE',
    dept: 'NMKJ',
    name: '农产品集贸市场价格',
    description: '城区主要农贸市场粮油、肉禽蛋奶、蔬菜水果的逐周零售均价。',
    frequency: 'weekly',
    items: [
      ['week', '监测日期', 'date', '每周一的监测日期'],
      ['product', '品种', 'string', '农产品品种'],
      ['unit', '计价单位', 'string', '计价单位'],
      ['price', '零售均价', 'number', '监测点零售均价'],
      ['market', '市场', 'string', '监测市场'],
    ],
    rows: (g) => {
      const out: Record<string, unknown>[] = [];
      const level = PRODUCTS.map((p) => p[2] as number);
      for (const d of days(PERIOD.from, PERIOD.to).filter((_, i) => i % 7 === 0))
        PRODUCTS.forEach(([product, unit], k) => {
          const vegetable = k >= 9 && k <= 13;
          level[k] = Math.max(0.5, level[k] * (1 + g.normal(0, 0.02)) + (vegetable ? 0.04 * season(d) : 0));
          for (const market of ['红城农贸市场', '兴安农贸市场']) out.push({ week: d, product, unit, price: g.round(level[k] * (market === '红城农贸市场' ? 1 : 0.97), 2), market });
        });
      return out;
    },
    meta: {
      titleEn: 'Farm produce market prices',
      notesEn: 'Weekly average retail prices of grain, oil, meat, eggs, milk, vegetables and fruit at the main markets.',
      theme: 'trade',
      tags: ['农产品', '价格', '菜篮子'],
      licence: 'CC-BY-4.0',
      temporalFrom: PERIOD.from,
      temporalTo: PERIOD.to,
    },
  },
  {
    code: 'NM-CROP',
    dept: 'NMKJ',
    name: '主要农作物播种面积和产量',
    description: '全市主要农作物历年播种面积、总产量和单产。',
    frequency: 'yearly',
    items: [
      ['year', '年份', 'integer', '统计年度'],
      ['crop', '作物', 'string', '农作物名称'],
      ['areaMu', '播种面积（亩）', 'integer', '播种面积'],
      ['outputT', '总产量（吨）', 'integer', '总产量'],
      ['yieldKgPerMu', '单产（千克/亩）', 'number', '亩产'],
    ],
    rows: (g) =>
      [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025].flatMap((year) =>
        [
          ['玉米', 620000, 620],
          ['水稻', 88000, 520],
          ['大豆', 96000, 160],
          ['谷子', 21000, 250],
          ['马铃薯', 14000, 1800],
          ['向日葵', 30000, 210],
          ['高粱', 9000, 420],
          ['蔬菜', 12000, 2600],
        ].map(([crop, area, y]) => {
          const areaMu = Math.round((area as number) * (0.9 + g.rnd() * 0.2));
          const yieldKgPerMu = g.round((y as number) * (0.88 + g.rnd() * 0.2 + (year - 2016) * 0.006), 1);
          return { year, crop, areaMu, outputT: Math.round((areaMu * yieldKgPerMu) / 1000), yieldKgPerMu };
        }),
      ),
    meta: {
      titleEn: 'Main crops: area and output',
      notesEn: 'Sown area, output and yield of the main crops by year.',
      theme: 'industry',
      tags: ['农业', '粮食', '农作物'],
      licence: 'CC-BY-4.0',
      temporalFrom: '2016-01-01',
      temporalTo: '2025-12-31',
    },
  },
  {
    code: 'RS-JOBS',
    dept: 'RSJ',
    name: '招聘岗位信息',
    description: '公共就业服务机构发布的企业招聘岗位：单位、岗位、人数、学历要求、薪酬区间、工作地点和发布日期。',
    frequency: 'daily',
    items: [
      ['employer', '招聘单位', 'string', '用人单位名称'],
      ['position', '岗位名称', 'string', '招聘岗位'],
      ['headcount', '招聘人数', 'integer', '招聘人数'],
      ['education', '学历要求', 'string', '最低学历要求'],
      ['salaryMin', '月薪下限（元）', 'integer', '月薪区间下限'],
      ['salaryMax', '月薪上限（元）', 'integer', '月薪区间上限'],
      ['street', '工作地点', 'string', '工作地点所在街道'],
      ['publishedOn', '发布日期', 'date', '岗位发布日期'],
      ['industry', '行业', 'string', '国民经济行业门类'],
    ],
    rows: (g) => {
      const all = days('2026-06-01', PERIOD.to);
      const jobs = [
        ['营业员', '批发和零售业', 2600, '高中'],
        ['收银员', '批发和零售业', 2500, '高中'],
        ['厨师', '住宿和餐饮业', 3800, '初中'],
        ['服务员', '住宿和餐饮业', 2600, '初中'],
        ['会计', '租赁和商务服务业', 3800, '大专'],
        ['护士', '卫生和社会工作', 4200, '大专'],
        ['养老护理员', '卫生和社会工作', 3200, '初中'],
        ['驾驶员', '交通运输、仓储和邮政业', 4500, '初中'],
        ['快递员', '交通运输、仓储和邮政业', 4800, '初中'],
        ['电工', '建筑业', 5000, '高中'],
        ['焊工', '制造业', 5200, '初中'],
        ['销售代表', '批发和零售业', 3500, '大专'],
        ['软件开发工程师', '信息传输、软件和信息技术服务业', 6800, '本科'],
        ['教师', '教育', 4500, '本科'],
        ['保安员', '租赁和商务服务业', 2800, '初中'],
        ['仓库管理员', '交通运输、仓储和邮政业', 3300, '高中'],
      ] as const;
      return Array.from({ length: 1240 }, () => {
        const [position, industry, base, education] = g.pick(jobs);
        const s = g.street();
        const min = Math.round((base * (0.85 + g.rnd() * 0.3)) / 100) * 100;
        return {
          employer: `${g.pick(['兴安盟', '乌兰浩特市'])}${g.pick(['红城', '兴安', '草原', '洮儿河', '天骄', '罕山'])}${g.pick(['商贸', '餐饮', '物流', '科技', '建筑', '医疗', '物业'])}${g.pick(['有限公司', '有限责任公司', '集团有限公司'])}`,
          position,
          headcount: g.weighted([
            [1, 5],
            [2, 4],
            [3, 2],
            [5, 1],
            [10, 0.5],
          ] as const),
          education,
          salaryMin: min,
          salaryMax: min + g.pick([500, 1000, 1500, 2000]),
          street: s.name,
          publishedOn: g.pick(all),
          industry,
          _region: s.code,
        };
      }).sort((a, b) => a.publishedOn.localeCompare(b.publishedOn));
    },
    meta: {
      titleEn: 'Job vacancies',
      notesEn: 'Vacancies published by the public employment service: employer, position, number, education, pay range, place and date.',
      theme: 'social',
      tags: ['就业', '招聘', '岗位'],
      licence: 'CC-BY-4.0',
      temporalFrom: '2026-06-01',
      temporalTo: PERIOD.to,
    },
  },
  {
    code: 'CZ-BUDGET',
    dept: 'CZJ',
    name: '一般公共预算支出',
    description: '市本级一般公共预算支出按功能分类的年初预算数、调整预算数和决算（执行）数。',
    frequency: 'yearly',
    items: [
      ['year', '年度', 'integer', '预算年度'],
      ['category', '支出功能分类', 'string', '政府收支分类科目（类级）'],
      ['budget', '年初预算（万元）', 'number', '人大批准的年初预算数'],
      ['adjusted', '调整预算（万元）', 'number', '调整后预算数'],
      ['actual', '决算或执行数（万元）', 'number', '决算数（当年为截至11月执行数）'],
    ],
    rows: (g) =>
      [2024, 2025, 2026].flatMap((year) =>
        BUDGET.map(([category, base]) => {
          const budget = g.round(base * (1 + (year - 2024) * 0.04) * (0.95 + g.rnd() * 0.1), 1);
          const adjusted = g.round(budget * (0.97 + g.rnd() * 0.1), 1);
          return { year, category, budget, adjusted, actual: g.round(adjusted * (year === 2026 ? 0.82 + g.rnd() * 0.08 : 0.95 + g.rnd() * 0.05), 1) };
        }),
      ),
    meta: {
      titleEn: 'General public budget expenditure',
      notesEn: 'Municipal general public budget expenditure by function: initial budget, adjusted budget and outturn.',
      theme: 'finance',
      tags: ['财政', '预算', '预决算公开'],
      licence: 'CC-BY-4.0',
      temporalFrom: '2024-01-01',
      temporalTo: '2026-12-31',
    },
  },
  {
    code: 'TJ-POPULATION',
    dept: 'TJJ',
    name: '常住人口统计年报',
    description: '按年度、街道（乡镇）、性别和年龄组汇总的常住人口数（汇总数据，不含个人信息）。',
    frequency: 'yearly',
    items: [
      ['year', '年份', 'integer', '统计年度（年末）'],
      ['township', '街道（乡镇）', 'string', '街道或乡镇名称'],
      ['sex', '性别', 'string', '男或女'],
      ['ageGroup', '年龄组', 'string', '0-14岁、15-59岁、60岁及以上'],
      ['population', '常住人口（人）', 'integer', '年末常住人口数'],
    ],
    rows: (g) => {
      const out: Record<string, unknown>[] = [];
      const places = [...STREETS.map((s) => ({ ...s, size: 26000 })), ...TOWNS.map((t) => ({ ...t, size: 9000 }))];
      for (const year of [2021, 2022, 2023, 2024, 2025])
        for (const p of places)
          for (const sex of ['男', '女'])
            for (const [ageGroup, share] of [
              ['0-14岁', 0.15],
              ['15-59岁', 0.63],
              ['60岁及以上', 0.22 + (year - 2021) * 0.008],
            ] as const)
              out.push({ year, township: p.name, sex, ageGroup, population: Math.round((p.size / 2) * share * (0.9 + g.rnd() * 0.2)), _region: p.code });
      return out;
    },
    meta: {
      titleEn: 'Resident population by year',
      notesEn: 'Year-end resident population by street or township, sex and age group (aggregated, no personal data).',
      theme: 'government',
      tags: ['人口', '统计'],
      licence: 'CC-BY-4.0',
      temporalFrom: '2021-01-01',
      temporalTo: '2025-12-31',
    },
  },
  {
    code: 'TJ-ECONOMY',
    dept: 'TJJ',
    name: '主要经济指标季度数据',
    description: '地区生产总值、规模以上工业增加值、社会消费品零售总额、固定资产投资和居民人均可支配收入等主要指标的季度累计值和同比增速。',
    frequency: 'quarterly',
    items: [
      ['quarter', '季度', 'string', '统计季度（YYYY-Qn，累计）'],
      ['indicator', '指标', 'string', '指标名称'],
      ['unit', '单位', 'string', '计量单位'],
      ['value', '累计值', 'number', '年初至本季度末累计值（增速类指标为空）'],
      ['growth', '同比增速（%）', 'number', '累计同比增速'],
    ],
    rows: (g) =>
      [2022, 2023, 2024, 2025, 2026].flatMap((year) =>
        [1, 2, 3, 4]
          .filter((q) => year < 2026 || q <= 3)
          .flatMap((q) => {
            const scale = (1 + (year - 2022) * 0.055) * (q / 4);
            const row = (indicator: string, unit: string, value: number | null, growth: number) => ({ quarter: `${year}-Q${q}`, indicator, unit, value, growth: g.round(growth, 1) });
            return [
              row('地区生产总值', '亿元', g.round(268 * scale * (0.97 + g.rnd() * 0.06), 2), 4.2 + g.rnd() * 2.4),
              row('规模以上工业增加值', '亿元', g.round(41 * scale * (0.95 + g.rnd() * 0.1), 2), 3 + g.rnd() * 6),
              row('社会消费品零售总额', '亿元', g.round(112 * scale * (0.97 + g.rnd() * 0.06), 2), 3 + g.rnd() * 5),
              row('固定资产投资', '亿元', null, -3 + g.rnd() * 14),
              row('一般公共预算收入', '亿元', g.round(14 * scale * (0.95 + g.rnd() * 0.1), 2), 1 + g.rnd() * 8),
              row('城镇常住居民人均可支配收入', '元', Math.round(42000 * scale), 4 + g.rnd() * 2),
              row('农村牧区常住居民人均可支配收入', '元', Math.round(19000 * scale), 6 + g.rnd() * 2),
            ];
          }),
      ),
    meta: {
      titleEn: 'Main economic indicators: quarterly',
      notesEn: 'Quarterly cumulative GDP, industry, retail sales, investment, budget revenue and disposable income, with year-on-year growth.',
      theme: 'economy',
      tags: ['经济', 'GDP', '统计'],
      licence: 'CC-BY-4.0',
      temporalFrom: '2022-01-01',
      temporalTo: '2026-09-30',
    },
  },
  {
    code: 'WL-VISITORS',
    dept: 'WLTJ',
    name: '旅游接待月度统计',
    description: '全市及主要A级旅游景区按月接待游客人次和旅游收入。',
    frequency: 'monthly',
    items: [
      MONTH,
      ['area', '统计范围', 'string', '全市或景区名称'],
      ['visitors', '接待游客（万人次）', 'number', '当月接待游客'],
      ['revenue', '旅游收入（亿元）', 'number', '当月旅游收入（景区为门票及二次消费收入）'],
    ],
    rows: (g) =>
      months(PERIOD.fromMonth, PERIOD.toMonth).flatMap((m) => {
        const peak = ['07', '08'].includes(m.slice(5)) ? 2.6 : ['06', '09', '10', '02'].includes(m.slice(5)) ? 1.5 : 1;
        const visitors = g.round(38 * peak * (0.9 + g.rnd() * 0.2), 2);
        return [
          { month: m, area: '全市', visitors, revenue: g.round(visitors * 0.062, 2) },
          ...[
            ['成吉思汗庙', 0.16],
            ['乌兰浩特五一会址', 0.12],
            ['葛根庙', 0.08],
            ['科尔沁草原民俗村', 0.05],
          ].map(([area, share]) => {
            const v = g.round(visitors * (share as number) * (0.85 + g.rnd() * 0.3), 2);
            return { month: m, area, visitors: v, revenue: g.round(v * 0.018, 3) };
          }),
        ];
      }),
    meta: {
      titleEn: 'Tourism: monthly visitors',
      notesEn: 'Visitors and tourism revenue per month for the whole city and the main A-grade scenic areas.',
      theme: 'culture',
      tags: ['旅游', '游客', '文旅'],
      licence: 'CC-BY-4.0',
      temporalFrom: PERIOD.from,
      temporalTo: PERIOD.to,
    },
  },
  {
    code: 'JT-TAXI-MONTHLY',
    dept: 'JTJ',
    name: '城市客运月度统计',
    description: '公交和出租汽车按月统计的运营车辆、客运量和运营里程。',
    frequency: 'monthly',
    items: [
      MONTH,
      ['mode', '客运方式', 'string', '公共汽电车或出租汽车'],
      ['vehicles', '运营车辆（辆）', 'integer', '月末运营车辆数'],
      ['passengers', '客运量（万人次）', 'number', '当月客运量'],
      ['mileage', '运营里程（万公里）', 'number', '当月运营里程'],
    ],
    rows: (g) =>
      months(PERIOD.fromMonth, PERIOD.toMonth).flatMap((m) => [
        {
          month: m,
          mode: '公共汽电车',
          vehicles: g.int(236, 248),
          passengers: g.round(310 + g.normal(0, 20) + (['12', '01', '02'].includes(m.slice(5)) ? 40 : 0), 1),
          mileage: g.round(122 + g.normal(0, 6), 1),
        },
        { month: m, mode: '出租汽车', vehicles: g.int(1420, 1460), passengers: g.round(260 + g.normal(0, 18), 1), mileage: g.round(410 + g.normal(0, 20), 1) },
        { month: m, mode: '网络预约出租汽车', vehicles: g.int(380, 520), passengers: g.round(48 + g.normal(0, 6), 1), mileage: g.round(96 + g.normal(0, 8), 1) },
      ]),
    meta: {
      titleEn: 'Urban passenger transport: monthly',
      notesEn: 'Buses and taxis per month: vehicles in service, passengers and mileage.',
      theme: 'transport',
      tags: ['公交', '出租车', '客运量'],
      licence: 'CC-BY-4.0',
      temporalFrom: PERIOD.from,
      temporalTo: PERIOD.to,
    },
  },
  {
    code: 'MZ-MARRIAGE-MONTHLY',
    dept: 'MZJ',
    name: '婚姻登记月度统计',
    description: '婚姻登记处按月统计的结婚登记、离婚登记和补发婚姻登记证数量（汇总数据）。',
    frequency: 'monthly',
    items: [
      MONTH,
      ['kind', '登记类型', 'string', '结婚登记、离婚登记、补领婚姻登记证'],
      ['count', '登记数（对、件）', 'integer', '当月登记数'],
      ['mongolian', '其中蒙古族（对、件）', 'integer', '一方或双方为蒙古族的登记数'],
    ],
    rows: (g) =>
      months(PERIOD.fromMonth, PERIOD.toMonth).flatMap((m) => {
        const marriages = Math.round((m.endsWith('-05') || m.endsWith('-10') ? 260 : m.endsWith('-02') ? 230 : 150) * (0.85 + g.rnd() * 0.3));
        return [
          ['结婚登记', marriages],
          ['离婚登记', Math.round(70 * (0.8 + g.rnd() * 0.4))],
          ['补领婚姻登记证', g.int(20, 60)],
        ].map(([kind, count]) => ({ month: m, kind, count, mongolian: Math.round((count as number) * (0.25 + g.rnd() * 0.1)) }));
      }),
    meta: {
      titleEn: 'Marriage registrations: monthly',
      notesEn: 'Marriages, divorces and reissued certificates registered per month (aggregated).',
      theme: 'social',
      tags: ['婚姻登记', '民政'],
      licence: 'CC-BY-4.0',
      temporalFrom: PERIOD.from,
      temporalTo: PERIOD.to,
    },
  },
];
