import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import localizeAll from 'ajv-i18n';

/**
 * Data that administrators describe with JSON Schema (draft-07, what @rjsf/validator-ajv8 uses on
 * the pages): application forms, licence fields. One Ajv for the platform, with bilingual messages.
 */
const ajv = new Ajv.default({ allErrors: true, strict: false, messages: true });
addFormats.default(ajv);

// ajv-i18n is CommonJS with a default export; under ESM the table may sit one level down.
type Localize = (errors?: ErrorObject[] | null) => void;
const table = localizeAll as unknown as { default?: Record<string, Localize> } & Record<string, Localize>;
const localizeZh: Localize = (table.default ?? table).zh;

export type { ValidateFunction };

/** Compiles a schema; throws the compiler's message when it is not a usable schema. */
export function compileJsonSchema(schema: object): ValidateFunction {
  return ajv.compile(schema);
}

/** Every error as `{path, message}` under `prefix`, the message in Chinese and English. */
export function schemaProblems(errors: ErrorObject[], prefix: string): { path: string; message: string }[] {
  const en = errors.map((e) => e.message ?? 'invalid');
  const zh = structuredClone(errors);
  localizeZh(zh);
  return errors.map((e, i) => {
    const missing = e.keyword === 'required' ? `/${(e.params as { missingProperty: string }).missingProperty}` : '';
    return { path: `${prefix}${e.instancePath}${missing}`, message: `${zh[i].message} / ${en[i]}` };
  });
}
