import Holidays from 'date-holidays';

export interface PublicHoliday {
  date: string;
  // Two holidays on one day share the entry (17 May 2027).
  name: string;
}

let calendar: Holidays | undefined;
const namesByYear = new Map<number, ReadonlyMap<string, string>>();

export function norwegianPublicHolidays(year: number): PublicHoliday[] {
  return [...holidayNames(year)].map(([date, name]) => ({ date, name }));
}

export function norwegianHolidayOn(isoDate: string): string | undefined {
  return holidayNames(Number(isoDate.slice(0, 4))).get(isoDate);
}

function holidayNames(year: number): ReadonlyMap<string, string> {
  let names = namesByYear.get(year);
  if (!names) {
    calendar ??= new Holidays('NO');
    const byDate = new Map<string, string>();
    // The package also lists observance and bank days (24 Dec); only public ones close the desk.
    for (const holiday of calendar.getHolidays(year, 'no').filter((h) => h.type === 'public')) {
      const date = holiday.date.slice(0, 10);
      const existing = byDate.get(date);
      byDate.set(date, existing ? `${existing} / ${holiday.name}` : holiday.name);
    }
    names = new Map([...byDate].sort(([a], [b]) => a.localeCompare(b)));
    namesByYear.set(year, names);
  }
  return names;
}
