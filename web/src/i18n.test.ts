// yiwang-test: database-independent (opens no database; see vitest.config.ts)
import { beforeAll, describe, expect, it, vi } from 'vitest';

type Tree = { [key: string]: string | Tree };

/** Every key path of a translation tree, e.g. `svc.states.submitted`. */
function paths(t: Tree, prefix = ''): string[] {
  return Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : paths(v, `${prefix}${k}.`)));
}
function strings(t: Tree, prefix = ''): [string, string][] {
  return Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : strings(v, `${prefix}${k}.`)));
}

// Words a Chinese page may show as they are: standards, acronyms, units, product names, placeholders.
const ALLOWED = new Set(
  [
    'URL',
    'URLs',
    'API',
    'APIs',
    'SSO',
    'ID',
    'QR',
    'PDF',
    'CSV',
    'JSON',
    'Excel',
    'xlsx',
    'OIDC',
    'OpenID',
    'Connect',
    'OAuth',
    'Open311',
    'CKAN',
    'DCAT',
    'OpenAPI',
    'SM2',
    'SM3',
    'SM4',
    'TOTP',
    'App',
    'APP',
    'README',
    'IP',
    'GB',
    'T',
    'GeoReport',
    'v2',
    'km',
    'm',
    'kg',
    'MB',
    'KB',
    'px',
    'h',
    'http',
    'https',
    'www',
    'MQTT',
    'URI',
    'WCAG',
    'AA',
    'AI',
    'PKCE',
    'GB18030',
  ].map((w) => w.toLowerCase()),
);
// Names of standards written as they are, and keys whose English is the point (the switch to English
// is labelled in English; the demo hint names the demo account one types).
// 信用风险分类 A–D is written with the letters in Chinese too (A类企业, 国市监信规〔2022〕1号), and the
// letters a credit code never uses (GB 32100) are named as they are.
const PHRASES = [/JSON Schema/g, /UTF-8/g, /(?<![A-Za-z])[A-D](?![A-Za-z])/g, /I、O、S、V、Z/g];
const KEYS_IN_ENGLISH = new Set(['a11y.language', 'signin.hint']);

/** ASCII words in a zh-CN string that are not placeholders ({{name}}), URLs or allowed words. */
function englishIn(s: string): string[] {
  let bare = s
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\$t\([^)]*\)/g, ' ');
  for (const p of PHRASES) bare = bare.replace(p, ' ');
  return (bare.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []).filter((w) => !ALLOWED.has(w.toLowerCase()));
}

describe('translations', () => {
  let zh: Tree;
  let en: Tree;
  let files: Record<string, Record<string, unknown>>;
  beforeAll(async () => {
    // i18n.ts sets the page's lang attribute when loaded; a bare object stands in for the page here.
    vi.stubGlobal('document', { documentElement: {} });
    const i18n = (await import('./i18n')).default;
    zh = i18n.getResourceBundle('zh-CN', 'translation') as Tree;
    en = i18n.getResourceBundle('en', 'translation') as Tree;
    const loaders = import.meta.glob<Record<string, unknown>>('./i18n-*.ts');
    files = Object.fromEntries(await Promise.all(Object.entries(loaders).map(async ([f, load]) => [f, await load()] as const)));
  });

  it('has the same keys in Chinese and English', () => {
    const zhKeys = new Set(paths(zh));
    const enKeys = new Set(paths(en));
    expect(paths(zh).filter((k) => !enKeys.has(k))).toEqual([]);
    expect(paths(en).filter((k) => !zhKeys.has(k))).toEqual([]);
    expect(zhKeys.size).toBeGreaterThan(500);
  });

  it('has the same keys in each namespace file, wired or not', () => {
    const unpaired: string[] = [];
    for (const [file, mod] of Object.entries(files)) {
      for (const [name, value] of Object.entries(mod)) {
        if (!name.endsWith('Zh') || typeof value !== 'object') continue;
        const other = mod[`${name.slice(0, -2)}En`] as Tree | undefined;
        if (!other) {
          unpaired.push(`${file}: ${name} has no English twin`);
          continue;
        }
        const a = paths(value as Tree);
        const b = paths(other);
        for (const k of a) if (!b.includes(k)) unpaired.push(`${file}: ${name}.${k} missing in English`);
        for (const k of b) if (!a.includes(k)) unpaired.push(`${file}: ${name}.${k} missing in Chinese`);
      }
    }
    expect(unpaired).toEqual([]);
  });

  it('shows no English words on Chinese pages', () => {
    const leaks = strings(zh)
      .filter(([k]) => !KEYS_IN_ENGLISH.has(k))
      .map(([k, s]) => [k, englishIn(s)] as const)
      .filter(([, words]) => words.length > 0)
      .map(([k, words]) => `${k}: ${words.join(' ')}`);
    expect(leaks).toEqual([]);
  });
});
