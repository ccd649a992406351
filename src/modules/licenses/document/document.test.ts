// yiwang-test: database-independent (opens no database; see vitest.config.ts)
import { sm2 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import { pdfQrCodes, pdfText } from '../../../testing/pdf.ts';
import { renderLicence, type LicenceDocument } from './licence-pdf.ts';
import { checkSeal, sealDocument, type SealInfo } from './seal-signature.ts';

const keys = sm2.generateKeyPairHex();
const other = sm2.generateKeyPairHex();
const seal: SealInfo = {
  id: 's1',
  code: '1522010000001',
  name: '证照专用章',
  unitName: '乌兰浩特市市场监督管理局',
  unitCode: '11152201MB1234567X',
  validFrom: '2026-01-01',
  validTo: '2031-12-31',
  publicKey: keys.publicKey,
};
const doc: LicenceDocument = {
  identifier: '1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F',
  licenceNo: 'JY11522010000123',
  title: '食品经营许可证',
  titleEn: 'Food Business Licence',
  holderName: '乌兰浩特市草原味道餐饮有限公司',
  holderCodeLabel: '统一社会信用代码',
  holderCode: '91152201MA0N1234X5',
  rows: [
    { label: '经营场所', value: '乌兰浩特市和平街道兴安盟行政公署东侧一号楼底商' },
    { label: '主体业态', value: '餐饮服务经营者（中型餐馆）' },
  ],
  issuerName: '乌兰浩特市市场监督管理局',
  issuedOn: '2026年11月24日',
  validity: '2026年11月24日至2031年11月23日',
  verifyUrl: 'https://yw.example.gov.cn/verify?id=1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F',
  seal: { unitName: '乌兰浩特市市场监督管理局', purpose: '证照专用章' },
  issuedAt: new Date('2026-11-24T02:00:00Z'),
};

async function sealed() {
  const bytes = await renderLicence(doc);
  return sealDocument(bytes, { seal, signer: { id: 'a1', name: '审批人' }, time: '2026-11-24T10:00:00+08:00', document: doc.identifier }, keys.privateKey);
}

describe('licence documents', () => {
  it('renders Chinese text that reads back, and a QR code that opens the verification page', async () => {
    const { bytes } = await sealed();
    const text = await pdfText(bytes);
    expect(text).toContain('食品经营许可证');
    expect(text).toContain('乌兰浩特市草原味道餐饮有限公司');
    expect(text).toContain('91152201MA0N1234X5');
    expect(text).toContain('发证机关：乌兰浩特市市场监督管理局');
    expect(await pdfQrCodes(bytes)).toEqual([doc.verifyUrl]);
  });

  it('verifies its SM2 seal, and rejects a copy with any one byte changed', async () => {
    const { bytes, signature } = await sealed();
    const keyOf = () => keys.publicKey;
    const ok = checkSeal(bytes, keyOf);
    expect(ok.ok).toBe(true);
    expect(signature.dataHash.range[1]).toBeLessThan(bytes.length);
    // A byte in the page content, in the signature record, and in the trailer.
    for (const at of [Math.floor(signature.dataHash.range[1] / 2), signature.dataHash.range[1] + 120, bytes.length - 8]) {
      const copy = Uint8Array.from(bytes);
      copy[at] = copy[at] === 0x30 ? 0x31 : 0x30;
      expect(checkSeal(copy, keyOf)).toMatchObject({ ok: false });
    }
    expect(checkSeal(bytes.subarray(0, bytes.length - 30), keyOf).ok).toBe(false);
    expect(checkSeal(Buffer.concat([bytes, Buffer.from('\n% extra\n')]), keyOf)).toMatchObject({ ok: false, problem: 'altered' });
  });

  it('refuses a signature made with a key other than the seal’s registered one, and a PDF with no seal', async () => {
    const { bytes } = await sealed();
    expect(checkSeal(bytes, () => other.publicKey)).toMatchObject({ ok: false, problem: 'altered' });
    expect(checkSeal(await renderLicence(doc), () => keys.publicKey)).toMatchObject({ ok: false, problem: 'no-seal' });
  });
});
