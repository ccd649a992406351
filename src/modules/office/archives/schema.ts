import { Type } from '@sinclair/typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
export const Kind = Type.Union(['document', 'incoming', 'application', 'case', 'licence'].map((k) => Type.Literal(k)));
const Text = { zh: Type.String(), en: Type.String() };

export const CheckView = Type.Object({
  code: Type.String(),
  property: Type.Union(['authenticity', 'integrity', 'usability', 'safety'].map((p) => Type.Literal(p))),
  ...Text,
  passed: Type.Boolean(),
  detail: Nullable(Type.Object(Text)),
});
export const ReportView = Type.Object({ passed: Type.Boolean(), checks: Type.Array(CheckView) }, { additionalProperties: true });

export const PackageSummary = Type.Object({
  id: Type.String(),
  archiveCode: Type.String({ description: '档号 (DA/T 22)' }),
  kind: Type.String(),
  recordId: Type.String(),
  title: Type.String(),
  reference: Nullable(Type.String()),
  responsible: Type.String(),
  date: Type.String(),
  year: Type.Integer(),
  retention: Type.String(),
  orgCode: Type.String(),
  itemNo: Type.Integer(),
  pages: Type.Integer(),
  secrecy: Nullable(Type.String()),
  status: Type.String(),
  archivedAt: Type.String(),
  lastCheckAt: Nullable(Type.String()),
  lastCheckPassed: Nullable(Type.Boolean()),
});

export const LoanView = Type.Object({
  id: Type.String(),
  packageId: Type.String(),
  requester: Type.String(),
  reason: Type.String(),
  days: Type.Integer(),
  state: Type.String(),
  decidedBy: Nullable(Type.String()),
  note: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  expiresAt: Nullable(Type.String()),
  createdAt: Type.String(),
});
export const LoanWithPackage = Type.Composite([LoanView, Type.Object({ archiveCode: Type.String(), title: Type.String() })]);

export const PackageDetail = Type.Composite([
  PackageSummary,
  Type.Object({
    departmentId: Type.String(),
    stamp: Type.Object(
      {
        fondsCode: Type.String(),
        year: Type.Integer(),
        itemNo: Type.Integer(),
        orgCode: Type.String(),
        retention: Type.String(),
        retentionZh: Type.String(),
        retentionEn: Type.String(),
        pages: Type.Integer(),
      },
      { description: '归档章' },
    ),
    manifestSm3: Type.String(),
    files: Type.Array(Type.Object({ path: Type.String(), role: Type.String(), size: Type.Integer(), sm3: Type.String() })),
    checks: Type.Array(Type.Object({ id: Type.String(), stage: Type.String(), passed: Type.Boolean(), at: Type.String(), report: ReportView })),
    accesses: Type.Array(Type.Object({ at: Type.String(), who: Type.String(), what: Type.String(), borrowId: Nullable(Type.String()) })),
    loans: Type.Array(LoanView),
    mayDownload: Type.Boolean(),
  }),
]);

export const FailureView = Type.Object({
  id: Type.String(),
  packageId: Nullable(Type.String()),
  kind: Type.String(),
  recordId: Type.String(),
  stage: Type.String(),
  at: Type.String(),
  report: Type.Object({ passed: Type.Boolean() }, { additionalProperties: true }),
});

export const TransferView = Type.Object({
  id: Type.String(),
  receiver: Type.String(),
  note: Nullable(Type.String()),
  state: Type.String(),
  packageCount: Type.Integer(),
  failedCount: Type.Integer(),
  createdAt: Type.String(),
});
export const TransferResult = Type.Object({
  id: Type.String(),
  state: Type.String(),
  receiver: Type.String(),
  packageCount: Type.Integer(),
  failedCount: Type.Integer(),
  items: Type.Array(Type.Object({ packageId: Type.String(), archiveCode: Type.String(), passed: Type.Boolean(), report: ReportView })),
});

const Reason = Type.String({ minLength: 2, maxLength: 500, description: '借阅理由 / why' });
export const IngestInput = Type.Object({ kind: Kind, recordId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' }) }, { additionalProperties: false });
export const BorrowInput = Type.Object({ reason: Reason, days: Type.Integer({ minimum: 1, maximum: 30, description: '借阅工作日数 / working days' }) }, { additionalProperties: false });
export const DecisionInput = Type.Object({ note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });
export const RefuseInput = Type.Object({ note: Type.String({ minLength: 2, maxLength: 500, description: '不同意的理由 / why not' }) }, { additionalProperties: false });
export const TransferInput = Type.Object(
  {
    packageIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 200 }),
    receiver: Type.String({ minLength: 2, maxLength: 100, description: '接收档案馆 / receiving archive' }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
