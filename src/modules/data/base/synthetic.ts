import { makeCitizenId, makeCreditCode, seededRandom } from '../../../kernel/ids/index.ts';

/** Counties of 兴安盟 (GB/T 2260); most people of the demo live in 乌兰浩特市. */
export const COUNTIES: [string, string, number][] = [
  ['152201', '乌兰浩特市', 0.55],
  ['152202', '阿尔山市', 0.05],
  ['152221', '科尔沁右翼前旗', 0.13],
  ['152222', '科尔沁右翼中旗', 0.1],
  ['152223', '扎赉特旗', 0.1],
  ['152224', '突泉县', 0.07],
];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文包宝乌那敖'.split('');
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红建国建华志强海燕淑珍金花巴特尔其其格苏日娜阿拉坦乌云宝音图雅'.split('');
const NATIONS = ['汉族', '汉族', '汉族', '蒙古族', '蒙古族', '满族', '朝鲜族', '回族'];
const STREETS = ['兴安北大路', '五一南路', '罕山东街', '都林街', '和平路', '胜利大街', '乌兰大街', '天骄路', '成吉思汗大街', '洮儿河路'];
const TRADES = ['商贸', '餐饮', '乳业', '建材', '物流', '农牧业', '旅游', '信息技术', '医药', '建筑工程', '食品', '能源'];
const BRANDS = ['草原', '兴安', '洮儿河', '罕山', '白狼', '红城', '科尔沁', '阿尔山', '索伦', '天骄', '蒙原', '北疆'];
const FORMS = ['有限公司', '有限责任公司', '股份有限公司', '个体工商户', '农民专业合作社'];

export interface SyntheticPerson { idNumber: string; name: string; sex: 'male' | 'female'; birthDate: string; nation: string; regionCode: string; address: string }
export interface SyntheticEntity { creditCode: string; name: string; type: string; regionCode: string; legalRep: number; capital: number; establishedOn: string; address: string; status: string }

/**
 * Synthetic base data with valid check digits (GB 11643, GB 32100), reproducible from a seed:
 * the same seed gives the same people and companies, so demo and tests agree.
 */
export function syntheticBase(seed: number) {
  const rnd = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[int(0, xs.length - 1)];
  const county = () => {
    let r = rnd();
    for (const c of COUNTIES) if ((r -= c[2]) <= 0) return c;
    return COUNTIES[0];
  };
  const seen = new Set<string>();
  return {
    person(): SyntheticPerson {
      for (;;) {
        const [code, name] = county();
        const birth = `${int(1935, 2020)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
        const id = makeCitizenId(code, birth, int(1, 999));
        if (seen.has(id)) continue;
        seen.add(id);
        const sexDigit = Number(id[16]);
        return { idNumber: id, name: pick(SURNAMES) + pick(GIVEN) + (rnd() < 0.4 ? pick(GIVEN) : ''), sex: sexDigit % 2 ? 'male' : 'female', birthDate: birth, nation: pick(NATIONS), regionCode: code, address: `${name}${pick(STREETS)}${int(1, 299)}号` };
      }
    },
    entity(people: number): SyntheticEntity {
      for (;;) {
        const [code, county_] = county();
        const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
        let base = '';
        for (let i = 0; i < 8; i++) base += chars[int(0, chars.length - 1)];
        const form = pick(FORMS);
        const credit = makeCreditCode(code, base, '9', form === '个体工商户' ? '2' : form === '农民专业合作社' ? '3' : '1');
        if (seen.has(credit)) continue;
        seen.add(credit);
        return { creditCode: credit, name: `${county_}${pick(BRANDS)}${pick(TRADES)}${form === '个体工商户' ? '经营部' : form}${int(1, 9999)}`, type: form, regionCode: code, legalRep: int(0, people - 1), capital: int(1, 5000) * 10_000, establishedOn: `${int(1995, 2026)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`, address: `${county_}${pick(STREETS)}${int(1, 299)}号`, status: rnd() < 0.93 ? '存续' : '注销' };
      }
    },
    int,
    pick,
  };
}
