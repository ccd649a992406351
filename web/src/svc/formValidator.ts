import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema';
import type { ErrorSchema, RJSFSchema, RJSFValidationError, ValidationData, ValidatorType } from '@rjsf/utils';

/**
 * Form validation in the browser without `eval`: Ajv (what @rjsf/validator-ajv8 uses) compiles
 * schemas with `new Function`, which the platform's Content-Security-Policy rightly forbids.
 * @cfworker/json-schema interprets the schema instead. The server still validates the same schema
 * with Ajv on submit and has the last word; this only gives people their mistakes early.
 */
const WRAPPERS = new Set(['properties', 'items', 'allOf', 'anyOf', 'oneOf', '$ref', 'additionalProperties', 'dependentSchemas', 'if', 'then', 'else']);

const ZH: Record<string, string> = {
  required: '必填',
  minLength: '内容过短',
  maxLength: '内容过长',
  pattern: '格式不正确',
  format: '格式不正确',
  minimum: '数值过小',
  maximum: '数值过大',
  type: '类型不正确',
  enum: '请从选项中选择',
};
const EN: Record<string, string> = {
  required: 'Required',
  minLength: 'Too short',
  maxLength: 'Too long',
  pattern: 'Wrong format',
  format: 'Wrong format',
  minimum: 'Too small',
  maximum: 'Too large',
  type: 'Wrong type',
  enum: 'Choose one of the options',
};

const cache = new Map<string, Validator>();
function validatorFor(schema: RJSFSchema): Validator {
  const key = JSON.stringify(schema);
  let v = cache.get(key);
  if (!v) {
    v = new Validator(schema as Schema, '7', false);
    cache.set(key, v);
  }
  return v;
}

/** Path segments of the field an error is about ('#/a/b' → ['a','b']; a missing required property adds its name). */
function pathOf(u: OutputUnit): string[] {
  const parts = u.instanceLocation.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (u.keyword === 'required') {
    const m = u.error.match(/"([^"]+)"/);
    if (m) parts.push(m[1]);
  }
  return parts;
}

function toErrors(units: OutputUnit[]): RJSFValidationError[] {
  const zh = typeof document === 'undefined' || document.documentElement.lang !== 'en';
  return units
    .filter((u) => !WRAPPERS.has(u.keyword))
    .map((u) => {
      const path = pathOf(u);
      const message = (zh ? ZH : EN)[u.keyword] ?? u.error;
      return { name: u.keyword, property: path.length ? `.${path.join('.')}` : '', message, stack: `${path.join('.')} ${message}`.trim(), schemaPath: u.keywordLocation };
    });
}

/** Errors as rjsf's nested error schema, so each shows under its own field. */
export function toErrorSchema(errors: RJSFValidationError[]): ErrorSchema {
  const root: Record<string, unknown> = {};
  for (const e of errors) {
    let node = root;
    for (const p of (e.property ?? '').split('.').filter(Boolean)) node = (node[p] ??= {}) as Record<string, unknown>;
    ((node.__errors ??= []) as string[]).push(e.message ?? '');
  }
  return root as ErrorSchema;
}

export const formValidator: ValidatorType = {
  // Our forms carry no page-side custom checks (rules live on the server), so `customValidate` is not taken.
  validateFormData(formData, schema, _customValidate, transformErrors, uiSchema): ValidationData<unknown> {
    let errors = toErrors(validatorFor(schema).validate(formData ?? {}).errors);
    if (transformErrors) errors = transformErrors(errors, uiSchema);
    return { errors, errorSchema: toErrorSchema(errors) };
  },
  isValid(schema, formData) {
    return validatorFor(schema).validate(formData ?? {}).valid;
  },
  rawValidation(schema, formData) {
    return { errors: validatorFor(schema).validate(formData ?? {}).errors as never[] };
  },
};

/** The server's per-field problems ('/form/shopName') of a refused submission, to show under the fields themselves. */
export function serverFieldErrors(errors: readonly { path: string; message: string }[]): ErrorSchema {
  return toErrorSchema(errors.filter((e) => e.path.startsWith('/form/')).map((e) => ({ property: `.${e.path.slice(6).replace(/\//g, '.')}`, message: e.message, stack: e.message })));
}
