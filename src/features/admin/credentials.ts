/**
 * Temporary passwords to hand out (登录通知单): a batch made by creating or resetting accounts,
 * kept — sealed with AES-256-GCM under a key derived from the session secret — in the system
 * administrator's own session only until printed and cleared, for two hours at most, or until
 * logout. The database never holds them in clear text; the accounts hold only their hashes.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { formatDate } from '../../lib/format.js';
import { printA4Landscape, writeTable, type XlsxColumn, newWorkbook } from '../../lib/xlsx.js';
import type { Role } from '../../generated/prisma/enums.js';

export type Credential = {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  /** 村（嘎查） of a deputy, or the unit's name: where the slip goes. */
  place: string;
  password: string;
};

export type CredentialBatch = { createdAt: number; kind: 'create' | 'bulk' | 'reset'; items: Credential[] };

export const BATCH_LIFETIME_MS = 2 * 60 * 60_000;

const TYPEWRITER = { name: 'Consolas', size: 12 };

export function createSealer(secret: string) {
  const key = Buffer.from(hkdfSync('sha256', secret, 'renda-portal', 'credential-batch', 32));
  return {
    seal(batch: CredentialBatch): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(JSON.stringify(batch), 'utf8'), cipher.final()]);
      return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
    },
    /** The batch, or null when absent, tampered with, or older than two hours. */
    open(sealed: string | undefined, now: number): CredentialBatch | null {
      if (!sealed) return null;
      try {
        const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
        const decipher = createDecipheriv('aes-256-gcm', key, iv!);
        decipher.setAuthTag(tag!);
        const batch = JSON.parse(Buffer.concat([decipher.update(body!), decipher.final()]).toString('utf8')) as CredentialBatch;
        return now - batch.createdAt < BATCH_LIFETIME_MS ? batch : null;
      } catch {
        return null;
      }
    },
  };
}

export type Sealer = ReturnType<typeof createSealer>;

/** The batch as an .xlsx: one row per account, A4 landscape, for Excel / WPS. */
export async function credentialsWorkbook(batch: CredentialBatch, township: { name: string; portalUrl: string }): Promise<Buffer> {
  const book = await newWorkbook();
  book.creator = `${township.name}人大主席团工作平台`;
  const sheet = book.addWorksheet('账号与初始密码', printA4Landscape({ headerRow: 2, title: '初始密码仅限本人首次登录使用，请妥善保管' }));
  const title = `${township.name}人大主席团工作平台 账号与初始密码（${formatDate(new Date(batch.createdAt))}）`;
  const columns: Array<XlsxColumn<Credential & { n: number }>> = [
    { header: '序号', width: 6, kind: 'int', value: (c) => c.n },
    { header: '姓名', width: 14, value: (c) => c.displayName },
    { header: '村（嘎查）/ 单位', width: 22, kind: 'wrap', value: (c) => c.place },
    // The username and password in a typewriter face, where 0/O and 1/l are easiest to tell apart.
    { header: '用户名', width: 18, font: TYPEWRITER, value: (c) => c.username },
    { header: '初始密码', width: 20, font: TYPEWRITER, value: (c) => c.password },
    { header: '登录地址', width: 34, kind: 'wrap', value: () => township.portalUrl },
    { header: '说明', width: 24, value: () => '首次登录后须修改密码' },
    { header: '签收', width: 12, value: () => '' },
  ];
  sheet.mergeCells(1, 1, 1, columns.length);
  const head = sheet.getCell(1, 1);
  head.value = title;
  head.font = { size: 15, bold: true };
  head.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 28;
  writeTable(
    sheet,
    columns,
    batch.items.map((c, i) => ({ ...c, n: i + 1 })),
    2,
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}
