import { describe, expect, it } from 'vitest';
import { defaultYear, openingYear, yearOptions } from '../../src/lib/years.js';

const at = (s: string) => new Date(`${s}T10:00:00+08:00`);

describe('defaultYear: a year selector opens on the latest year with data', () => {
  it('opens on this year once it has data, never on a later year of candidates', () => {
    expect(defaultYear([2023, 2025, 2026, 2027], at('2026-11-30'))).toBe(2026);
  });
  it('opens on the latest earlier year when this year is empty', () => {
    expect(defaultYear([2023, 2024], at('2026-11-30'))).toBe(2024);
  });
  it('opens annual views on last year in January (China time), work lists on this year', () => {
    expect(defaultYear([2025, 2026, 2027], at('2027-01-12'))).toBe(2026);
    expect(defaultYear([2025, 2026, 2027], at('2027-01-12'), { annual: false })).toBe(2027);
    // 31 December 20:00 UTC is already 1 January in China
    expect(defaultYear([2026, 2027], new Date('2026-12-31T20:00:00Z'))).toBe(2026);
    expect(defaultYear([2026, 2027], at('2027-02-01'))).toBe(2027);
  });
  it('falls back to this year without any data', () => {
    expect(defaultYear([], at('2026-11-30'))).toBe(2026);
  });
  it('offers the chosen year even when it has no data', () => {
    expect(yearOptions([2023, 2026], 2024)).toEqual([2026, 2024, 2023]);
  });
  it('a list named without a year opens on the latest year; ?year= (全部) keeps them all', () => {
    expect(openingYear({ query: {} }, [2023, 2026], at('2026-11-30'))).toEqual({ year: 2026 });
    expect(openingYear({ query: { year: '' } }, [2023, 2026], at('2026-11-30'))).toEqual({});
  });
});
