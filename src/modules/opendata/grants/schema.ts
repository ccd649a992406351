import { Type } from '@sinclair/typebox';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10, description: 'YYYY-MM-DD（北京时间）/ China Standard Time day' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const ItemCode = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z][A-Za-z0-9_]*$' });

export const ApplicationInputSchema = Type.Object(
  {
    dataset: Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z0-9][a-z0-9_-]*$', description: '数据集名称（URL 名）/ dataset URL name' }),
    purpose: Type.String({ minLength: 10, maxLength: 2000, description: '使用目的 / purpose' }),
    items: Type.Array(ItemCode, { minItems: 1, maxItems: 200, description: '申请的数据项 / items wanted' }),
    rowRegion: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{2,12}$', maxLength: 12, description: '数据范围：行政区划代码 / row scope (GB/T 2260)' }))),
    periodFrom: Day,
    periodTo: Day,
    securityMeasures: Type.String({ minLength: 10, maxLength: 2000, description: '安全保障措施 / security measures' }),
    delivery: Type.Union([Type.Literal('api'), Type.Literal('sandbox')], { description: 'api：接口凭据；sandbox：沙箱（可用不可见）' }),
    contact: Type.Object(
      {
        name: Type.String({ minLength: 1, maxLength: 50 }),
        phone: Type.String({ minLength: 5, maxLength: 20, pattern: '^[0-9+() -]+$' }),
        email: Type.Optional(Nullable(Type.String({ maxLength: 100, format: 'email' }))),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const SignInputSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 50, description: '签署人姓名（须与实名一致）/ your name as signed in' }),
    agreementHash: Type.String({ pattern: '^[0-9a-fA-F]{64}$', description: '所阅读协议文本的 SM3 摘要 / SM3 of the text read' }),
    confirm: Type.Literal(true, { description: '已阅读并同意 / read and agreed' }),
  },
  { additionalProperties: false },
);

export const DecideInputSchema = Type.Object(
  {
    action: Type.Union([Type.Literal('approve'), Type.Literal('refuse')]),
    opinion: Type.Optional(Type.String({ maxLength: 1000, description: '意见（不同意时必填）/ opinion (a reason when refusing)' })),
    expectedVersion: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
  },
  { additionalProperties: false },
);

export const ReasonInputSchema = Type.Object({ opinion: Type.String({ minLength: 2, maxLength: 1000 }) }, { additionalProperties: false });
export const WithdrawInputSchema = Type.Object({ opinion: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false });

export const TemplateInputSchema = Type.Object({ title: Type.String({ minLength: 2, maxLength: 100 }), body: Type.String({ minLength: 20, maxLength: 20_000 }) }, { additionalProperties: false });

export const ListQuery = Type.Object(
  {
    mine: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('true')])),
    todo: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('true')])),
    state: Type.Optional(Type.String({ pattern: '^[a-z_]{1,20}$' })),
    after: Type.Optional(Type.String({ maxLength: 36 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);

export const ApplicationView = Type.Object({
  id: Type.String(),
  number: Type.String(),
  state: Type.String(),
  version: Type.Integer(),
  datasetId: Type.String(),
  datasetName: Type.String(),
  datasetTitle: Type.String(),
  resourceCode: Type.String(),
  providerDepartmentId: Type.String(),
  applicantType: Type.String(),
  applicantName: Type.String(),
  enterpriseCreditCode: Nullable(Type.String()),
  purpose: Type.String(),
  items: Type.Array(Type.String()),
  rowRegion: Nullable(Type.String()),
  periodFrom: Type.String(),
  periodTo: Type.String(),
  delivery: Type.Union([Type.Literal('api'), Type.Literal('sandbox')]),
  signed: Type.Boolean(),
  dueAt: Nullable(Type.String()),
  overdue: Type.Boolean(),
  endReason: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

const Step = Type.Object({
  action: Type.String(),
  from: Nullable(Type.String()),
  to: Type.String(),
  actorName: Type.String(),
  actorType: Type.String(),
  opinion: Nullable(Type.String()),
  dueAt: Nullable(Type.String()),
  at: Type.String(),
});

export const ApplicationDetail = Type.Composite([
  ApplicationView,
  Type.Object({
    itemDetails: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), grade: Nullable(Type.String()) })),
    securityMeasures: Type.String(),
    contact: Type.Object({ name: Type.String(), phone: Type.String(), email: Nullable(Type.String()) }),
    agreement: Type.Object({ text: Type.String(), hash: Type.String(), templateVersion: Type.Integer(), signedName: Nullable(Type.String()), signedAt: Nullable(Type.String()) }),
    clientId: Nullable(Type.String()),
    /** The viewer is the applicant (or acts for the applying enterprise). */
    mine: Type.Boolean(),
    credentialsReady: Type.Boolean(),
    credentialsCollectedAt: Nullable(Type.String()),
    usage: Nullable(Type.Object({ calls: Type.Integer(), rows: Type.Integer(), lastAt: Nullable(Type.String()) })),
    actions: Type.Array(Type.String()),
    steps: Type.Array(Step),
    states: Type.Record(Type.String(), Type.Object({ zh: Type.String(), en: Type.String() })),
  }),
]);

export const Credentials = Type.Object({ clientId: Type.String(), clientSecret: Type.String(), expiresAt: Type.String(), tokenEndpoint: Type.String(), gateway: Type.String() });
export const Template = Type.Object({ version: Type.Integer(), title: Type.String(), body: Type.String(), fields: Type.Array(Type.String()) });
