import { cstDate } from '../../kernel/calendar/index.ts';
import type { DecisionFacts, DecisionKind } from '../services/index.ts';
import type { DecisionDocument } from './document/decision-pdf.ts';
import { zhDate } from './licences.ts';

/** The last three digits of a decision's type code (GB/T 36904: the department's credit code + these). */
export const DECISION_KIND_CODES: Record<DecisionKind, string> = { approval: '901', refusal: '902', rejection: '903' };

type Words = Pick<DecisionDocument, 'header' | 'title' | 'documentNo' | 'addressee' | 'paragraphs' | 'rows' | 'closing' | 'note'>;

const TITLES: Record<DecisionKind, { licensing: [string, string]; other: [string, string] }> = {
  approval: { licensing: ['准予行政许可决定书', 'Decision to Grant an Administrative Licence'], other: ['准予办理决定书', 'Decision of Approval'] },
  refusal: { licensing: ['不予行政许可决定书', 'Decision to Refuse an Administrative Licence'], other: ['不予办理决定书', 'Decision of Refusal'] },
  rejection: { licensing: ['不予受理通知书', 'Notice of Non-acceptance'], other: ['不予受理通知书', 'Notice of Non-acceptance'] },
};
/** 文号 words, as 公文 number their kinds. */
const NUMBER_WORDS: Record<DecisionKind, { licensing: string; other: string }> = {
  approval: { licensing: '许准字', other: '办准字' },
  refusal: { licensing: '许不字', other: '办不字' },
  rejection: { licensing: '不受字', other: '不受字' },
};

const REMEDY_ZH = '如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。';
const REMEDY_EN =
  'If you disagree with this decision, you may apply for administrative reconsideration within sixty days of receiving it, or bring an administrative lawsuit before a people’s court within six months of receiving it.';
const enDate = (d: string) => new Date(`${d}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Everything a decision says, worded in Chinese (the original) or English (a copy for reference). */
export function decisionText(f: DecisionFacts, lang: 'zh' | 'en', at: { issuer: string; issuerEn: string | null; serial: string; year: string }): Words {
  const kind = f.licensing ? 'licensing' : 'other';
  const [titleZh, titleEn] = TITLES[f.kind][kind];
  const documentNo = `${at.issuer}${NUMBER_WORDS[f.kind][kind]}〔${at.year}〕第${at.serial}号`;
  const submitted = cstDate(new Date(f.submittedAt));
  const decided = cstDate(new Date(f.decidedAt));
  const reason = (f.reason ?? '').replace(/[。.]\s*$/, '');
  if (lang === 'zh') {
    const head = `你（单位）于${zhDate(submitted)}提出的“${f.item.name}”申请（办件编号：${f.applicationNumber}）`;
    const what = f.licensing ? '行政许可' : '办理';
    const paragraphs =
      f.kind === 'approval'
        ? [`${head}，本机关已依法受理。经审查，申请材料齐全、符合法定形式，申请符合法定条件和标准。根据${f.legalBasis}的规定，本机关决定准予${what}。`]
        : f.kind === 'refusal'
          ? [`${head}，本机关已依法受理。经审查，申请不符合法定条件和标准${reason ? `，理由是：${reason}` : ''}。根据${f.legalBasis}的规定，本机关决定不予${what}。`, REMEDY_ZH]
          : [`${head}，经审查${reason ? `，${reason}` : '，不符合受理条件'}。根据《中华人民共和国行政许可法》第三十二条的规定，本机关决定不予受理。`, REMEDY_ZH];
    return {
      header: at.issuer,
      title: titleZh,
      documentNo,
      addressee: `${f.applicant.name}：`,
      paragraphs,
      rows: [
        { label: '申请人', value: f.applicant.name },
        { label: f.applicant.codeLabel, value: f.applicant.codeMasked },
        { label: '申请事项', value: f.item.name },
        { label: '办件编号', value: f.applicationNumber },
        { label: '法律依据', value: f.legalBasis },
        ...(f.opinion ? [{ label: '审查意见', value: f.opinion }] : []),
        { label: '经办人', value: f.officer.name },
      ],
      closing: { issuer: at.issuer, date: zhDate(decided) },
      note: null,
    };
  }
  const issuer = at.issuerEn ?? at.issuer;
  const item = f.item.nameEn ?? f.item.name;
  const head = `Your application for “${item}” (${f.item.name}, application no. ${f.applicationNumber}), made on ${enDate(submitted)}`;
  const paragraphs =
    f.kind === 'approval'
      ? [`${head}, was accepted and examined. The application is complete and meets the conditions and standards set by law. Under ${f.legalBasis}, this authority decides to grant it.`]
      : f.kind === 'refusal'
        ? [
            `${head}, was accepted and examined. The application does not meet the conditions and standards set by law${reason ? ` (reason: ${reason})` : ''}. Under ${f.legalBasis}, this authority decides to refuse it.`,
            REMEDY_EN,
          ]
        : [`${head}, cannot be accepted${reason ? ` (reason: ${reason})` : ''}. Under Article 32 of the Administrative Licensing Law, this authority decides not to accept it.`, REMEDY_EN];
  return {
    header: issuer,
    title: titleEn,
    documentNo: `No. ${documentNo}`,
    addressee: `To ${f.applicant.name}:`,
    paragraphs,
    rows: [
      { label: 'Applicant', value: f.applicant.name },
      { label: f.applicant.codeLabel === '统一社会信用代码' ? 'Credit code' : 'ID number', value: f.applicant.codeMasked },
      { label: 'Service', value: item },
      { label: 'Application no.', value: f.applicationNumber },
      { label: 'Legal basis', value: f.legalBasis },
      ...(f.opinion ? [{ label: 'Opinion', value: f.opinion }] : []),
      { label: 'Officer', value: f.officer.name },
    ],
    closing: { issuer, date: enDate(decided) },
    note: `English copy of ${titleZh} for reference, sealed like the original; the Chinese decision prevails.`,
  };
}
