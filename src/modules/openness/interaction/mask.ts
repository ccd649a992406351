/**
 * Personal numbers in text a citizen wrote, masked before it is published: 身份证号 (18 digits, or
 * 17 and X; old 15-digit ones too), mobile numbers (1[3-9] and 9 digits, also +86) and landlines
 * (area code 0xx(x) with 7–8 digits). Anything that looks like one is masked, valid or not: a wrong
 * check digit is still somebody's number, nearly.
 */
const PATTERNS: [RegExp, (m: string) => string][] = [
  // 身份证号: keep the first 4 and last 4 (as maskCitizenId shows them).
  [/(?<![0-9A-Za-z])[1-9]\d{16}[\dXx](?![0-9A-Za-z])/g, (m) => `${m.slice(0, 4)}${'*'.repeat(m.length - 8)}${m.slice(-4)}`],
  [/(?<!\d)[1-9]\d{14}(?!\d)/g, (m) => `${m.slice(0, 4)}${'*'.repeat(m.length - 8)}${m.slice(-4)}`],
  // 手机号: 139****1234.
  [/(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g, (m) => maskDigits(m, 3, 4)],
  // 固定电话: 0482-***6000.
  [/(?<!\d)0\d{2,3}[- ]?\d{7,8}(?!\d)/g, (m) => maskDigits(m, m.search(/[- ]/) > 0 ? m.search(/[- ]/) : 4, 4)],
];

/** Masks every digit of `m` but the first `keep` and the last `tail` digits. */
function maskDigits(m: string, keep: number, tail: number): string {
  const total = m.replace(/\D/g, '').length;
  let seen = 0;
  return m.replace(/\d/g, (d) => (seen++ < keep || seen > total - tail ? d : '*'));
}

/** The text with ID and phone numbers masked, and how many were found. */
export function maskPersonalNumbers(text: string): { text: string; found: number } {
  let found = 0;
  let out = text;
  for (const [re, mask] of PATTERNS)
    out = out.replace(re, (m) => {
      found++;
      return mask(m);
    });
  return { text: out, found };
}
