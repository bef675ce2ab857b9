// Khmer dates where the browser lacks Khmer locale data: months in Khmer, the
// day first, a 24-hour clock; other languages and Khmer-capable browsers untouched.
import { describe, expect, it } from '@jest/globals';
import { ensureKhmerDates, KHMER_AT, KHMER_MONTHS } from './khmer-dates';

/** An Intl whose DateTimeFormat, like a reduced browser's, knows no Khmer. */
function withoutKhmer(): typeof Intl {
  class Reduced extends Intl.DateTimeFormat {
    constructor(locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
      const khmer = [locales].flat().some((locale) => locale?.startsWith('km'));
      super(khmer ? 'en-US' : locales, options);
    }
    static override supportedLocalesOf(locales: string | string[]): string[] {
      return Intl.DateTimeFormat.supportedLocalesOf(locales).filter((l) => !l.startsWith('km'));
    }
  }
  return Object.assign(Object.create(Intl) as typeof Intl, { DateTimeFormat: Reduced });
}

const AT = new Date('2026-12-07T03:04:05Z');
const PHNOM_PENH = { timeZone: 'Asia/Phnom_Penh' } as const;

describe('Khmer dates', () => {
  it('names the month in Khmer, day first, where the browser has no Khmer', () => {
    const intl = withoutKhmer();
    expect(new intl.DateTimeFormat('km', { dateStyle: 'long', ...PHNOM_PENH }).format(AT)).toBe(
      'December 7, 2026',
    );
    ensureKhmerDates(intl);
    const format = (options: Intl.DateTimeFormatOptions) =>
      new intl.DateTimeFormat('km', { ...options, ...PHNOM_PENH }).format(AT);
    expect(format({ dateStyle: 'long' })).toBe('7 ធ្នូ 2026');
    expect(format({ dateStyle: 'medium', timeStyle: 'short' })).toBe('7 ធ្នូ 2026, 10:04');
    expect(format({ dateStyle: 'short' })).toBe('07/12/2026');
    // A long date with its time: joined in Khmer, not with the English "at".
    expect(format({ dateStyle: 'long', timeStyle: 'medium' })).toBe(`7 ធ្នូ 2026${KHMER_AT}10:04:05`);
    expect(intl.DateTimeFormat.supportedLocalesOf(['km', 'en'])).toEqual(['km', 'en']);
    expect(new intl.DateTimeFormat('km').resolvedOptions().locale).toBe('km');
    expect(new intl.DateTimeFormat('km', PHNOM_PENH)).toBeInstanceOf(Intl.DateTimeFormat);
  });

  it('takes the month in the formatter’s own time zone', () => {
    const intl = withoutKhmer();
    ensureKhmerDates(intl);
    const newYear = new Date('2026-12-31T20:00:00Z'); // 1 January 2027 in Phnom Penh
    expect(
      new intl.DateTimeFormat('km', { dateStyle: 'long', ...PHNOM_PENH }).format(newYear),
    ).toBe(`1 ${KHMER_MONTHS[0]} 2027`);
  });

  it('leaves other languages, and browsers that know Khmer, alone', () => {
    const intl = withoutKhmer();
    ensureKhmerDates(intl);
    expect(new intl.DateTimeFormat('en', { dateStyle: 'long', ...PHNOM_PENH }).format(AT)).toBe(
      'December 7, 2026',
    );
    const full = Object.create(Intl) as typeof Intl;
    const native = full.DateTimeFormat;
    ensureKhmerDates(full);
    expect(full.DateTimeFormat).toBe(native);
  });
});
