import { DomainError } from '../kernel/http/errors.ts';

/** Why a restore was refused. Every refusal leaves the target database as it was. */
export const BackupErrors = {
  fileMissing: (file: string) => new DomainError('BACKUP_FILE_MISSING', 404, `找不到备份文件 ${file}`, `No such backup file: ${file}`),
  notABackup: () => new DomainError('BACKUP_NOT_RECOGNISED', 400, '这不是一网的备份文件', 'This is not a Yiwang backup file'),
  unsupportedVersion: (version: unknown) =>
    new DomainError(
      'BACKUP_VERSION_UNSUPPORTED',
      400,
      `不支持的备份格式版本 ${String(version)}，请用本版本重新备份`,
      `Backup format version ${String(version)} is not supported; make a new backup with this version`,
    ),
  migrationsDiffer: (missing: string[], extra: string[]) => {
    const what = [missing.length ? `backup only: ${missing.join(', ')}` : '', extra.length ? `this version only: ${extra.join(', ')}` : ''].filter(Boolean).join('; ');
    return new DomainError(
      'BACKUP_SCHEMA_MISMATCH',
      409,
      `备份与当前版本的数据库结构不同（${what}），未做任何更改；请用制作备份时的版本恢复，再升级`,
      `The backup was made with a different database schema (${what}); nothing was changed. Restore with the version that made the backup, then upgrade.`,
    );
  },
  targetNotEmpty: (table: string) =>
    new DomainError(
      'RESTORE_TARGET_NOT_EMPTY',
      409,
      `目标数据库不是空的（表 ${table} 已有数据），未做任何更改；请恢复到新建的空数据库`,
      `The target database is not empty (table ${table} has rows); nothing was changed. Restore into a new, empty database.`,
    ),
  damaged: (detail: string) => new DomainError('BACKUP_DAMAGED', 422, `备份文件已损坏或不完整，未恢复任何数据：${detail}`, `The backup file is damaged or incomplete; nothing was restored: ${detail}`),
};
