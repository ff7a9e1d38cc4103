import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatPercent,
  formatWan,
  maskPhone,
  parseDateInput,
  parseWan,
  toDateInput,
  yearOf,
} from '../../src/lib/format.js';
import { chineseNumber } from '../../src/lib/labels.js';
import { deadlineFlag } from '../../src/lib/deadline.js';

describe('dates', () => {
  it('formats a date as 2023年12月7日 in China time, whatever the server zone', () => {
    // 2023-12-06T16:30Z is already 7 December in Beijing.
    expect(formatDate(new Date('2023-12-06T16:30:00Z'))).toBe('2023年12月7日');
    expect(formatDate(null)).toBe('');
    expect(formatDateTime(new Date('2023-12-07T01:05:00Z'))).toBe('2023年12月7日 09:05');
  });

  it('parses the date forms people type and rejects impossible dates', () => {
    const d = parseDateInput('2023-12-07')!;
    expect(toDateInput(d)).toBe('2023-12-07');
    expect(toDateInput(parseDateInput('2023/12/7'))).toBe('2023-12-07');
    expect(toDateInput(parseDateInput('2023年12月7日'))).toBe('2023-12-07');
    expect(parseDateInput('2023-02-30')).toBeNull();
    expect(parseDateInput('明天')).toBeNull();
    expect(yearOf(parseDateInput('2024-01-01')!)).toBe(2024);
  });
});

describe('money in 万元', () => {
  it('shows integer 元 as 万元 exactly', () => {
    expect(formatWan(4_000_000)).toBe('400万元');
    expect(formatWan(125_000)).toBe('12.5万元');
    expect(formatWan(10_001)).toBe('1.0001万元');
    expect(formatWan(123_456_789_0)).toBe('123,456.789万元');
    expect(formatWan(0)).toBe('0万元');
  });

  it('parses amounts typed in 万元 into integer 元 without float error', () => {
    expect(parseWan('400')).toBe(4_000_000);
    expect(parseWan('12.5')).toBe(125_000);
    expect(parseWan('0.0001')).toBe(1);
    expect(parseWan('1,200.05万元')).toBe(12_000_500);
    expect(parseWan('0.1')! + parseWan('0.2')!).toBe(parseWan('0.3'));
    expect(parseWan('1.00001')).toBeNull();
    expect(parseWan('-5')).toBeNull();
    expect(parseWan('abc')).toBeNull();
  });
});

describe('small helpers', () => {
  it('masks phone numbers', () => {
    expect(maskPhone('13847512345')).toBe('138****2345');
    expect(maskPhone('')).toBe('');
  });
  it('writes term and session numbers in Chinese', () => {
    expect(chineseNumber(19)).toBe('十九');
    expect(chineseNumber(4)).toBe('四');
    expect(chineseNumber(10)).toBe('十');
    expect(chineseNumber(21)).toBe('二十一');
  });
  it('formats rates', () => {
    expect(formatPercent(3, 4)).toBe('75.0%');
    expect(formatPercent(0, 0)).toBe('—');
  });
  it('flags deadlines: overdue from the next day on, due soon within 7 days, nothing once answered', () => {
    const deadline = new Date('2024-03-10T00:00:00+08:00');
    expect(deadlineFlag(deadline, true, new Date('2024-03-10T23:00:00+08:00'))).toBe('due-soon');
    expect(deadlineFlag(deadline, true, new Date('2024-03-11T00:00:00+08:00'))).toBe('overdue');
    expect(deadlineFlag(deadline, true, new Date('2024-03-03T00:00:00+08:00'))).toBe('due-soon');
    expect(deadlineFlag(deadline, true, new Date('2024-03-02T00:00:00+08:00'))).toBeNull();
    expect(deadlineFlag(deadline, false, new Date('2024-04-01T00:00:00+08:00'))).toBeNull();
  });
});
