/**
 * Temporary passwords to hand out (登录通知单): a batch made by creating or resetting accounts,
 * kept — sealed with AES-256-GCM under a key derived from the session secret — in the system
 * administrator's own session only until printed and cleared, for two hours at most, or until
 * logout. The database never holds them in clear text; the accounts hold only their hashes.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { formatDate } from '../../lib/format.js';
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
  const book = new ExcelJS.Workbook();
  book.creator = `${township.name}人大主席团工作平台`;
  const sheet = book.addWorksheet('账号与初始密码', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '2:2',
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页　　初始密码仅限本人首次登录使用，请妥善保管' },
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  const columns = [
    { header: '序号', width: 6 },
    { header: '姓名', width: 14 },
    { header: '村（嘎查）/ 单位', width: 22 },
    { header: '用户名', width: 18 },
    { header: '初始密码', width: 20 },
    { header: '登录地址', width: 34 },
    { header: '说明', width: 30 },
    { header: '签收', width: 12 },
  ];
  sheet.mergeCells(1, 1, 1, columns.length);
  const title = sheet.getCell(1, 1);
  title.value = `${township.name}人大主席团工作平台 账号与初始密码（${formatDate(new Date(batch.createdAt))}）`;
  title.font = { size: 15, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 28;
  const header = sheet.getRow(2);
  columns.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
    sheet.getColumn(i + 1).width = c.width;
  });
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle' };
  batch.items.forEach((c, i) => {
    const row = sheet.addRow([i + 1, c.displayName, c.place, c.username, c.password, township.portalUrl, '首次登录后须修改密码', '']);
    row.getCell(5).font = { name: 'Consolas', size: 12 };
    row.getCell(4).font = { name: 'Consolas', size: 12 };
    row.height = 22;
    row.alignment = { vertical: 'middle' };
  });
  sheet.eachRow((row, n) => {
    if (n < 2) return;
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    });
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
