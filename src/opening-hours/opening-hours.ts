import { DateTime } from 'luxon';
import { norwegianHolidayOn } from './norwegian-holidays';
import { ClosedDates, isClosedDate, Weekday, WeeklySchedule } from './schedule';

export type ClosedReason = 'weekend' | 'holiday' | 'closed-date' | 'before-hours' | 'after-hours';

export interface OpeningStatus {
  open: boolean;
  now: string;
  timezone: string;
  opensAt?: string;
  closesAt?: string;
  reason?: ClosedReason;
  holiday?: string;
}

export interface OpeningHoursOptions {
  schedule: WeeklySchedule;
  timezone: string;
  closedDates: ClosedDates;
}

const SEARCH_DAYS = 400;
const DAY_CACHE_LIMIT = 1000;

type AllDayClosure = { reason: 'weekend' | 'holiday' | 'closed-date'; holiday?: string };

interface DayPlan {
  nextDayStart: number;
  closure?: AllDayClosure;
  windows: { opens: number; closes: number }[];
}

interface StatusSpan {
  from: number;
  until: number;
  open: boolean;
  details: Omit<OpeningStatus, 'open' | 'now' | 'timezone'>;
}

export class OpeningHours {
  private readonly schedule: WeeklySchedule;
  private readonly timezone: string;
  private readonly closedDates: ClosedDates;
  private readonly dayPlans = new Map<string, DayPlan>();
  private lastSpan?: StatusSpan;

  constructor(options: OpeningHoursOptions) {
    if (!DateTime.now().setZone(options.timezone).isValid) {
      throw new Error(`"${options.timezone}" is not an IANA time zone`);
    }
    this.schedule = options.schedule;
    this.timezone = options.timezone;
    this.closedDates = options.closedDates;
  }

  // The status only changes at window edges and at local midnight.
  status(now: Date): OpeningStatus {
    const instant = now.getTime();
    const span = this.lastSpan;
    const current = span && span.from <= instant && instant < span.until ? span : this.computeSpan(instant);
    this.lastSpan = current;
    return { open: current.open, now: now.toISOString(), timezone: this.timezone, ...current.details };
  }

  nextOpening(now: Date): Date | undefined {
    const opens = this.nextOpeningMillis(now.getTime());
    return opens === undefined ? undefined : new Date(opens);
  }

  private computeSpan(instant: number): StatusSpan {
    const day = this.dayPlan(DateTime.fromMillis(instant, { zone: this.timezone }));
    const window = day.windows.find((w) => w.opens <= instant && instant < w.closes);
    if (window) {
      return { from: instant, until: window.closes, open: true, details: { closesAt: iso(window.closes) } };
    }
    const opens = this.nextOpeningMillis(instant);
    const reason = day.closure?.reason ?? (instant < day.windows[0].opens ? 'before-hours' : 'after-hours');
    return {
      from: instant,
      // The reason may change at midnight even when the next opening is days away.
      until: Math.min(opens ?? Infinity, day.nextDayStart),
      open: false,
      details: {
        ...(opens !== undefined && { opensAt: iso(opens) }),
        reason,
        ...(day.closure?.holiday && { holiday: day.closure.holiday }),
      },
    };
  }

  private nextOpeningMillis(instant: number): number | undefined {
    let day = DateTime.fromMillis(instant, { zone: this.timezone }).startOf('day');
    for (let i = 0; i < SEARCH_DAYS; i++) {
      const window = this.dayPlan(day).windows.find((w) => w.opens >= instant);
      if (window) return window.opens;
      day = day.plus({ days: 1 });
    }
    return undefined;
  }

  private dayPlan(moment: DateTime): DayPlan {
    const date = moment.toISODate()!;
    let plan = this.dayPlans.get(date);
    if (!plan) {
      if (this.dayPlans.size >= DAY_CACHE_LIMIT) this.dayPlans.clear();
      plan = this.buildDayPlan(moment.startOf('day'), date);
      this.dayPlans.set(date, plan);
    }
    return plan;
  }

  private buildDayPlan(day: DateTime, date: string): DayPlan {
    const nextDayStart = day.plus({ days: 1 }).startOf('day').toMillis();
    const holiday = norwegianHolidayOn(date);
    if (holiday) return { nextDayStart, closure: { reason: 'holiday', holiday }, windows: [] };
    if (isClosedDate(this.closedDates, date)) return { nextDayStart, closure: { reason: 'closed-date' }, windows: [] };
    const windows = this.schedule[day.weekday as Weekday];
    if (windows.length === 0) return { nextDayStart, closure: { reason: 'weekend' }, windows: [] };
    return {
      nextDayStart,
      windows: windows.map((w) => ({ opens: atLocalMinute(day, w.start), closes: atLocalMinute(day, w.end) })),
    };
  }
}

// Wall-clock time, so daylight saving never shifts the hours.
function atLocalMinute(day: DateTime, minuteOfDay: number): number {
  if (minuteOfDay === 24 * 60) return day.plus({ days: 1 }).startOf('day').toMillis();
  return day.set({ hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 }).toMillis();
}

function iso(millis: number): string {
  return new Date(millis).toISOString();
}
