/**
 * The form builder's model of an item form, and its round trip to what the server stores: a
 * JSON Schema (draft-07) for the data, a UI schema for rjsf (order, widgets, width, sections) and
 * the prefill map (field → what the platform already knows). The builder edits fields; the server
 * still validates the schema it produces on save.
 */

/** What the platform can fill in itself (identity and base-data facts, src/modules/services/prefill-keys.ts PREFILL_KEYS). */
export const PREFILL_SOURCES = [
  'person.name',
  'person.idNumber',
  'person.phone',
  'enterprise.name',
  'enterprise.creditCode',
  'enterprise.legalRepName',
  'person.birthDate',
  'person.sex',
  'person.nation',
  'person.address',
  'person.regionCode',
  'enterprise.address',
  'enterprise.type',
  'enterprise.capital',
  'enterprise.establishedOn',
] as const;
/** The sources real-name verification answers for everyone (the others may be unknown for a person). */
export const IDENTITY_SOURCES: readonly string[] = PREFILL_SOURCES.slice(0, 6);
/** A fixed source, or `licence.<type>`: the number of a licence of that type the applicant holds. */
export type PrefillSource = (typeof PREFILL_SOURCES)[number] | `licence.${string}`;

export const FIELD_TYPES = ['text', 'textarea', 'number', 'date', 'select', 'idNumber', 'phone', 'creditCode', 'address'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Named patterns an administrator may pick instead of writing a regular expression. */
export const PATTERNS = {
  idNumber: '^[0-9]{17}[0-9Xx]$',
  phone: '^1[3-9][0-9]{9}$',
  landline: '^0[0-9]{2,3}-?[0-9]{7,8}$',
  creditCode: '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$',
  postcode: '^[0-9]{6}$',
  email: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
  plate: '^[\\u4e00-\\u9fa5][A-Z][A-Z0-9]{5,6}$',
  digits: '^[0-9]+$',
} as const;
export type PatternName = keyof typeof PATTERNS;

/** Field types that are a text with a fixed pattern (the pattern is the type's, not chosen). */
const TYPE_PATTERN: Partial<Record<FieldType, PatternName>> = { idNumber: 'idNumber', phone: 'phone', creditCode: 'creditCode' };
/** The usual prefill source of a field type, offered first. */
export const TYPE_SOURCE: Partial<Record<FieldType, PrefillSource>> = { idNumber: 'person.idNumber', phone: 'person.phone', creditCode: 'enterprise.creditCode' };

export interface FieldModel {
  key: string;
  type: FieldType;
  titleZh: string;
  titleEn: string;
  required: boolean;
  minLength?: number;
  maxLength?: number;
  /** A named pattern (text and textarea fields only). */
  pattern?: PatternName;
  /** A pattern found in a stored schema that is not one of the named ones: kept as it was. */
  rawPattern?: string;
  minimum?: number;
  maximum?: number;
  /** Whole numbers only (JSON Schema `integer`). */
  integer?: boolean;
  options?: string[];
  width: 'half' | 'full';
  /** Key of the section the field is shown in, if any. */
  group?: string;
  prefill?: PrefillSource;
  /** Keywords of the stored property the builder does not edit (kept on the way back). */
  extra?: Record<string, unknown>;
}

export interface GroupModel {
  key: string;
  zh: string;
  en: string;
}

export interface FormModel {
  fields: FieldModel[];
  groups: GroupModel[];
  /** UI schema keys of the root the builder does not edit (kept on the way back). */
  extraUi?: Record<string, unknown>;
}

export interface FormDefinition {
  schema: Record<string, unknown>;
  uiSchema?: Record<string, unknown>;
  prefill?: Partial<Record<string, PrefillSource>>;
}

type Prop = Record<string, unknown>;
const EDITED = new Set(['type', 'title', 'x-title-en', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'enum', 'format']);
const FIELD_UI = new Set(['ui:widget', 'ui:options']);
const ROOT_UI = new Set(['ui:order', 'ui:options']);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const patternName = (p: string): PatternName | undefined => (Object.keys(PATTERNS) as PatternName[]).find((k) => PATTERNS[k] === p);
const omitUndefined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** Reads a stored form definition into the builder's model. */
export function fromDefinition(def: FormDefinition): FormModel {
  const schema = def.schema as { properties?: Record<string, Prop>; required?: string[] };
  const ui = (def.uiSchema ?? {}) as Record<string, unknown>;
  const rootOptions = (ui['ui:options'] ?? {}) as { groups?: GroupModel[] };
  const props = schema.properties ?? {};
  const order = Array.isArray(ui['ui:order']) ? (ui['ui:order'] as string[]).filter((k) => k in props) : [];
  const keys = [...order, ...Object.keys(props).filter((k) => !order.includes(k))];
  const fields = keys.map((key): FieldModel => {
    const p = props[key] ?? {};
    const fui = (ui[key] ?? {}) as Record<string, unknown>;
    const opts = (fui['ui:options'] ?? {}) as { kind?: FieldType; width?: 'half' | 'full'; group?: string };
    const pattern = typeof p.pattern === 'string' ? p.pattern : undefined;
    let type: FieldType = 'text';
    if (p.type === 'number' || p.type === 'integer') type = 'number';
    else if (Array.isArray(p.enum)) type = 'select';
    else if (p.format === 'date') type = 'date';
    else if (opts.kind && (FIELD_TYPES as readonly string[]).includes(opts.kind)) type = opts.kind;
    else if (pattern && patternName(pattern) && ['idNumber', 'phone', 'creditCode'].includes(patternName(pattern)!)) type = patternName(pattern) as FieldType;
    else if (fui['ui:widget'] === 'textarea') type = 'textarea';
    const named = pattern ? patternName(pattern) : undefined;
    const typed = TYPE_PATTERN[type];
    const extra = Object.fromEntries(Object.entries(p).filter(([k]) => !EDITED.has(k)));
    const fieldUiExtra = Object.fromEntries(Object.entries(fui).filter(([k]) => !FIELD_UI.has(k)));
    const optsExtra = Object.fromEntries(Object.entries(opts).filter(([k]) => !['kind', 'width', 'group'].includes(k)));
    return omitUndefined({
      key,
      type,
      titleZh: typeof p.title === 'string' ? p.title : key,
      titleEn: typeof p['x-title-en'] === 'string' ? (p['x-title-en'] as string) : '',
      required: (schema.required ?? []).includes(key),
      minLength: num(p.minLength),
      maxLength: num(p.maxLength),
      pattern: typed ? undefined : named,
      rawPattern: pattern && !named && !typed ? pattern : undefined,
      minimum: num(p.minimum),
      maximum: num(p.maximum),
      integer: p.type === 'integer' ? true : undefined,
      options: Array.isArray(p.enum) ? (p.enum as unknown[]).map(String) : undefined,
      width: opts.width ?? (type === 'textarea' || type === 'address' ? 'full' : 'half'),
      group: opts.group,
      prefill: def.prefill?.[key],
      extra:
        Object.keys(extra).length || Object.keys(fieldUiExtra).length || Object.keys(optsExtra).length
          ? { ...extra, ...(Object.keys(fieldUiExtra).length ? { '#ui': fieldUiExtra } : {}), ...(Object.keys(optsExtra).length ? { '#opts': optsExtra } : {}) }
          : undefined,
    });
  });
  const extraUi = Object.fromEntries(Object.entries(ui).filter(([k]) => !ROOT_UI.has(k) && !(k in props)));
  return omitUndefined({ fields, groups: Array.isArray(rootOptions.groups) ? rootOptions.groups : [], extraUi: Object.keys(extraUi).length ? extraUi : undefined });
}

/** The JSON Schema property of one field. */
function propertyOf(f: FieldModel): Prop {
  const { ['#ui']: _ui, ['#opts']: _opts, ...extra } = (f.extra ?? {}) as Record<string, unknown>;
  const title = { title: f.titleZh, ...(f.titleEn.trim() ? { 'x-title-en': f.titleEn.trim() } : {}) };
  if (f.type === 'number') return omitUndefined({ ...extra, type: f.integer ? 'integer' : 'number', ...title, minimum: f.minimum, maximum: f.maximum });
  if (f.type === 'date') return { ...extra, type: 'string', ...title, format: 'date' };
  if (f.type === 'select') return { ...extra, type: 'string', ...title, enum: [...new Set((f.options ?? []).map((o) => o.trim()).filter(Boolean))] };
  const typed = TYPE_PATTERN[f.type];
  const pattern = typed ? PATTERNS[typed] : f.pattern ? PATTERNS[f.pattern] : f.rawPattern;
  return omitUndefined({ ...extra, type: 'string', ...title, minLength: f.minLength, maxLength: f.maxLength, pattern });
}

/** Turns the builder's model into the definition the server accepts (and validates again). */
export function toDefinition(model: FormModel): FormDefinition {
  const properties: Record<string, Prop> = {};
  const uiSchema: Record<string, unknown> = { ...(model.extraUi ?? {}) };
  const prefill: Record<string, PrefillSource> = {};
  for (const f of model.fields) {
    properties[f.key] = propertyOf(f);
    const { ['#ui']: fieldUi, ['#opts']: opts } = (f.extra ?? {}) as { '#ui'?: Record<string, unknown>; '#opts'?: Record<string, unknown> };
    const special = f.type === 'address' ? { kind: 'address' as const } : {};
    uiSchema[f.key] = {
      ...(fieldUi ?? {}),
      ...(f.type === 'textarea' || f.type === 'address' ? { 'ui:widget': 'textarea' } : {}),
      'ui:options': { ...(opts ?? {}), ...special, width: f.width, ...(f.group ? { group: f.group } : {}) },
    };
    if (f.prefill) prefill[f.key] = f.prefill;
  }
  uiSchema['ui:order'] = model.fields.map((f) => f.key);
  const used = new Set(model.fields.map((f) => f.group).filter(Boolean));
  const groups = model.groups.filter((g) => used.has(g.key));
  if (groups.length) uiSchema['ui:options'] = { groups };
  const required = model.fields.filter((f) => f.required).map((f) => f.key);
  return {
    schema: { type: 'object', ...(required.length ? { required } : {}), properties },
    uiSchema,
    prefill,
  };
}

/** A new field of a type, with a key not yet used. */
export function newField(type: FieldType, taken: readonly string[]): FieldModel {
  let n = taken.length + 1;
  while (taken.includes(`field${n}`)) n++;
  return { key: `field${n}`, type, titleZh: '', titleEn: '', required: false, width: type === 'textarea' || type === 'address' ? 'full' : 'half', ...(type === 'select' ? { options: [] } : {}) };
}

export type FieldProblem = 'keyFormat' | 'keyTaken' | 'titleMissing' | 'optionsMissing' | 'lengthRange' | 'numberRange';

/** What keeps the model from being saved, per field index; the server checks the schema again. */
export function fieldProblems(model: FormModel): { index: number; problem: FieldProblem }[] {
  const out: { index: number; problem: FieldProblem }[] = [];
  const seen = new Set<string>();
  model.fields.forEach((f, index) => {
    if (!/^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(f.key)) out.push({ index, problem: 'keyFormat' });
    else if (seen.has(f.key)) out.push({ index, problem: 'keyTaken' });
    seen.add(f.key);
    if (!f.titleZh.trim()) out.push({ index, problem: 'titleMissing' });
    if (f.type === 'select' && !(f.options ?? []).some((o) => o.trim())) out.push({ index, problem: 'optionsMissing' });
    if (f.minLength !== undefined && f.maxLength !== undefined && f.minLength > f.maxLength) out.push({ index, problem: 'lengthRange' });
    if (f.minimum !== undefined && f.maximum !== undefined && f.minimum > f.maximum) out.push({ index, problem: 'numberRange' });
  });
  return out;
}

/** Moves an element of a list by `by` places (reordering fields and materials). */
export function move<T>(list: readonly T[], index: number, by: number): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [x] = out.splice(index, 1);
  out.splice(to, 0, x);
  return out;
}
