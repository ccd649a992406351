import { DomainError } from '../http/errors.ts';

const mb = (bytes: number) => Math.floor(bytes / 1024 / 1024);

/** Why an upload was refused. Nothing of a refused upload is kept. */
export const FileErrors = {
  tooLarge: (max: number) => new DomainError('FILE_TOO_LARGE', 413, `文件超过大小上限（${mb(max)} MB）`, `The file exceeds the size limit (${mb(max)} MB)`),
  badType: () => new DomainError('FILE_TYPE_NOT_ALLOWED', 415, '不支持此文件类型（支持 PDF、PNG、JPEG、OFD、TXT）', 'This file type is not allowed (PDF, PNG, JPEG, OFD, TXT)'),
  empty: () => new DomainError('FILE_EMPTY', 400, '文件为空', 'The file is empty'),
  /** The bytes start like an allowed type but are not a whole, well-formed file of it. */
  damaged: (zh: string, en: string) => new DomainError('FILE_CONTENT_INVALID', 400, `文件内容已损坏或与其类型不符：${zh}`, `The file is damaged or is not what its type says: ${en}`),
  /** The client stopped sending (went away, or was cut off by the request timeout). */
  incomplete: () => new DomainError('FILE_UPLOAD_INCOMPLETE', 400, '文件未完整上传，请重试', 'The upload did not complete; please try again'),
  /** An archive (OFD) that would unpack to more than the limit: a "zip bomb" is refused unopened. */
  unpacksTooLarge: (max: number, entries: number) =>
    new DomainError('FILE_UNPACKED_TOO_LARGE', 413, `文件解压后超过上限（${mb(max)} MB 或 ${entries} 个条目）`, `The file would unpack to more than the limit (${mb(max)} MB or ${entries} entries)`),
};
