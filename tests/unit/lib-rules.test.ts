import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deadlineFlag, dueSoonLimit, isOverdue, metDeadline, overdueCutoff } from '../../src/lib/deadline.js';
import { clampPage, paginate } from '../../src/lib/pagination.js';
import { byPinyin, matchesName, pinyinKeys } from '../../src/lib/pinyin.js';
import { parseDateInput } from '../../src/lib/format.js';

const d = (s: string) => parseDateInput(s)!;
const at = (s: string) => new Date(s);

describe('the one deadline rule', () => {
  const deadline = d('2024-06-01'); // the whole day of 1 June, China time
  it('is met on the day itself and overdue from the next midnight', () => {
    expect(isOverdue(deadline, at('2024-06-01T23:59:00+08:00'))).toBe(false);
    expect(isOverdue(deadline, at('2024-06-02T00:00:00+08:00'))).toBe(true);
    expect(metDeadline(at('2024-06-01T23:59:00+08:00'), deadline)).toBe(true);
    expect(metDeadline(at('2024-06-02T00:00:00+08:00'), deadline)).toBe(false);
  });
  it('gives queries the same cut-offs as the flags', () => {
    for (const now of [at('2024-06-01T12:00:00+08:00'), at('2024-06-02T00:00:00+08:00'), at('2024-05-25T08:00:00+08:00')]) {
      expect(deadline.getTime() <= overdueCutoff(now).getTime()).toBe(isOverdue(deadline, now));
      const flagged = deadlineFlag(deadline, true, now) !== null;
      expect(deadline.getTime() <= dueSoonLimit(now).getTime()).toBe(flagged);
    }
    expect(deadlineFlag(deadline, true, at('2024-05-26T00:00:00+08:00'))).toBe('due-soon');
    expect(deadlineFlag(deadline, true, at('2024-05-20T00:00:00+08:00'))).toBeNull();
    expect(deadlineFlag(deadline, false, at('2024-07-01T00:00:00+08:00'))).toBeNull();
  });
});

describe('pages', () => {
  it('clamps a page number to the pages that exist', () => {
    expect(clampPage(999, 25)).toBe(2);
    expect(clampPage(0, 25)).toBe(1);
    expect(clampPage(3, 0)).toBe(1);
  });
  it('fetches the clamped page', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => i);
    const page = await paginate(
      999,
      () => Promise.resolve(rows.length),
      ({ skip, take }) => Promise.resolve(rows.slice(skip, skip + take)),
    );
    expect(page).toMatchObject({ page: 2, pageCount: 2, total: 25, items: [20, 21, 22, 23, 24] });
  });
});

describe('names by pinyin', () => {
  it('reads surnames as surnames and sorts by pinyin', () => {
    expect(pinyinKeys('曾强')).toEqual({ full: 'zengqiang', initials: 'zq' });
    expect(byPinyin(['张三', '阿拉坦仓', '包金山', '曾强', '巴特尔'], (n) => n)).toEqual(['阿拉坦仓', '包金山', '巴特尔', '曾强', '张三']);
  });
  it('finds a name by characters, pinyin or initials', () => {
    expect(matchesName('乌云其木格', '其木')).toBe(true);
    expect(matchesName('乌云其木格', 'wuyun')).toBe(true);
    expect(matchesName('乌云其木格', 'WYQ')).toBe(true);
    expect(matchesName('乌云其木格', 'bao')).toBe(false);
  });
});

describe('layering', () => {
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return e.name === 'generated' ? [] : files(p);
      return p.endsWith('.ts') ? [p] : [];
    });
  it('the server imports nothing from scripts/', () => {
    const offenders = files('src').filter((f) => /from '(\.\.\/)+scripts\//.test(fs.readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
