// yiwang-test: database-independent (opens no database; see vitest.config.ts)
import { describe, expect, it } from 'vitest';
import { mergeForms, orderProblems } from '../src/modules/services/index.ts';
import { DEMO_BUNDLES } from './bundle-demo.ts';
import { CITY_DEPARTMENTS } from './departments.ts';
import { ALL_DEMO_ITEMS, demoItemContent } from './service-items.ts';

const items = new Map(ALL_DEMO_ITEMS.map((d) => [d.code, d]));

describe('the demo 一件事', () => {
  it('are at least four, each of items in the catalogue open to its applicant, in an order without a cycle', () => {
    expect(DEMO_BUNDLES.map((b) => b.name)).toEqual(expect.arrayContaining(['新生儿出生一件事', '企业开办一件事', '退休一件事', '身后一件事']));
    const depts = new Set(CITY_DEPARTMENTS.map(([code]) => code));
    for (const b of DEMO_BUNDLES) {
      expect(orderProblems(b.members, new Set(items.keys())).problems, b.name).toEqual([]);
      for (const m of b.members) {
        const d = items.get(m.itemCode)!;
        expect(['person', 'both'], `${b.name} ${m.itemCode}`).toContain(d.who);
        expect(depts.has(d.dept)).toBe(true);
      }
      // Several departments, each asked its part of one form.
      expect(new Set(b.members.map((m) => items.get(m.itemCode)!.dept)).size).toBeGreaterThanOrEqual(3);
    }
  });

  it('ask the applicant’s own facts once however many members need them', () => {
    const birth = DEMO_BUNDLES.find((b) => b.name === '新生儿出生一件事')!;
    const form = mergeForms(birth.members.map((m) => ({ itemCode: m.itemCode, content: demoItemContent(items.get(m.itemCode)!, '00000000-0000-7000-8000-000000000000') })));
    const props = Object.keys((form.schema as { properties: object }).properties);
    expect(props.filter((p) => p.startsWith('applicantName') || p.startsWith('idNumber'))).toEqual(['applicantName', 'idNumber']);
    expect(form.fieldMap.childName.map((t) => t.itemCode)).toEqual(['GG-WJW-002', 'QR-GAJ-003', 'GG-YBJ-009']);
  });
});
