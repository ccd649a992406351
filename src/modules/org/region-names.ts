import { pinyin } from 'pinyin-pro';

/**
 * English names of regions. Places keep their Chinese name in pinyin and translate only the kind of
 * place (和平街道 → Heping Subdistrict), the usual form in official English. A few names above the
 * county have established English forms of their own.
 */
const KNOWN: Record<string, string> = {
  内蒙古自治区: 'Inner Mongolia Autonomous Region',
  兴安盟: 'Hinggan League',
  乌兰浩特市: 'Ulanhot',
  呼和马场: 'Huhe Horse Farm',
  // pinyin-pro reads these two by their commoner sound (dou, xingan).
  都林街道: 'Dulin Subdistrict',
  兴安街道: "Xing'an Subdistrict",
  乌兰浩特绿色产业园: 'Ulanhot Green Industrial Park',
  兴安盟经济技术开发区: 'Hinggan League Economic and Technological Development Zone',
};

// Longest first, so 街道办事处 wins over 街道 and 居委会 over 会.
const KINDS: [string, string][] = [
  ['特别行政区', 'Special Administrative Region'],
  ['自治区', 'Autonomous Region'],
  ['自治州', 'Autonomous Prefecture'],
  ['自治县', 'Autonomous County'],
  ['自治旗', 'Autonomous Banner'],
  ['社区居委会', 'Community'],
  ['居民委员会', 'Community'],
  ['村民委员会', 'Village'],
  ['居委会', 'Community'],
  ['村委会', 'Village'],
  ['街道', 'Subdistrict'],
  ['社区', 'Community'],
  ['苏木', 'Sumu'],
  ['嘎查', 'Gacha'],
  ['省', 'Province'],
  ['市', 'City'],
  ['盟', 'League'],
  ['区', 'District'],
  ['县', 'County'],
  ['旗', 'Banner'],
  ['镇', 'Town'],
  ['乡', 'Township'],
  ['村', 'Village'],
];

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Pinyin of a place name as one capitalised word (乌兰哈达 → Wulanhada). */
function placeWord(zh: string): string {
  return capital(pinyin(zh, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' }).join('').replace(/\s+/g, ''));
}

/** The English name of a region (GB/T 2260 name): 和平街道 → Heping Subdistrict, 葛根庙镇 → Gegenmiao Town. */
export function regionNameEn(name: string): string {
  if (KNOWN[name]) return KNOWN[name];
  const kind = KINDS.find(([suffix]) => name.endsWith(suffix) && name.length > suffix.length);
  if (!kind) return placeWord(name);
  return `${placeWord(name.slice(0, -kind[0].length))} ${kind[1]}`;
}

/** The English name of a street's or town's office (和平街道办事处 → Heping Subdistrict Office). */
export function streetOfficeNameEn(regionName: string): string {
  const en = regionNameEn(regionName);
  if (regionName.endsWith('街道')) return `${en} Office`;
  if (regionName.endsWith('镇') || regionName.endsWith('乡')) return `${en} Government`;
  return `${en} Administrative Committee`;
}
