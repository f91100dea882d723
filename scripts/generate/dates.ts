/**
 * Calendar days as integers (days since 1970-01-01, UTC), so date arithmetic in the generator is
 * exact and never touches the local time zone or the clock.
 */

export type Day = number;

const MS_PER_DAY = 86_400_000;

export function dayOf(isoDate: string): Day {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${isoDate}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
}

export function isoOf(day: Day): string {
  return new Date(Math.round(day) * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOf(day: Day): number {
  return new Date(Math.round(day) * MS_PER_DAY).getUTCFullYear();
}

/** First day of a year. */
export function yearStart(year: number): Day {
  return Date.UTC(year, 0, 1) / MS_PER_DAY;
}

/** Approximate months → days (30.44 days a month), rounded to whole days. */
export function addMonths(day: Day, months: number): Day {
  return Math.round(day + months * 30.44);
}

/** The day the sample describes: data are as of the end of 2025. */
export const REFERENCE_DAY: Day = dayOf('2025-12-31');

/** Years for which departments send metrics. */
export const METRIC_YEARS = [2023, 2024, 2025] as const;
