import type { ItemContent } from '../modules/services/index.ts';
import { PROMISED_WORKFLOW } from '../modules/services/index.ts';
import type { TestPlatform } from './platform.ts';
import { bearer } from './platform.ts';
import { samplePdf } from './samples.ts';

/** A 承诺件 a person applies for: two form fields of their own, two prefilled, one required material. */
export function itemContent(departmentId: string, over: Partial<ItemContent> = {}): ItemContent {
  return {
    name: '个体工商户设立登记',
    itemType: 'licensing',
    departmentId,
    legalBasis: '《促进个体工商户发展条例》第八条',
    applicantTypes: ['person'],
    assuranceLevel: 2,
    statutoryDays: 15,
    promisedDays: 5,
    handling: 'promised',
    feeFen: 0,
    visits: 0,
    materials: [
      { code: 'premises', name: '经营场所使用证明', required: true, form: 'electronic', accept: ['application/pdf', 'image/png', 'image/jpeg'] },
      { code: 'other', name: '其他材料', required: false, form: 'copy' },
    ],
    conditions: '申请人具有完全民事行为能力，经营场所符合要求。',
    deliveryMethods: ['online', 'window'],
    lifeEvents: ['employment'],
    enterpriseEvents: ['start'],
    form: {
      schema: {
        type: 'object',
        required: ['applicantName', 'idNumber', 'shopName', 'capital'],
        properties: {
          applicantName: { type: 'string', title: '经营者姓名' },
          idNumber: { type: 'string', title: '身份证号', pattern: '^[0-9]{17}[0-9X]$' },
          shopName: { type: 'string', title: '字号名称', minLength: 2, maxLength: 50 },
          capital: { type: 'integer', title: '资金数额（元）', minimum: 0, maximum: 100000000 },
        },
      },
      prefill: { applicantName: 'person.name', idNumber: 'person.idNumber' },
    },
    workflow: structuredClone(PROMISED_WORKFLOW),
    ...over,
  };
}

/** Uploads a small PDF as `token`'s material; returns the file id. */
export async function uploadPdf(t: TestPlatform, token: string, body: Buffer | string = samplePdf()): Promise<string> {
  const boundary = '----yw' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="premises.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
    Buffer.from(body),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await t.app.inject({ method: 'POST', url: '/api/files', headers: { ...bearer(token), 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.body}`);
  return res.json().id;
}
