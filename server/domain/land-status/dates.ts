/**
 * Calendar dates as `YYYY-MM-DD` strings, and periods counted in calendar years the way Chinese law
 * counts them (民法典 第二百零一条、第二百零二条): the starting day is not counted, and a period of n
 * years ends on the corresponding day n years later, or on the last day of that month when there is
 * no corresponding day (2 月 29 日 → 2 月 28 日). An `asOfDate` means the end of that day, so on the
 * corresponding day the period is complete ("满 n 年"). Holidays that extend a period (第二百零三条)
 * are not known here and are not applied. Pure integer arithmetic: no `Date`, no clock, no time zone.
 */

/** A calendar date `YYYY-MM-DD`. */
export type IsoDate = string;

interface Civil {
  year: number;
  month: number;
  day: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function parse(date: IsoDate): Civil {
  const m = ISO.exec(date);
  if (!m) throw new Error(`日期“${date}”应为 YYYY-MM-DD 格式`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new Error(`日期“${date}”不存在`);
  return { year, month, day };
}

function format({ year, month, day }: Civil): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True for a well-formed date that exists in the calendar. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  try {
    parse(value);
    return true;
  } catch {
    return false;
  }
}

/** Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's days_from_civil). */
export function dayNumber(date: IsoDate): number {
  const { year, month, day } = parse(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** Validated dates in this format compare as strings; parsing first makes a malformed date throw. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return dayNumber(a) - dayNumber(b);
}

export function onOrBefore(date: IsoDate, asOf: IsoDate): boolean {
  return compareDates(date, asOf) <= 0;
}

/**
 * The last day of a period of `years` years that starts the day after `date`: the same month and day
 * `years` later, or the month's last day when that day does not exist (2020-02-29 + 1 → 2021-02-28).
 */
export function anniversary(date: IsoDate, years: number): IsoDate {
  if (!Number.isInteger(years) || years < 0) throw new Error(`年数应为非负整数，实为 ${years}`);
  const { year, month, day } = parse(date);
  const target = year + years;
  return format({ year: target, month, day: Math.min(day, daysInMonth(target, month)) });
}

/**
 * Full calendar years from `from` to the end of `asOf` ("满几年"): the largest n with
 * anniversary(from, n) ≤ asOf; 0 when asOf is before the first anniversary or before `from`.
 */
export function fullYearsElapsed(from: IsoDate, asOf: IsoDate): number {
  const start = parse(from);
  const end = parse(asOf);
  let n = end.year - start.year;
  if (n <= 0) return 0;
  if (!onOrBefore(anniversary(from, n), asOf)) n -= 1;
  return n;
}

/** The calendar year of a date. */
export function yearOf(date: IsoDate): number {
  return parse(date).year;
}
