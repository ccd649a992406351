import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import localizeAll from 'ajv-i18n';
import { ServicesErrors } from './errors.ts';
import type { ItemContent } from './schema.ts';

/**
 * Application forms are JSON Schema (draft-07, what @rjsf/validator-ajv8 uses in the portal), so the
 * page and the server check the same rules. Compiled validators are kept per item version: a
 * version never changes, so its validator never goes stale.
 */
const ajv = new Ajv.default({ allErrors: true, strict: false, messages: true });
addFormats.default(ajv);

// ajv-i18n is CommonJS with a default export; under ESM the table may sit one level down.
type Localize = (errors?: ErrorObject[] | null) => void;
const table = localizeAll as unknown as { default?: Record<string, Localize> } & Record<string, Localize>;
const localizeZh: Localize = (table.default ?? table).zh;

const MAX_SCHEMA_CHARS = 64 * 1024;
const compiled = new Map<string, ValidateFunction>();

/** Refuses a form definition that is not a usable object schema, or whose prefill names unknown fields. */
export function checkFormDefinition(form: ItemContent['form']): void {
  const schema = form.schema as { type?: unknown; properties?: Record<string, unknown> };
  if (JSON.stringify(form).length > MAX_SCHEMA_CHARS) throw ServicesErrors.badFormSchema(`larger than ${MAX_SCHEMA_CHARS} characters / 表单定义过大`);
  if (schema.type !== 'object' || typeof schema.properties !== 'object' || schema.properties === null)
    throw ServicesErrors.badFormSchema('the form must be an object with properties / 表单须为含 properties 的 object');
  try {
    ajv.compile(form.schema);
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
    v = ajv.compile(schema);
    if (compiled.size > 2000) compiled.clear();
    compiled.set(versionId, v);
  }
  return v;
}

function problems(errors: ErrorObject[]): { path: string; message: string }[] {
  const en = errors.map((e) => e.message ?? 'invalid');
  const zh = structuredClone(errors);
  localizeZh(zh);
  return errors.map((e, i) => {
    const missing = e.keyword === 'required' ? `/${(e.params as { missingProperty: string }).missingProperty}` : '';
    return { path: `/form${e.instancePath}${missing}`, message: `${zh[i].message} / ${en[i]}` };
  });
}

/** Validates form data against its version's schema; throws FORM_INVALID with every problem. */
export function validateForm(versionId: string, schema: object, data: Record<string, unknown>): void {
  if (JSON.stringify(data).length > MAX_SCHEMA_CHARS) throw ServicesErrors.formInvalid([{ path: '/form', message: '表单内容过大 / the form is too large' }]);
  const v = validatorFor(versionId, schema);
  if (!v(data)) throw ServicesErrors.formInvalid(problems(v.errors ?? []));
}
