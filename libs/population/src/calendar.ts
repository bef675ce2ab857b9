// Dates as whole days since 1970-01-01, so the generator adds and compares
// integers and formats each day once. All dates are calendar days in
// Cambodia; times carry its offset (+07:00, no daylight saving).

const MS_PER_DAY = 86_400_000;
const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;
const FIRST_DAY = Date.UTC(FIRST_YEAR, 0, 1) / MS_PER_DAY;
const LAST_DAY = Date.UTC(LAST_YEAR, 11, 31) / MS_PER_DAY;

let isoTable: string[] | undefined;
let yearTable: Int16Array | undefined;

function tables(): { iso: string[]; years: Int16Array } {
  if (!isoTable || !yearTable) {
    const count = LAST_DAY - FIRST_DAY + 1;
    const iso = new Array<string>(count);
    const years = new Int16Array(count);
    for (let i = 0; i < count; i++) {
      const text = new Date((FIRST_DAY + i) * MS_PER_DAY).toISOString().slice(0, 10);
      iso[i] = text;
      years[i] = Number(text.slice(0, 4));
    }
    isoTable = iso;
    yearTable = years;
  }
  return { iso: isoTable, years: yearTable };
}

function index(day: number): number {
  const i = day - FIRST_DAY;
  if (!Number.isInteger(day) || i < 0 || day > LAST_DAY) {
    throw new RangeError(`day ${day} is outside ${FIRST_YEAR}-${LAST_YEAR}`);
  }
  return i;
}

/** The day number of a YYYY-MM-DD date. */
export function dayOf(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const day = match ? Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!) / MS_PER_DAY : NaN;
  if (!match || isoDateOf(day) !== isoDate) throw new RangeError(`not a date: ${isoDate}`);
  return day;
}

/** YYYY-MM-DD of a day number. */
export function isoDateOf(day: number): string {
  return tables().iso[index(day)]!;
}

export function yearOf(day: number): number {
  return tables().years[index(day)]!;
}

/** The first day of a year. */
export function firstDayOfYear(year: number): number {
  return Date.UTC(year, 0, 1) / MS_PER_DAY;
}

/** `day` moved by whole years (29 February becomes 1 March in other years). */
export function addYears(day: number, years: number): number {
  const text = isoDateOf(day);
  return (
    Date.UTC(
      Number(text.slice(0, 4)) + years,
      Number(text.slice(5, 7)) - 1,
      Number(text.slice(8)),
    ) / MS_PER_DAY
  );
}
