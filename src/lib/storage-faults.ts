/**
 * Errors that say the database cannot store data (a read-only file, a full disk, a damaged file),
 * as opposed to a bug: they answer 503 with a Chinese reason a user can pass on, and the log line
 * says what an administrator should check.
 */
export type StorageFault = { code: string; message: string; log: string };

const FAULTS: Array<{ codes: RegExp; message: string; log: string }> = [
  {
    codes: /SQLITE_READONLY|read[- ]only (sql )?transaction|25006/i,
    message: '系统暂时无法保存数据（数据库处于只读状态）。请联系系统管理员检查服务器上数据库文件的权限和磁盘。',
    log: 'the database is read-only: check the owner and permissions of the database file and its folder, and that the disk is mounted read-write',
  },
  {
    codes: /SQLITE_FULL|disk is full|No space left|53100/i,
    message: '系统暂时无法保存数据（服务器磁盘已满）。请联系系统管理员。',
    log: 'the disk holding the database is full',
  },
  {
    codes: /SQLITE_CORRUPT|SQLITE_NOTADB|malformed/i,
    message: '系统数据文件损坏，暂时无法使用。请联系系统管理员从备份恢复。',
    log: 'the database file is damaged: stop the portal and restore the latest backup (npm run restore)',
  },
  {
    codes: /SQLITE_CANTOPEN|SQLITE_IOERR|ECONNREFUSED|57P0[1-3]|Can't reach database/i,
    message: '系统暂时无法连接数据库。请稍后再试，或联系系统管理员。',
    log: 'the database cannot be reached or read: check that it exists, its permissions and the server',
  },
];

function texts(err: unknown, depth = 0): string[] {
  if (!err || typeof err !== 'object' || depth > 4) return [];
  const e = err as { message?: unknown; code?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  return [
    typeof e.message === 'string' ? e.message : '',
    typeof e.code === 'string' ? e.code : '',
    ...texts(e.cause, depth + 1),
    ...texts(e.meta?.driverAdapterError, depth + 1),
  ];
}

export function storageFault(err: unknown): StorageFault | null {
  const all = texts(err).join('\n');
  const hit = FAULTS.find((f) => f.codes.test(all));
  return hit ? { code: hit.codes.exec(all)![0], message: hit.message, log: hit.log } : null;
}
