import { DateTime } from 'luxon';
import { norwegianHolidayOn, norwegianPublicHolidays } from './norwegian-holidays';

// Independent oracle: the anonymous Gregorian Easter algorithm (Meeus/Jones/Butcher).
function easterSunday(year: number): DateTime {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return DateTime.utc(year, month, day);
}

function expectedHolidayDates(year: number): string[] {
  const easter = easterSunday(year);
  const fromEaster = [-3, -2, 0, 1, 39, 49, 50].map((days) => easter.plus({ days }).toISODate()!);
  const fixed = ['01-01', '05-01', '05-17', '12-25', '12-26'].map((md) => `${year}-${md}`);
  return [...new Set([...fixed, ...fromEaster])].sort();
}

describe('norwegianPublicHolidays', () => {
  it('lists the twelve public holidays of 2026 with bokmål names, and no observance days', () => {
    expect(norwegianPublicHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Første nyttårsdag' },
      { date: '2026-04-02', name: 'Skjærtorsdag' },
      { date: '2026-04-03', name: 'Langfredag' },
      { date: '2026-04-05', name: 'Første påskedag' },
      { date: '2026-04-06', name: 'Andre påskedag' },
      { date: '2026-05-01', name: 'Arbeidernes dag' },
      { date: '2026-05-14', name: 'Kristi himmelfartsdag' },
      { date: '2026-05-17', name: 'Grunnlovsdagen' },
      { date: '2026-05-24', name: 'Første pinsedag' },
      { date: '2026-05-25', name: 'Andre pinsedag' },
      { date: '2026-12-25', name: 'Første juledag' },
      { date: '2026-12-26', name: 'Andre juledag' },
    ]);
  });

  it('keeps one entry when two holidays fall on the same day (17 May 2027 is also Whit Monday)', () => {
    expect(norwegianHolidayOn('2027-05-17')).toBe('Grunnlovsdagen / Andre pinsedag');
    expect(norwegianPublicHolidays(2027)).toHaveLength(11);
  });

  it.each([2020, 2024, 2026, 2027, 2028, 2030, 2035, 2038, 2040])(
    'agrees with the Easter computation in %i',
    (year) => {
      expect(norwegianPublicHolidays(year).map((h) => h.date)).toEqual(expectedHolidayDates(year));
    },
  );

  it('answers single days', () => {
    expect(norwegianHolidayOn('2027-03-25')).toBe('Skjærtorsdag');
    expect(norwegianHolidayOn('2026-12-24')).toBeUndefined();
    expect(norwegianHolidayOn('2026-05-08')).toBeUndefined();
  });
});
