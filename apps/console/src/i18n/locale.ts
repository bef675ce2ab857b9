// The console's two languages. The choice is kept in the address (?lang=km)
// and in memory, not in browser storage: nothing about the person is stored.
export type Locale = 'en' | 'km';
export const LOCALES: readonly Locale[] = ['en', 'km'];

export function initialLocale(): Locale {
  const asked = new URLSearchParams(window.location.search).get('lang');
  return asked === 'km' || asked === 'en' ? asked : 'en';
}

/** Khmer digits (០–៩) as ASCII: what a person types in either script reads the same. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u17E0-\u17E9]/g, (digit) => String(digit.charCodeAt(0) - 0x17e0));
}
