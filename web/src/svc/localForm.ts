import type { RJSFSchema, UiSchema } from '@rjsf/utils';

type Field = RJSFSchema & { 'x-title-en'?: string; 'x-enum-en'?: string[] };

/**
 * An item's form in the page's language. Forms carry their English beside the Chinese: a field's
 * `x-title-en` and `x-enum-en` (choice labels, in the order of `enum`). In English mode the titles are
 * swapped in and the choices get English labels; the values sent stay the Chinese ones the item
 * defines. A field with no English keeps its Chinese title.
 */
export function localForm(schema: RJSFSchema, uiSchema: UiSchema, english: boolean): { schema: RJSFSchema; uiSchema: UiSchema } {
  if (!english || !schema.properties) return { schema, uiSchema };
  const s = structuredClone(schema) as RJSFSchema & { properties: Record<string, Field> };
  const ui: UiSchema = { ...uiSchema };
  for (const [name, f] of Object.entries(s.properties)) {
    if (typeof f !== 'object' || f === null) continue;
    if (f['x-title-en']) f.title = f['x-title-en'];
    if (Array.isArray(f.enum) && Array.isArray(f['x-enum-en']) && f['x-enum-en'].length === f.enum.length) {
      ui[name] = { ...(ui[name] as object | undefined), 'ui:enumNames': f['x-enum-en'] };
    }
  }
  return { schema: s, uiSchema: ui };
}
