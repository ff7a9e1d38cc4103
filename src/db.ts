import path from 'node:path';
import fs from 'node:fs';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient, type Prisma } from './generated/prisma/client.js';

export type Db = PrismaClient;
export { PrismaClient };

/** Resolves a `file:` URL (relative to the project root) to an absolute file path. */
export function sqliteFilePath(url: string): string {
  const file = url.replace(/^file:/, '');
  return path.resolve(file);
}

/** Opens the SQLite database at `url` (e.g. `file:./data/portal.db`), creating its folder. */
export function createDb(url: string): Db {
  const file = sqliteFilePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const adapter = new PrismaBetterSqlite3({ url: `file:${file}` });
  return new PrismaClient({ adapter });
}

/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient;
