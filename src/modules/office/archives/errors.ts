import { DomainError } from '../../../kernel/http/errors.ts';
import type { CheckReport } from './checks.ts';

const KIND_ZH: Record<string, string> = { document: '发文', incoming: '收文', application: '办件', case: '工单', licence: '证照' };

export const ArchiveErrors = {
  notFound: (what: 'package' | 'borrow' | 'transfer' | 'record') =>
    new DomainError('ARCHIVE_NOT_FOUND', 404, { package: '没有这件档案', borrow: '没有这条借阅申请', transfer: '没有这次移交', record: '要归档的记录不存在' }[what], `There is no such ${what}`),
  noSource: (kind: string) =>
    new DomainError('ARCHIVE_NO_SOURCE', 422, `“${KIND_ZH[kind] ?? kind}”类记录尚未接入电子档案`, `Records of kind "${kind}" are not connected to the archive`, [{ path: '/kind', message: kind }]),
  already: (archiveCode: string) => new DomainError('ARCHIVE_ALREADY_ARCHIVED', 409, `该记录已归档，档号 ${archiveCode}`, `This record is already archived as ${archiveCode}`),
  contentMissing: (problems: { path: string; message: string }[]) =>
    new DomainError('ARCHIVE_CONTENT_MISSING', 422, '记录缺少可归档的正文文件，无法组成档案包', 'The record has no content file to archive, or one of its files cannot be read', problems),
  noDepartmentCode: () => new DomainError('ARCHIVE_NO_ORG_CODE', 422, '责任部门没有机构代码，无法编制档号', 'The responsible department has no code for the archive code'),
  checkFailed: (report: CheckReport) =>
    new DomainError(
      'ARCHIVE_CHECK_FAILED',
      422,
      '四性检测未通过，未归档',
      'The package failed the four-property check (DA/T 70) and was not archived',
      report.checks.filter((c) => !c.passed).map((c) => ({ path: `/checks/${c.code}`, message: `${c.zh}：${c.detail?.zh ?? ''} / ${c.en}: ${c.detail?.en ?? ''}` })),
    ),
  notInState: (zh: string, en: string) => new DomainError('ARCHIVE_NOT_IN_STATE', 409, zh, en),
  borrowExpired: () => new DomainError('ARCHIVE_BORROW_EXPIRED', 403, '借阅期限已过，请重新申请', 'The loan has expired; ask again'),
  noLoan: () => new DomainError('ARCHIVE_NO_LOAN', 403, '您没有该档案的有效借阅，请先申请借阅', 'You have no current loan of this package; ask to borrow it first'),
  ownRequest: () => new DomainError('ARCHIVE_OWN_REQUEST', 409, '不能审批自己的借阅申请', 'You cannot decide your own request'),
  transferState: (codes: string[]) =>
    new DomainError(
      'ARCHIVE_TRANSFER_STATE',
      409,
      `以下档案已移交或不在本辖区：${codes.join('、')}`,
      `These packages are already handed over or outside your region: ${codes.join(', ')}`,
      codes.map((c) => ({ path: '/packageIds', message: c })),
    ),
};
