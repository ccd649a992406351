import { Type } from '@sinclair/typebox';
import { DISCLOSURE_MODES, DOCUMENT_KINDS, INTERPRETATION_FORMS, VALIDITIES } from '../vocabulary.ts';
import { MAX_BODY, MAX_IMPORT } from './library.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const lit = <T extends string>(xs: readonly T[]) => Type.Union(xs.map((x) => Type.Literal(x)));
const keys = <T extends object>(o: T) => Object.keys(o) as (keyof T & string)[];

export const Kind = lit(keys(DOCUMENT_KINDS));
export const ValiditySchema = lit(keys(VALIDITIES));
export const Disclosure = lit(keys(DISCLOSURE_MODES));
export const Form = lit(keys(INTERPRETATION_FORMS));
const Day = Type.String({ maxLength: 10, description: 'YYYY-MM-DD' });
const Uuid = Type.String({ format: 'uuid' });

export const DocumentId = Type.Object({ id: Uuid }, { additionalProperties: false });
export const AttachmentParams = Type.Object({ id: Uuid, fileId: Uuid }, { additionalProperties: false });

const Link = Type.Object({ label: Type.String({ maxLength: 200 }), url: Type.String({ maxLength: 2000 }) }, { additionalProperties: false });
const Attachment = Type.Object({ fileId: Type.String({ maxLength: 36 }), name: Type.String({ maxLength: 200 }) }, { additionalProperties: false });

/** A document as an author writes it (ports.ts DocumentInput); values are checked field by field by the library (422). */
export const DocumentInputSchema = Type.Object(
  {
    title: Type.String({ maxLength: 300 }),
    titleEn: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    kind: Kind,
    themeCode: Type.String({ maxLength: 20 }),
    issuerDepartmentId: Nullable(Uuid),
    issuerName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    number: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    writtenOn: Day,
    publishOn: Type.Optional(Nullable(Day)),
    disclosure: Disclosure,
    summary: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    body: Type.String({ maxLength: MAX_BODY }),
    keywords: Type.Optional(Type.Array(Type.String({ maxLength: 50 }), { maxItems: 20 })),
    attachments: Type.Optional(Type.Array(Attachment, { maxItems: 20 })),
    interpretationOf: Type.Optional(Nullable(Type.String({ maxLength: 100, description: '原文的 id，或导入批次中前一项的 #key' }))),
    interpretationForm: Type.Optional(Nullable(Form)),
    links: Type.Optional(Type.Array(Link, { maxItems: 20 })),
    replaces: Type.Optional(Type.Array(Type.Object({ id: Type.String({ maxLength: 100 }), as: lit(['repealed', 'amended'] as const) }, { additionalProperties: false }), { maxItems: 20 })),
  },
  { additionalProperties: false },
);

export const ImportItemSchema = Type.Composite(
  [
    DocumentInputSchema,
    Type.Object({
      key: Type.Optional(Nullable(Type.String({ maxLength: 50, pattern: '^[A-Za-z0-9_-]+$' }))),
      validity: Type.Optional(lit(['valid', 'expired'] as const)),
      validityNote: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    }),
  ],
  { additionalProperties: false },
);
export const ImportBody = Type.Object({ items: Type.Array(ImportItemSchema, { minItems: 1, maxItems: MAX_IMPORT }) }, { additionalProperties: false });
export const ImportResult = Type.Object({ items: Type.Array(Type.Object({ key: Nullable(Type.String()), id: Type.String(), indexNo: Type.String() })) });

const Ref = Type.Object({ id: Type.String(), title: Type.String(), number: Nullable(Type.String()), publishedOn: Type.String() });

export const DocumentSchema = Type.Object({
  id: Type.String(),
  indexNo: Type.String({ description: '索引号' }),
  title: Type.String(),
  titleEn: Nullable(Type.String()),
  kind: Kind,
  themeCode: Type.String(),
  themeName: Type.String(),
  themeNameEn: Type.String(),
  issuerDepartmentId: Nullable(Type.String()),
  issuerName: Type.String({ description: '发文机关' }),
  number: Nullable(Type.String({ description: '文号' })),
  writtenOn: Type.String({ description: '成文日期' }),
  publishedOn: Type.String({ description: '发布日期' }),
  disclosure: Disclosure,
  disclosureName: Type.String(),
  summary: Nullable(Type.String()),
  body: Type.String(),
  keywords: Type.Array(Type.String()),
  attachments: Type.Array(Type.Object({ fileId: Type.String(), name: Type.String(), url: Type.String() })),
  links: Type.Array(Type.Object({ label: Type.String(), url: Type.String() })),
  validity: ValiditySchema,
  validityNote: Nullable(Type.String()),
  replacedBy: Nullable(Type.String()),
  replacedByDocument: Nullable(Ref),
  replaces: Type.Array(Type.Composite([Ref, Type.Object({ validity: ValiditySchema })])),
  interpretationOf: Nullable(Type.String()),
  original: Nullable(Ref),
  interpretationForm: Nullable(Form),
  interpretations: Type.Array(Type.String()),
  interpretationList: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), form: Form, formName: Type.String(), publishedOn: Type.String() })),
  state: lit(['published', 'withdrawn'] as const),
  withdrawnReason: Nullable(Type.String()),
  version: Type.Integer(),
  regionCode: Type.String(),
  canEdit: Type.Boolean(),
});

export const DocumentBriefSchema = Type.Object({
  id: Type.String(),
  indexNo: Type.String(),
  title: Type.String(),
  titleEn: Nullable(Type.String()),
  kind: Kind,
  themeCode: Type.String(),
  issuerName: Type.String(),
  number: Nullable(Type.String()),
  writtenOn: Type.String(),
  publishedOn: Type.String(),
  validity: ValiditySchema,
  summary: Nullable(Type.String()),
  excerpt: Type.String(),
  interpretationOf: Nullable(Type.String()),
});

const Facet = Type.Object({ value: Type.String(), label: Type.String(), labelEn: Type.String(), count: Type.Integer() });

export const SearchQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200, description: '检索词（中文全文检索，简繁皆可）' })),
    theme: Type.Optional(Type.String({ maxLength: 20, description: '主题分类代码' })),
    issuer: Type.Optional(Type.String({ maxLength: 210, description: '发文机关（分面值：部门 id，或 name:机关名称）' })),
    year: Type.Optional(Type.Integer({ minimum: 1949, maximum: 2100, description: '发布年份' })),
    validity: Type.Optional(ValiditySchema),
    kind: Type.Optional(Kind),
    sort: Type.Optional(lit(['relevance', 'published'] as const)),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    size: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  },
  { additionalProperties: false },
);

export const SearchResult = Type.Object({
  count: Type.Integer(),
  page: Type.Integer(),
  size: Type.Integer(),
  sort: lit(['relevance', 'published'] as const),
  results: Type.Array(DocumentBriefSchema),
  facets: Type.Object({ theme: Type.Array(Facet), issuer: Type.Array(Facet), year: Type.Array(Facet), validity: Type.Array(Facet), kind: Type.Array(Facet) }),
});

export const ThemeSchema = Type.Object(
  { code: Type.String({ maxLength: 20 }), name: Type.String({ maxLength: 100 }), nameEn: Type.String({ maxLength: 200 }), active: Type.Boolean() },
  { additionalProperties: false },
);
export const ThemesQuery = Type.Object({ all: Type.Optional(Type.Boolean({ description: '含已停用' })) }, { additionalProperties: false });
export const ThemeList = Type.Object({ themes: Type.Array(ThemeSchema) });
export const ThemesBody = Type.Object({ themes: Type.Array(ThemeSchema, { minItems: 1, maxItems: 200 }) }, { additionalProperties: false });

export const ValidityBody = Type.Object(
  { validity: lit(['valid', 'expired'] as const), reason: Type.String({ minLength: 1, maxLength: 500 }), expectedVersion: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) },
  { additionalProperties: false },
);
export const WithdrawBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });

export const HistorySchema = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      action: lit(['published', 'imported', 'changed', 'withdrawn', 'validity', 'replaced'] as const),
      actorId: Type.String(),
      actorName: Type.String(),
      at: Type.String(),
      reason: Nullable(Type.String()),
      reviewId: Nullable(Type.String()),
      version: Type.Integer(),
      title: Type.String(),
      validity: ValiditySchema,
      state: lit(['published', 'withdrawn'] as const),
    }),
  ),
});

export const StaffListQuery = Type.Object(
  {
    department: Type.Optional(Type.String({ format: 'uuid', description: '发文部门（默认本部门；管理员可看全部）' })),
    state: Type.Optional(lit(['published', 'withdrawn'] as const)),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    after: Type.Optional(Type.String({ maxLength: 200, description: '分页游标' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export const StaffList = Type.Object({
  items: Type.Array(Type.Composite([DocumentBriefSchema, Type.Object({ state: lit(['published', 'withdrawn'] as const), version: Type.Integer(), origin: lit(['review', 'import'] as const) })])),
  next: Nullable(Type.String()),
});
