// yiwang-test: database-independent (opens no database; see vitest.config.ts)
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { ENTERPRISE_EVENTS, ITEM_TYPES, LIFE_EVENTS, codesOf, ItemContentSchema } from '../../src/modules/services/index.ts';
import { compileJsonSchema } from '../../src/kernel/http/json-schema.ts';
import { sharedSchemas } from '../../src/kernel/http/schemas.ts';
import { CITY_DEPARTMENTS } from '../departments.ts';
import { demoLicenceTypes } from '../licence-types.ts';
import { ALL_DEMO_ITEMS, DEMO_ITEMS, demoItemContent } from '../service-items.ts';

/** Units with no service items of their own: the office, the hotline, the command centre and the carriers. */
const WITHOUT_ITEMS = new Set(['BGS', 'RX12345', 'SHZL', 'YDTX', 'LTTX', 'DXTX']);
const DEPARTMENT_NAMES = new Map(CITY_DEPARTMENTS.map(([code, name]) => [code, name]));
const PLATFORM_FIELDS = new Set(['applicantName', 'idNumber', 'contactPhone', 'enterpriseName', 'creditCode', 'legalRepName']);
const newItems = ALL_DEMO_ITEMS.slice(DEMO_ITEMS.length);

describe('the demo catalogue of 乌兰浩特市', () => {
  it('lists at least 420 items, each code and each name once', () => {
    expect(ALL_DEMO_ITEMS.length).toBeGreaterThanOrEqual(420);
    const codes = ALL_DEMO_ITEMS.map((d) => d.code);
    expect(codes.filter((c, i) => codes.indexOf(c) !== i)).toEqual([]);
    const names = ALL_DEMO_ITEMS.map((d) => d.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('codes every item as <kind>-<its department>-<three digits>', () => {
    const bad = ALL_DEMO_ITEMS.filter((d) => !new RegExp(`^(XK|GG|QR|JF|ZS|CJ|QT)-${d.dept}-\\d{3}$`).test(d.code)).map((d) => d.code);
    expect(bad).toEqual([]);
  });

  it('places every item in a department of the city, and gives every serving department at least three', () => {
    expect(ALL_DEMO_ITEMS.filter((d) => !DEPARTMENT_NAMES.has(d.dept)).map((d) => d.code)).toEqual([]);
    const count = new Map<string, number>();
    for (const d of ALL_DEMO_ITEMS) count.set(d.dept, (count.get(d.dept) ?? 0) + 1);
    const thin = CITY_DEPARTMENTS.map(([code]) => code).filter((code) => !WITHOUT_ITEMS.has(code) && (count.get(code) ?? 0) < 3);
    expect(thin).toEqual([]);
  });

  it('gives every item 2-6 everyday names of its own and 1-3 example questions', () => {
    const bad = ALL_DEMO_ITEMS.filter((d) => !d.aliases || d.aliases.length < 2 || d.aliases.length > 6 || !d.asks || d.asks.length < 1 || d.asks.length > 3);
    expect(bad.map((d) => d.code)).toEqual([]);
    const blank = ALL_DEMO_ITEMS.filter((d) => [...d.aliases!, ...d.asks!].some((s) => s.trim().length < 2 || s === d.name));
    expect(blank.map((d) => d.code)).toEqual([]);
    const owner = new Map<string, string>();
    const shared: string[] = [];
    for (const d of ALL_DEMO_ITEMS)
      for (const a of d.aliases!)
        if (owner.has(a)) shared.push(`${a}: ${owner.get(a)} ${d.code}`);
        else owner.set(a, d.code);
    expect(shared).toEqual([]);
  });

  it('promises no more days than the law allows, and uses only the standard types and events', () => {
    expect(ALL_DEMO_ITEMS.filter((d) => d.promised > d.statutory).map((d) => d.code)).toEqual([]);
    expect(ALL_DEMO_ITEMS.filter((d) => d.instant && d.promised !== 0).map((d) => d.code)).toEqual([]);
    const types = codesOf(ITEM_TYPES);
    const life = codesOf(LIFE_EVENTS);
    const ent = codesOf(ENTERPRISE_EVENTS);
    const bad = ALL_DEMO_ITEMS.filter((d) => !types.includes(d.type) || (d.life ?? []).some((e) => !life.includes(e)) || (d.ent ?? []).some((e) => !ent.includes(e)));
    expect(bad.map((d) => d.code)).toEqual([]);
  });

  it('lets new items replace a material only by a licence type of the demo or population data', () => {
    const known = new Set(['data:population', ...demoLicenceTypes(() => '00000000-0000-7000-8000-000000000000').map((t) => `licence:${t.key}`)]);
    const bad = newItems.filter((d) => d.materials.some(([, , by]) => by !== undefined && !known.has(by)));
    expect(bad.map((d) => d.code)).toEqual([]);
  });

  it('asks 1-3 fields of its own per item, none of them one the platform fills in', () => {
    const bad = newItems.filter((d) => d.fields.length < 1 || d.fields.length > 3 || d.fields.some(([name]) => PLATFORM_FIELDS.has(name) || !/^[a-z][A-Za-z0-9]{0,39}$/.test(name)));
    expect(bad.map((d) => d.code)).toEqual([]);
  });

  it('turns every item into an implementation-list entry the services module accepts', () => {
    const ajv = new Ajv.default({ allErrors: true, strict: false });
    addFormats.default(ajv);
    for (const schema of sharedSchemas) ajv.addSchema(schema);
    const valid = ajv.compile(ItemContentSchema);
    const errors: string[] = [];
    for (const d of ALL_DEMO_ITEMS) {
      const content = demoItemContent(d, '01920000-0000-7000-8000-000000000001');
      if (!valid(content)) errors.push(...(valid.errors ?? []).map((e) => `${d.code} ${e.instancePath} ${e.message}`));
      compileJsonSchema(content.form.schema);
    }
    expect(errors).toEqual([]);
  });

  it('is listed, code, name and department, in bench/understanding/items.txt', () => {
    const lines = readFileSync(new URL('../../bench/understanding/items.txt', import.meta.url), 'utf8')
      .trimEnd()
      .split('\n');
    expect(lines).toEqual(ALL_DEMO_ITEMS.map((d) => `${d.code}\t${d.name}\t${DEPARTMENT_NAMES.get(d.dept)}`));
  });
});
