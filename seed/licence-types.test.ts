// yiwang-test: database-independent (opens no database; see vitest.config.ts)
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { sharedSchemas } from '../src/kernel/http/schemas.ts';
import { LicenceTypeInput } from '../src/modules/licenses/index.ts';
import { ITEM_LICENCES } from './catalogue/licences.ts';
import { demoLicenceTypes } from './licence-types.ts';
import { ALL_DEMO_ITEMS, demoItemContent } from './service-items.ts';

/** A stable, distinct id per department code, so issuers can be compared with items' departments. */
const deptId = (code: string) => `00000000-0000-7000-8000-${Buffer.from(code.padEnd(6, '_').slice(0, 6)).toString('hex')}`;

describe('licence types and the catalogue items that issue them', () => {
  const types = demoLicenceTypes(deptId);
  const byKey = new Map(types.map((t) => [t.key, t.definition]));

  it('has valid definitions with unique keys and type codes', () => {
    // Checked as the API checks a saved type (the seed saves through the module, which trusts its input).
    const ajv = new Ajv.default({ allErrors: true, strict: false });
    addFormats.default(ajv);
    for (const schema of sharedSchemas) ajv.addSchema(schema);
    const valid = ajv.compile(LicenceTypeInput);
    for (const t of types) expect(valid(t) ? [] : valid.errors, t.key).toEqual([]);
    expect(new Set(types.map((t) => t.key)).size).toBe(types.length);
    expect(new Set(types.map((t) => t.definition.typeCode)).size).toBe(types.length);
  });

  it('names an existing licence type for every item marked as issuing one, issued by the item’s department and filled from its form', () => {
    expect(Object.keys(ITEM_LICENCES).length).toBeGreaterThanOrEqual(20);
    for (const [code, link] of Object.entries(ITEM_LICENCES)) {
      const item = ALL_DEMO_ITEMS.find((d) => d.code === code);
      expect(item, code).toBeDefined();
      const def = byKey.get(link.type);
      expect(def, `${code} → ${link.type}`).toBeDefined();
      expect(def!.issuers, `${code}: ${item!.dept} issues ${link.type}`).toContain(deptId(item!.dept));
      expect(
        def!.items.some((i) => i.itemCode === code),
        code,
      ).toBe(true);
      const form = (demoItemContent(item!, deptId(item!.dept)).form.schema as { properties: Record<string, unknown> }).properties;
      const fields = (def!.fields as { properties: Record<string, { default?: unknown }>; required?: string[] }).properties;
      for (const [field, formField] of Object.entries(link.fieldMap)) {
        expect(fields, `${code}: licence field ${field}`).toHaveProperty(field);
        expect(form, `${code}: form field ${formField}`).toHaveProperty(formField);
      }
      for (const field of [...Object.keys(link.fixed ?? {}), ...Object.keys(link.fromApplicant ?? {})]) expect(fields, `${code}: licence field ${field}`).toHaveProperty(field);
      // Every required licence field is filled by the link or has a default, so approval never fails on data.
      const filled = new Set([...Object.keys(link.fieldMap), ...Object.keys(link.fixed ?? {}), ...Object.keys(link.fromApplicant ?? {})]);
      const required = (def!.fields as { required?: string[] }).required ?? [];
      for (const r of required) expect(filled.has(r) || fields[r]?.default !== undefined, `${code}: ${link.type}.${r} is filled`).toBe(true);
      // A person applying for an entity's licence only makes sense when the item registers that entity.
      if (def!.holderType === 'entity' && item!.who === 'person') expect(link.newEntity, `${code} registers a new entity`).toBeDefined();
      if (link.newEntity) expect(form, `${code}: name field`).toHaveProperty(link.newEntity.nameField);
    }
  });

  it('links no item a type does not list, and 营业执照 to both 设立登记 items', () => {
    for (const t of types) for (const i of t.definition.items) expect(ITEM_LICENCES[i.itemCode]?.type, `${t.key} ← ${i.itemCode}`).toBe(t.key);
    expect(byKey.get('business_licence')!.items.map((i) => i.itemCode)).toEqual(expect.arrayContaining(['XK-SCJG-001', 'XK-SCJG-003']));
  });
});
