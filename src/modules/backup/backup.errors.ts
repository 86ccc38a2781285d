import { defineErrors } from '../../platform/errors.ts';

export const backupError = defineErrors({
  BACKUP_NOT_FOUND: { status: 404, zh: '备份文件不存在', en: 'No such backup' },
  BACKUP_ALREADY_RUNNING: { status: 409, zh: '已有备份正在进行', en: 'A backup is already running' },
  BACKUP_IN_MEMORY_DATABASE: {
    status: 409,
    zh: '内存数据库无法备份，请使用数据目录',
    en: 'An in-memory database cannot be backed up; use a data directory',
  },
  BACKUP_TOOL_MISSING: {
    status: 500,
    zh: '缺少 {command}，请安装 postgresql-client',
    en: '{command} is missing; install postgresql-client',
  },
  BACKUP_INVALID: {
    status: 400,
    zh: '不是有效的联系 CRM 备份文件：{reason}',
    en: 'Not a valid Lianxi CRM backup: {reason}',
  },
  BACKUP_ENGINE_MISMATCH: {
    status: 409,
    zh: '此备份来自 {from}，不能恢复到 {to}',
    en: 'This backup comes from {from} and cannot be restored into {to}',
  },
  BACKUP_TARGET_NOT_EMPTY: {
    status: 409,
    zh: '目标数据库不为空；确认覆盖请加 --force',
    en: 'The target database is not empty; add --force to overwrite it',
  },
});
