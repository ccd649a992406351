import { makeCreditCode, seededRandom } from '../../../src/kernel/ids/index.ts';
import type { LicenceCode, ThemeCode } from '../../../src/modules/opendata/index.ts';
import { STREET_CENTRES } from '../../grids.ts';

/*
 * The vocabulary of the demo open datasets: a seeded generator per dataset (so adding one does not
 * change the others' rows), the real streets and roads of 乌兰浩特市 with their centres, and the
 * shape of a dataset definition.
 */

export type ItemType = 'string' | 'integer' | 'number' | 'date' | 'boolean';
/** code, name, type, description, grade (default L1). */
export type ItemDef = [string, string, ItemType, string, ('L1' | 'L2' | 'L3' | 'L4')?];

export interface DatasetDef {
  code: string;
  dept: string;
  name: string;
  description: string;
  frequency: 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly';
  /** 有条件开放: the basis (SCJG and WJW only, the departments with 数据专员). */
  conditional?: string;
  items: ItemDef[];
  /** The rows: values by item code; `_region` puts a row in a street. */
  rows: (g: Gen) => Record<string, unknown>[];
  meta: { titleEn: string; notesEn: string; theme: ThemeCode; tags: string[]; licence?: LicenceCode; temporalFrom?: string; temporalTo?: string };
}

/** Streets and towns of 乌兰浩特市 (GB/T 2260 street codes) with roads in each. */
export const STREETS: { code: string; name: string; roads: string[] }[] = [
  { code: '152201001', name: '爱国街道', roads: ['罕山街', '五一北路', '爱国路', '健康北路'] },
  { code: '152201002', name: '和平街道', roads: ['和平路', '红城街', '兴安东街', '民主路'] },
  { code: '152201003', name: '兴安街道', roads: ['兴安北大街', '兴安南大街', '学府路', '罕山西街'] },
  { code: '152201004', name: '胜利街道', roads: ['乌兰大街', '成吉思汗大街', '胜利路', '东明路'] },
  { code: '152201005', name: '铁西街道', roads: ['新桥街', '洮儿河路', '站前街', '桥西街'] },
  { code: '152201006', name: '都林街道', roads: ['都林街', '都林北路', '索伦街', '吉祥路'] },
  { code: '152201007', name: '五一街道', roads: ['五一南路', '兴安南大街', '文化街', '团结路'] },
  { code: '152201008', name: '城郊街道', roads: ['健康路', '城郊路', '葛根庙路', '白音路'] },
  { code: '152201009', name: '新城街道', roads: ['团结大街', '成吉思汗大街', '洮儿河大街', '兴安盟行政中心路'] },
  { code: '152201010', name: '天骄街道', roads: ['天骄大街', '科尔沁大街', '罕山北路', '天骄北路'] },
];
export const TOWNS: { code: string; name: string }[] = [
  { code: '152201100', name: '乌兰哈达镇' },
  { code: '152201101', name: '葛根庙镇' },
  { code: '152201102', name: '太本站镇' },
  { code: '152201103', name: '义勒力特镇' },
];

/** FNV-1a of the code: each dataset's own seed. */
function seedOf(code: string): number {
  let h = 2166136261;
  for (const ch of code) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董包白乌宝敖那'.split('');
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '桂兰',
  '霞',
  '平',
  '刚',
  '海燕',
  '志强',
  '巴特尔',
  '其其格',
  '苏日娜',
  '阿拉坦',
  '乌云',
  '宝音',
  '图雅',
];

export type Gen = ReturnType<typeof generator>;

/** A seeded generator for one dataset. */
export function generator(code: string) {
  const rnd = seededRandom(seedOf(code));
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  /** Picks by weight: [value, weight][]. */
  const weighted = <T>(xs: readonly (readonly [T, number])[]): T => {
    const total = xs.reduce((s, x) => s + x[1], 0);
    let r = rnd() * total;
    for (const x of xs) if ((r -= x[1]) <= 0) return x[0];
    return xs[xs.length - 1][0];
  };
  const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;
  /** Roughly normal (sum of uniforms). */
  const normal = (mean: number, sd: number) => mean + sd * (rnd() + rnd() + rnd() + rnd() + rnd() + rnd() - 3) * 1.41;
  const street = () => pick(STREETS);
  return {
    rnd,
    int,
    pick,
    weighted,
    round,
    normal,
    street,
    /** A point in a street (about ±800 m around its centre), CGCS2000 degrees to 6 places. */
    point(code: string): { lon: number; lat: number } {
      const [lon, lat] = STREET_CENTRES[code] ?? [122.07, 46.08];
      return { lon: round(lon + (rnd() - 0.5) * 0.02, 6), lat: round(lat + (rnd() - 0.5) * 0.014, 6) };
    },
    /** An address on one of the street's roads. */
    address(s: { name: string; roads: string[] }): string {
      return `乌兰浩特市${s.name.replace(/街道$/, '')}${pick(s.roads)}${int(1, 298)}号`;
    },
    /** A fixed-line number of the city (0482). */
    phone: () => `0482-${int(820, 889)}${String(int(0, 9999)).padStart(4, '0')}`,
    personName: () => pick(SURNAMES) + pick(GIVEN) + (rnd() < 0.3 ? pick(GIVEN) : ''),
    creditCode: (type = '1') => {
      const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
      let base = '';
      for (let i = 0; i < 8; i++) base += chars[int(0, chars.length - 1)];
      return makeCreditCode('152201', base, '9', type);
    },
  };
}

/** Days from `from` to `to` inclusive, as YYYY-MM-DD. */
export function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** Months from `from` to `to` inclusive, as YYYY-MM. */
export function months(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** Day of year 0..365 of a YYYY-MM-DD, for seasonal curves. */
export const dayOfYear = (d: string) => Math.floor((Date.parse(`${d}T00:00:00Z`) - Date.parse(`${d.slice(0, 4)}-01-01T00:00:00Z`)) / 86_400_000);

/** The demo's fixed data period: two years up to the end of November 2026. */
export const PERIOD = { from: '2024-12-01', to: '2026-11-30', fromMonth: '2024-12', toMonth: '2026-11' };
