import { DateTime } from 'luxon';

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

// `end` is exclusive and may be 1440 (24:00).
export interface TimeWindow {
  readonly start: number;
  readonly end: number;
}

export type WeeklySchedule = Readonly<Record<Weekday, readonly TimeWindow[]>>;

export interface ClosedDates {
  readonly everyYear: ReadonlySet<string>;
  readonly oneOff: ReadonlySet<string>;
}

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const ALL_WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5, 6, 7];

export function parseWeeklySchedule(text: string): WeeklySchedule {
  const windowsByDay = new Map<Weekday, TimeWindow[]>(ALL_WEEKDAYS.map((day) => [day, []]));
  const entries = text.split(';').map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) {
    throw new Error('no opening hours given; expected e.g. "mon-fri 09:00-15:00"');
  }
  for (const entry of entries) {
    const match = /^([a-z][a-z,\-\s]*?)\s+(\d.*)$/i.exec(entry);
    if (!match) {
      throw new Error(`"${entry}" is not "<days> <windows>", e.g. "mon-fri 09:00-15:00"`);
    }
    const windows = match[2].split(',').map((window) => parseWindow(window.trim(), entry));
    for (const day of parseDays(match[1], entry)) windowsByDay.get(day)!.push(...windows);
  }
  const schedule = Object.fromEntries(
    ALL_WEEKDAYS.map((day) => [day, normaliseWindows(windowsByDay.get(day)!, DAY_NAMES[day - 1])]),
  ) as unknown as WeeklySchedule;
  if (ALL_WEEKDAYS.every((day) => schedule[day].length === 0)) {
    throw new Error('the schedule has no open hours at all');
  }
  return schedule;
}

export function parseClosedDates(text: string): ClosedDates {
  const everyYear = new Set<string>();
  const oneOff = new Set<string>();
  for (const item of text.split(/[,;\s]+/).filter(Boolean)) {
    if (/^\d{2}-\d{2}$/.test(item)) {
      // A leap year, so that 02-29 is accepted as "every year it exists".
      if (!isRealDate(`2024-${item}`)) throw new Error(`"${item}" is not a valid MM-DD date`);
      everyYear.add(item);
    } else if (/^\d{4}-\d{2}-\d{2}$/.test(item)) {
      if (!isRealDate(item)) throw new Error(`"${item}" is not a valid YYYY-MM-DD date`);
      oneOff.add(item);
    } else {
      throw new Error(`"${item}" is neither MM-DD (every year) nor YYYY-MM-DD (one day)`);
    }
  }
  return { everyYear, oneOff };
}

export function isClosedDate(closedDates: ClosedDates, isoDate: string): boolean {
  return closedDates.oneOff.has(isoDate) || closedDates.everyYear.has(isoDate.slice(5));
}

function parseDays(text: string, entry: string): Weekday[] {
  const days = new Set<Weekday>();
  for (const part of text.replace(/\s+/g, '').toLowerCase().split(',').filter(Boolean)) {
    const [from, to = from, ...rest] = part.split('-').map((name) => dayNumber(name, entry));
    if (rest.length > 0 || to < from) {
      throw new Error(`"${part}" in "${entry}" is not a day or a day range like mon-fri`);
    }
    for (let day = from; day <= to; day++) days.add(day as Weekday);
  }
  return [...days];
}

function dayNumber(name: string, entry: string): number {
  const index = DAY_NAMES.indexOf(name);
  if (index < 0) throw new Error(`unknown day "${name}" in "${entry}"; use ${DAY_NAMES.join(', ')}`);
  return index + 1;
}

function parseWindow(text: string, entry: string): TimeWindow {
  const match = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(text);
  const start = match ? minutes(match[1], match[2]) : undefined;
  const end = match ? minutes(match[3], match[4]) : undefined;
  if (start === undefined || end === undefined) {
    throw new Error(`"${text}" in "${entry}" is not a time window like 09:00-15:00`);
  }
  if (start >= end) throw new Error(`"${text}" in "${entry}" ends before it starts`);
  return { start, end };
}

function minutes(hours: string, mins: string): number | undefined {
  const h = Number(hours);
  const m = Number(mins);
  if (m > 59 || h > 24 || (h === 24 && m > 0)) return undefined;
  return h * 60 + m;
}

// Merges touching windows so that closesAt is the real closing.
function normaliseWindows(windows: TimeWindow[], dayName: string): TimeWindow[] {
  const sorted = [...windows].sort((a, b) => a.start - b.start);
  const merged: TimeWindow[] = [];
  for (const window of sorted) {
    const last = merged[merged.length - 1];
    if (last && window.start < last.end) {
      throw new Error(`windows overlap on ${dayName}: ${formatWindow(last)} and ${formatWindow(window)}`);
    }
    if (last && window.start === last.end) merged[merged.length - 1] = { start: last.start, end: window.end };
    else merged.push(window);
  }
  return merged;
}

function formatWindow({ start, end }: TimeWindow): string {
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return `${hhmm(start)}-${hhmm(end)}`;
}

function isRealDate(isoDate: string): boolean {
  return DateTime.fromFormat(isoDate, 'yyyy-MM-dd', { zone: 'UTC' }).isValid;
}
