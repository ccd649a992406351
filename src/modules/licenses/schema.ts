import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { DaySchema, JsonObject, JsonValue } from '../../kernel/http/schemas.ts';

const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const Uuid = Type.String({ format: 'uuid' });
const Day = DaySchema;
const FieldName = Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9_]{0,39}$' });

export const HOLDER_TYPES = [
  ['person', '自然人（身份证号）', 'Person (ID number)'],
  ['entity', '法人及其他组织（统一社会信用代码）', 'Entity (unified social credit code)'],
] as const;

/** 有效/撤销/注销/失效/吊销, and 已换新版 for a version replaced by a newer one. */
export const LICENCE_STATUSES = [
  ['valid', '有效', 'Valid'],
  ['annulled', '撤销', 'Annulled'],
  ['cancelled', '注销', 'Cancelled'],
  ['expired', '失效', 'Expired'],
  ['revoked', '吊销', 'Revoked'],
  ['superseded', '已换发新版本', 'Superseded by a newer version'],
] as const;
export type LicenceStatus = (typeof LICENCE_STATUSES)[number][0];

export const GRANT_SCOPES = [
  ['view', '查看证照信息', 'View the licence details'],
  ['download', '下载证照文件', 'Download the licence document'],
] as const;

/** The kinds of market entity an establishment item registers, by the credit code's 机构类别 digit. */
export const NEW_ENTITY_KINDS = [
  ['enterprise', '企业', 'Enterprise'],
  ['individual', '个体工商户', 'Individual business'],
  ['cooperative', '农民专业合作社', 'Farmers’ cooperative'],
] as const;

/**
 * A service item whose approved applications issue the type: licence fields come from the form
 * (fieldMap), from fixed text (e.g. 类型：个体工商户) or from what the platform knows of the applicant.
 * An establishment item (设立登记) registers a new entity: it holds the licence, under a new credit
 * code and the name in `nameField`, and the applicant finds it in their own 证照夹.
 */
const ItemLink = Type.Object(
  {
    itemCode: Type.String({ pattern: '^[0-9A-Za-z-]{4,40}$' }),
    fieldMap: Type.Record(FieldName, FieldName),
    fixed: Type.Optional(Type.Record(FieldName, Text(200))),
    fromApplicant: Type.Optional(Type.Record(FieldName, Type.String({ pattern: '^(person|enterprise)\\.[a-zA-Z]{1,30}$' }))),
    newEntity: Type.Optional(Type.Object({ nameField: FieldName, kind: Type.Union(NEW_ENTITY_KINDS.map(([k]) => Type.Literal(k))) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

/** One version of a licence type (证照类型) as the administrator defines it. */
export const LicenceTypeDefinition = Type.Object(
  {
    name: Text(60, 2),
    nameEn: Type.Optional(Text(120)),
    /** 类型代码: the defining authority's credit code plus 3 digits (GB/T 36904). */
    typeCode: Type.String({ pattern: '^[0-9A-Z]{18}[0-9]{3}$' }),
    authority: Text(100, 2),
    holderType: Type.Union([Type.Literal('person'), Type.Literal('entity')]),
    /** The licence's own fields, as a JSON Schema object (draft-07). */
    fields: JsonObject,
    /** Validity from the issue date; 0 years and 0 months = 长期 (no end). */
    validity: Type.Object({ years: Type.Integer({ minimum: 0, maximum: 50 }), months: Type.Integer({ minimum: 0, maximum: 11 }) }, { additionalProperties: false }),
    template: Type.Object(
      {
        /** The start of every 证照编号 of this type, e.g. JY1 for 食品经营许可证. */
        numberPrefix: Type.String({ pattern: '^[A-Z0-9]{1,8}$' }),
        rows: Type.Array(Type.Object({ field: FieldName, label: Text(20), labelEn: Type.Optional(Text(60)) }, { additionalProperties: false }), { minItems: 1, maxItems: 12 }),
        sealPurpose: Text(12, 2),
      },
      { additionalProperties: false },
    ),
    /** Departments that may issue it. */
    issuers: Type.Array(Uuid, { minItems: 1, maxItems: 50, uniqueItems: true }),
    /** Service items whose completed applications issue it, and which form field fills which licence field. */
    items: Type.Array(ItemLink, { maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type LicenceTypeDefinition = Static<typeof LicenceTypeDefinition>;

export const LicenceTypeInput = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' }),
    /** The version the editor started from; absent when creating. */
    baseVersion: Type.Optional(Type.Integer({ minimum: 1 })),
    definition: LicenceTypeDefinition,
  },
  { additionalProperties: false },
);
export type LicenceTypeInput = Static<typeof LicenceTypeInput>;

export const SealInput = Type.Object(
  {
    departmentId: Uuid,
    name: Text(40, 2),
    unitName: Text(60, 2),
    /** The unit's unified social credit code (government units start with 11). */
    unitCode: Type.String({ pattern: '^[0-9A-Z]{18}$' }),
    purpose: Text(12, 2),
    validFrom: Day,
    validTo: Day,
    /** Staff accounts who may apply this seal. */
    users: Type.Array(Uuid, { maxItems: 200, uniqueItems: true }),
    /** The platform may apply it to licences issued when a linked application completes (自动签章). */
    automatic: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type SealInput = Static<typeof SealInput>;

const HolderCode = Type.String({ pattern: '^[0-9A-Z]{17}[0-9A-Z]$', description: 'ID number (18) or unified social credit code (18)' });

export const IssueInput = Type.Object(
  {
    typeKey: Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' }),
    holder: Type.Object({ name: Text(100, 2), code: HolderCode }, { additionalProperties: false }),
    data: JsonObject,
    validFrom: Type.Optional(Day),
  },
  { additionalProperties: false },
);
export type IssueInput = Static<typeof IssueInput>;

export const ReviseInput = Type.Object({ data: JsonObject, reason: Text(200, 2) }, { additionalProperties: false });
export type ReviseInput = Static<typeof ReviseInput>;

export const StatusInput = Type.Object({ status: Type.Union([Type.Literal('annulled'), Type.Literal('cancelled'), Type.Literal('revoked')]), reason: Text(200, 2) }, { additionalProperties: false });
export type StatusInput = Static<typeof StatusInput>;

export const GrantInput = Type.Object(
  {
    departmentId: Uuid,
    scopes: Type.Array(Type.Union([Type.Literal('view'), Type.Literal('download')]), { minItems: 1, maxItems: 2, uniqueItems: true }),
    purpose: Text(100, 2),
    expiresAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type GrantInput = Static<typeof GrantInput>;

export const VerifyResult = Type.Object({
  verdict: Type.Union([Type.Literal('genuine'), Type.Literal('altered'), Type.Literal('revoked'), Type.Literal('expired'), Type.Literal('unknown')]),
  zh: Type.String(),
  en: Type.String(),
  licence: Type.Union([
    Type.Null(),
    Type.Object({
      /** A licence, or a decision (决定书/通知书) sealed and registered the same way. */
      kind: Type.Union([Type.Literal('licence'), Type.Literal('decision')]),
      identifier: Type.String(),
      licenceNo: Type.String(),
      name: Type.String(),
      version: Type.Integer(),
      status: Type.String(),
      /** The status as a code, for pages that name it in their own language. */
      statusCode: Type.String(),
      issuerName: Type.String(),
      issuedOn: Type.String(),
      validUntil: Type.Union([Type.String(), Type.Null()]),
      holderName: Type.String(),
      holderCode: Type.String(),
    }),
  ]),
  seal: Type.Union([Type.Null(), Type.Object({ code: Type.String(), name: Type.String(), unitName: Type.String(), signedAt: Type.String(), signer: Type.String() })]),
});
export type VerifyResult = Static<typeof VerifyResult>;

/* What the licences API answers. */

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Status = Type.String({ description: LICENCE_STATUSES.map(([code]) => code).join(' | ') });

export const LicenceType = Type.Object({ key: Type.String(), version: Type.Integer(), active: Type.Boolean(), definition: LicenceTypeDefinition });

export const Seal = Type.Object({
  id: Uuid,
  code: Type.String(),
  departmentId: Type.String(),
  name: Type.String(),
  unitName: Type.String(),
  unitCode: Type.String(),
  purpose: Type.String(),
  validFrom: Type.String(),
  validTo: Type.String(),
  users: Type.Array(Type.String()),
  automatic: Type.Boolean(),
  active: Type.Boolean(),
  uses: Type.Integer(),
});

/** A licence as its holder (or a department it was shared with) sees it; `rows` only with its data. */
export const LicenceSummary = Type.Object({
  id: Uuid,
  identifier: Type.String(),
  licenceNo: Type.String(),
  typeKey: Type.String(),
  name: Type.String(),
  /** The licence type's English name, for the English pages. */
  nameEn: Nullable(Type.String()),
  version: Type.Integer(),
  status: Status,
  statusLabel: Type.String(),
  statusReason: Nullable(Type.String()),
  issuerName: Type.String(),
  issuedOn: Type.String(),
  validFrom: Type.String(),
  validUntil: Nullable(Type.String()),
  holderName: Type.String(),
  holderCode: Type.String({ description: 'masked' }),
  itemCode: Nullable(Type.String()),
  rows: Type.Array(Type.Object({ label: Type.String(), labelEn: Nullable(Type.String()), value: Type.String() })),
  verifyUrl: Type.String(),
});

export const Wallet = Type.Object({ items: Type.Array(LicenceSummary), materialsSaved: Type.Integer() });

export const UseRow = Type.Object({
  id: Uuid,
  kind: Type.String(),
  actorName: Nullable(Type.String()),
  departmentId: Nullable(Type.String()),
  purpose: Type.String(),
  at: Type.String({ format: 'date-time' }),
  licenceName: Type.String(),
  licenceNo: Type.String(),
  identifier: Type.String(),
});

export const GrantRow = Type.Object({
  id: Uuid,
  identifier: Type.String(),
  departmentId: Type.String(),
  scopes: Type.Array(Type.String()),
  purpose: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
  active: Type.Boolean(),
  revokedAt: Nullable(Type.String({ format: 'date-time' })),
});

export const Issued = Type.Object({ id: Uuid, identifier: Type.String() });

export const LicenceStats = Type.Object({
  licences: Type.Array(Type.Object({ status: Type.String(), statusLabel: Type.String(), name: Type.String(), count: Type.Integer() })),
  uses: Type.Array(Type.Object({ kind: Type.String(), count: Type.Integer() })),
  materialsSaved: Type.Integer(),
});

/** The issuer's controller document (DID-style), which verifiers fetch to check a credential's proof. */
export const ControllerDocument = Type.Object({
  '@context': Type.Array(Type.String()),
  id: Type.String(),
  verificationMethod: Type.Array(
    Type.Object({
      id: Type.String(),
      type: Type.String(),
      controller: Type.String(),
      publicKeyJwk: Type.Object({ kty: Type.Optional(Type.String()), crv: Type.Optional(Type.String()), x: Type.Optional(Type.String()), y: Type.Optional(Type.String()) }),
    }),
  ),
  assertionMethod: Type.Array(Type.String()),
});

/** A W3C Verifiable Credential (Data Integrity proof); the fields this platform reads are named. */
export const Credential = Type.Object({ '@context': JsonValue, proof: Type.Optional(JsonObject), credentialSubject: Type.Optional(JsonObject) }, { additionalProperties: true });

export const CredentialCheck = Type.Object({
  proofValid: Type.Boolean(),
  problem: Nullable(Type.String()),
  identifier: Nullable(Type.String()),
  status: Nullable(Type.String()),
  statusLabel: Nullable(Type.String()),
  verdict: Type.String({ description: 'genuine | altered | revoked | expired | unknown' }),
});
