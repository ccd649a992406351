import { compileJsonSchema, schemaProblems, type ValidateFunction } from '../../kernel/http/json-schema.ts';
import { ServicesErrors } from './errors.ts';
import type { ItemContent } from './schema.ts';

/**
 * Application forms are JSON Schema, so the page and the server check the same rules. Compiled
 * validators are kept per item version: a version never changes, so its validator never goes stale.
 */
const MAX_SCHEMA_CHARS = 64 * 1024;
const compiled = new Map<string, ValidateFunction>();

/** Refuses a form definition that is not a usable object schema, or whose prefill names unknown fields. */
export function checkFormDefinition(form: ItemContent['form']): void {
  const schema = form.schema as { type?: unknown; properties?: Record<string, unknown> };
  if (JSON.stringify(form).length > MAX_SCHEMA_CHARS) throw ServicesErrors.badFormSchema(`larger than ${MAX_SCHEMA_CHARS} characters / 表单定义过大`);
  if (schema.type !== 'object' || typeof schema.properties !== 'object' || schema.properties === null)
    throw ServicesErrors.badFormSchema('the form must be an object with properties / 表单须为含 properties 的 object');
  try {
    compileJsonSchema(form.schema);
  } catch (err) {
    throw ServicesErrors.badFormSchema((err as Error).message.slice(0, 300));
  }
  for (const field of Object.keys(form.prefill ?? {})) {
    if (!(field in schema.properties)) throw ServicesErrors.badFormSchema(`prefill names unknown field "${field}" / 预填字段不在表单中`);
  }
}

function validatorFor(versionId: string, schema: object): ValidateFunction {
  let v = compiled.get(versionId);
  if (!v) {
    v = compileJsonSchema(schema);
    if (compiled.size > 2000) compiled.clear();
    compiled.set(versionId, v);
  }
  return v;
}

/** Validates form data against its version's schema; throws FORM_INVALID with every problem. */
export function validateForm(versionId: string, schema: object, data: Record<string, unknown>): void {
  if (JSON.stringify(data).length > MAX_SCHEMA_CHARS) throw ServicesErrors.formInvalid([{ path: '/form', message: '表单内容过大 / the form is too large' }]);
  const v = validatorFor(versionId, schema);
  if (!v(data)) throw ServicesErrors.formInvalid(schemaProblems(v.errors ?? [], '/form'));
}
