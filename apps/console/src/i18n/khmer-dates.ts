// Dates in Khmer where the browser has no Khmer locale data. Some browsers
// carry a reduced set of locales (Chromium's headless shell among them): asked
// for Khmer, Intl.DateTimeFormat silently answers in American English, and a
// citizen reading their access log in Khmer would meet "December 7, 2026".
// Where that is so, Khmer date formats are answered from the British English
// formatter's parts (day before month, a 24-hour clock, the browser's own time
// zone) with the months named in Khmer, as CLDR's Khmer data writes them.
// Browsers that know Khmer are left alone; other languages are never touched.

/** The months in Khmer, January first (CLDR km, wide and abbreviated alike). */
export const KHMER_MONTHS = [
  'មករា',
  'កុម្ភៈ',
  'មីនា',
  'មេសា',
  'ឧសភា',
  'មិថុនា',
  'កក្កដា',
  'សីហា',
  'កញ្ញា',
  'តុលា',
  'វិច្ឆិកា',
  'ធ្នូ',
] as const;

/** What joins a long date to its time in Khmer, where English says "at" (CLDR km: "{1} នៅម៉ោង {0}", with a zero-width space). */
export const KHMER_AT = ' នៅ\u200bម៉ោង ';

/** The formatter's parts with English month names, and the English "at", put in Khmer. */
export function khmerParts(
  parts: Intl.DateTimeFormatPart[],
  date: Date | number | undefined,
  timeZone: string,
): Intl.DateTimeFormatPart[] {
  parts = parts.map((part) =>
    part.type === 'literal' && part.value === ' at ' ? { type: 'literal', value: KHMER_AT } : part,
  );
  if (!parts.some((part) => part.type === 'month' && /\D/.test(part.value))) return parts;
  // The month's number, in the same time zone as the parts, names it.
  const month = Number(
    new Intl.DateTimeFormat('en-GB', { month: 'numeric', timeZone }).format(date),
  );
  return parts.map((part) =>
    part.type === 'month' && /\D/.test(part.value)
      ? { type: 'month', value: KHMER_MONTHS[month - 1]! }
      : part,
  );
}

function asksForKhmer(locales: string | readonly string[] | undefined): boolean {
  const first = typeof locales === 'string' ? locales : locales?.[0];
  return typeof first === 'string' && /^km(-|$)/i.test(first);
}

/** Installs the fallback when, and only when, the browser has no Khmer dates. */
export function ensureKhmerDates(intl: typeof Intl = Intl): void {
  const Native = intl.DateTimeFormat;
  if (Native.supportedLocalesOf(['km']).length > 0) return;
  const KhmerAware = function DateTimeFormat(
    locales?: string | readonly string[],
    options?: Intl.DateTimeFormatOptions,
  ): Intl.DateTimeFormat {
    if (!asksForKhmer(locales)) return new Native(locales as string[], options);
    const inner = new Native('en-GB', { ...options, hourCycle: 'h23' });
    const { timeZone } = inner.resolvedOptions();
    const toParts = (date?: Date | number) => khmerParts(inner.formatToParts(date), date, timeZone);
    const methods = {
      format: (date?: Date | number) =>
        toParts(date)
          .map((part) => part.value)
          .join(''),
      formatToParts: toParts,
      formatRange: inner.formatRange.bind(inner),
      formatRangeToParts: inner.formatRangeToParts.bind(inner),
      resolvedOptions: () => ({ ...inner.resolvedOptions(), locale: 'km' }),
    };
    // Own properties over the prototype's (whose `format` is a getter alone).
    return Object.defineProperties(
      Object.create(Native.prototype) as Intl.DateTimeFormat,
      Object.fromEntries(
        Object.entries(methods).map(([name, value]) => [name, { value, enumerable: true }]),
      ),
    );
  } as unknown as typeof Intl.DateTimeFormat;
  KhmerAware.supportedLocalesOf = (locales, options) => {
    const asked = (locales === undefined ? [] : Array.isArray(locales) ? locales : [locales]).map(
      String,
    );
    return [
      ...asked.filter((locale) => asksForKhmer(locale)),
      ...Native.supportedLocalesOf(
        asked.filter((locale) => !asksForKhmer(locale)),
        options,
      ),
    ];
  };
  Object.defineProperty(KhmerAware, 'prototype', { value: Native.prototype });
  intl.DateTimeFormat = KhmerAware;
}
