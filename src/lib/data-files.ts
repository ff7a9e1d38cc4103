import fs from 'node:fs';
import path from 'node:path';

/** The files SQLite keeps beside a database: its write-ahead log and shared-memory index. */
export const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

/**
 * Makes the database file readable by the portal's user only: its folder is created 0700 (a folder
 * that already exists is left as it is — it may be shared, like /var/lib), the file is created 0600
 * before SQLite opens it, and an existing file and its -wal/-shm are set to 0600. SQLite gives the
 * -wal and -shm files it creates later the database file's own mode.
 */
export function prepareDataFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  for (const f of [file, ...SIDE_FILES.map((s) => file + s)]) {
    try {
      fs.chmodSync(f, 0o600);
    } catch {
      // no such side file
    }
  }
}
