import type { Writable } from 'node:stream';
import type { XlsxColumn } from '../../lib/xlsx.js';
import { LEDGER_COLUMNS, writeLedger, type LedgerRow } from '../suggestions/suggestions.export.js';

type BannerLedgerRow = LedgerRow & { township: { name: string } };

/** The township ledger's columns, after the township's name. */
const COLUMNS: ReadonlyArray<XlsxColumn<BannerLedgerRow>> = [
  { header: '所属镇', width: 10, value: (r) => r.township.name },
  ...(LEDGER_COLUMNS as ReadonlyArray<XlsxColumn<BannerLedgerRow>>),
];

/** 全旗代表建议台账: the township ledger with 所属镇 first (所属镇/编号/标题 repeated on every page). */
export function bannerLedger(out: Writable, batches: AsyncIterable<BannerLedgerRow[]>, banner: string, year?: number): Promise<void> {
  return writeLedger(out, {
    creator: `${banner}人大代表建议台账`,
    sheet: '全旗代表建议台账',
    title: `${banner}${year ? `${year}年` : ''}各镇人大代表建议办理台账`,
    columns: COLUMNS,
    batches,
  });
}
