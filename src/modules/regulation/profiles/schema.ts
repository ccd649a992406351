import { Type, type Static, type TSchema } from '@sinclair/typebox';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
/** A credit code as typed: loose here (18 characters of the code's alphabet), checked with its check character by the service. */
export const CreditCodeParam = Type.Object({ creditCode: Type.String({ minLength: 1, maxLength: 18 }) }, { additionalProperties: false });
export const ComplaintParam = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
export const LinkParams = Type.Object({ creditCode: Type.String({ minLength: 1, maxLength: 18 }), id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

export const SearchQuery = Type.Object({ q: Type.String({ minLength: 1, maxLength: 60 }), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })) }, { additionalProperties: false });
export const FiguresQuery = Type.Object(
  { year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })), regionCode: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })) },
  { additionalProperties: false },
);

export const LinkInput = Type.Object({ caseNumber: Type.String({ minLength: 1, maxLength: 40, pattern: '^[0-9A-Za-z-]+$' }) }, { additionalProperties: false });
export const ClueInput = Type.Object(
  {
    inspectorIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 2, maxItems: 6, uniqueItems: true }),
    dueOn: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', maxLength: 10 }),
    itemIds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 10, uniqueItems: true })),
    departmentId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);
export type ClueInput = Static<typeof ClueInput>;

export const SearchHit = Type.Object({ creditCode: Type.String(), name: Type.String(), entityType: Nullable(Type.String()), regionCode: Type.String(), status: Nullable(Type.String()) });

/** A section whose source may be missing: `available` false and no items, rather than an error. */
const Section = <T extends TSchema>(t: T) => Type.Object({ available: Type.Boolean(), items: Type.Array(t) });

const Reason = Type.Object({ indicator: Type.String(), zh: Type.String(), en: Type.String(), points: Type.Number() });
const ClassOf = Type.Object({ class: Type.String(), score: Type.Number(), reasons: Type.Array(Reason), computedAt: Type.String() });

export const ComplaintView = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  caseNumber: Type.String(),
  kind: Type.String(),
  summary: Type.String(),
  receivedAt: Type.String(),
  matchedBy: Type.Union([Type.Literal('credit-code'), Type.Literal('name'), Type.Literal('manual')]),
  linkedByName: Type.String(),
  linkedAt: Type.String(),
  clueTaskId: Nullable(Type.String()),
  clueAt: Nullable(Type.String()),
});

export const Profile = Type.Object({
  creditCode: Type.String(),
  entity: Type.Object({
    available: Type.Boolean(),
    name: Type.String(),
    entityType: Nullable(Type.String()),
    regionCode: Type.String(),
    establishedOn: Nullable(Type.String()),
    registeredCapital: Nullable(Type.Number()),
    status: Nullable(Type.String()),
    address: Nullable(Type.String()),
    /** The legal representative's name only (no ID number or phone on a profile). */
    legalRepName: Nullable(Type.String()),
    blackListed: Nullable(Type.Boolean()),
    industries: Type.Array(Type.String()),
    source: Nullable(Type.String()),
  }),
  licences: Section(
    Type.Object({ id: Type.String(), typeName: Type.String(), number: Type.String(), state: Type.String(), issuedAt: Type.String(), expiresAt: Nullable(Type.String()), issuerName: Type.String() }),
  ),
  complaints: Section(ComplaintView),
  inspections: Section(
    Type.Object({
      id: Type.String(),
      kind: Type.String(),
      state: Type.String(),
      conclusion: Nullable(Type.String()),
      inspectedOn: Nullable(Type.String()),
      publishedAt: Nullable(Type.String()),
    }),
  ),
  penalties: Section(Type.Object({ id: Type.String(), decidedOn: Type.String(), decisionNo: Type.String(), kind: Type.String(), amountYuan: Nullable(Type.Number()), departmentId: Type.String() })),
  /** 告知承诺 still to verify: open verification tasks, and approvals under commitment left without one. */
  commitments: Section(
    Type.Object({
      applicationNumber: Nullable(Type.String()),
      serviceItemName: Nullable(Type.String()),
      taskId: Nullable(Type.String()),
      state: Nullable(Type.String()),
      dueOn: Nullable(Type.String()),
      problem: Nullable(Type.String()),
    }),
  ),
  approvals: Section(
    Type.Object({
      applicationId: Type.String(),
      applicationNumber: Type.String(),
      serviceItemCode: Type.String(),
      serviceItemName: Type.String(),
      commitment: Type.Boolean(),
      supervisionItemIds: Type.Array(Type.String()),
      taskIds: Type.Array(Type.String()),
      dueOn: Nullable(Type.String()),
      problem: Nullable(Type.String()),
      approvedAt: Type.String(),
    }),
  ),
  credit: Type.Object({ available: Type.Boolean(), current: Nullable(ClassOf), history: Type.Array(ClassOf) }),
});
export type Profile = Static<typeof Profile>;

const Ratio = Type.Object({ numerator: Type.Integer(), denominator: Type.Integer(), rate: Nullable(Type.Number()) });

export const Figures = Type.Object({
  year: Type.Integer(),
  regionCode: Type.String(),
  /** Sources that could not be read (their figures are zero and marked so on the page). */
  unavailable: Type.Array(Type.String()),
  coverage: Type.Object({
    objects: Type.Integer(),
    inspected: Type.Integer(),
    rate: Nullable(Type.Number()),
    byClass: Type.Array(Type.Object({ class: Type.String(), objects: Type.Integer(), inspected: Nullable(Type.Integer()), rate: Nullable(Type.Number()) })),
  }),
  problemsFound: Ratio,
  filedForPenalty: Type.Integer(),
  tasks: Type.Object({ total: Type.Integer(), open: Type.Integer(), overdue: Type.Integer(), byKind: Type.Record(Type.String(), Type.Integer()) }),
  results: Type.Object({ recorded: Type.Integer(), publishedLate: Type.Integer(), unpublishedPastDeadline: Type.Integer() }),
  penalties: Type.Object({ count: Type.Integer(), amountYuan: Type.Number() }),
  commitments: Type.Object({
    approvals: Type.Integer(),
    underCommitment: Type.Integer(),
    withoutTask: Type.Integer(),
    onTime: Type.Integer(),
    late: Type.Integer(),
    open: Type.Integer(),
    overdue: Type.Integer(),
    onTimeRate: Nullable(Type.Number()),
  }),
  complaints: Type.Object({
    linked: Type.Integer(),
    entities: Type.Integer(),
    clues: Type.Integer(),
    clueRate: Nullable(Type.Number()),
    byMatch: Type.Object({ 'credit-code': Type.Integer(), name: Type.Integer(), manual: Type.Integer() }),
  }),
  months: Type.Array(Type.Object({ month: Type.Integer(), created: Type.Integer(), recorded: Type.Integer() })),
});
export type Figures = Static<typeof Figures>;
