import { DateTime } from 'luxon';
import { translate, type PageLanguage } from '../i18n/i18n';
import type { OpeningStatus } from '../opening-hours/opening-hours';
import type { TimeWindow, Weekday, WeeklySchedule } from '../opening-hours/schedule';
import { DISPLAY_ZONE, formatInstant, LOCALES } from './view-helpers';

const HOLIDAY_KEYS: Readonly<Record<string, string>> = {
  'første nyttårsdag': 'holiday.newYear',
  skjærtorsdag: 'holiday.maundyThursday',
  langfredag: 'holiday.goodFriday',
  'første påskedag': 'holiday.easterSunday',
  'andre påskedag': 'holiday.easterMonday',
  'arbeidernes dag': 'holiday.labourDay',
  'kristi himmelfartsdag': 'holiday.ascension',
  grunnlovsdagen: 'holiday.constitutionDay',
  grunnlovsdag: 'holiday.constitutionDay',
  'første pinsedag': 'holiday.whitSunday',
  'andre pinsedag': 'holiday.whitMonday',
  'første juledag': 'holiday.christmasDay',
  'andre juledag': 'holiday.boxingDay',
};

export function holidayName(name: string, lang: PageLanguage): string {
  return name
    .split(' / ')
    .map((part) => {
      const key = HOLIDAY_KEYS[part.trim().toLowerCase()];
      return key ? translate(lang, key) : part;
    })
    .join(' / ');
}

export function describeOpening(opensAt: string, now: string, lang: PageLanguage, zone = DISPLAY_ZONE): string {
  const opens = DateTime.fromISO(opensAt, { zone });
  const today = DateTime.fromISO(now, { zone }).startOf('day');
  const time = formatInstant(opensAt, lang, 'time', zone);
  const days = Math.round(opens.startOf('day').diff(today, 'days').days);
  if (days === 0) return translate(lang, 'when.today', { time });
  if (days === 1) return translate(lang, 'when.tomorrow', { time });
  return translate(lang, 'when.date', { date: formatInstant(opensAt, lang, 'weekday', zone), time });
}

export interface StatusView {
  open: boolean;
  headline: string;
  detail: string;
  next?: string;
  opensAt?: string;
  closesAt?: string;
}

export function describeStatus(status: OpeningStatus, lang: PageLanguage): StatusView {
  const zone = status.timezone || DISPLAY_ZONE;
  if (status.open) {
    return {
      open: true,
      headline: translate(lang, 'status.open'),
      detail: status.closesAt ? translate(lang, 'status.openUntil', { time: formatInstant(status.closesAt, lang, 'time', zone) }) : '',
      closesAt: status.closesAt,
    };
  }
  const reason = status.reason ?? 'after-hours';
  return {
    open: false,
    headline: translate(lang, 'status.closed'),
    detail: translate(lang, `reason.${reason}`, { holiday: status.holiday ? holidayName(status.holiday, lang) : '' }),
    next: status.opensAt
      ? translate(lang, 'status.opensAt', { when: describeOpening(status.opensAt, status.now, lang, zone) })
      : translate(lang, 'status.noOpening'),
    opensAt: status.opensAt,
  };
}

const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5, 6, 7];

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const windowsText = (windows: readonly TimeWindow[]) => windows.map((w) => `${clock(w.start)}–${clock(w.end)}`).join(', ');

export function describeSchedule(schedule: WeeklySchedule, lang: PageLanguage): string {
  const dayName = (day: Weekday) => DateTime.fromObject({ weekYear: 2024, weekNumber: 2, weekday: day }).setLocale(LOCALES[lang]).toFormat('cccc');
  const groups: { from: Weekday; to: Weekday; hours: string }[] = [];
  for (const day of WEEKDAYS) {
    const windows = schedule[day] ?? [];
    if (windows.length === 0) continue;
    const hours = windowsText(windows);
    const last = groups[groups.length - 1];
    if (last && last.hours === hours && last.to === day - 1) last.to = day;
    else groups.push({ from: day, to: day, hours });
  }
  const parts = groups.map((g) => {
    const days = g.from === g.to ? dayName(g.from) : `${dayName(g.from)}${g.to - g.from === 1 ? ` ${translate(lang, 'status.hoursSeparator').trim()} ` : '–'}${dayName(g.to)}`;
    return `${days} ${g.hours}`;
  });
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')}${translate(lang, 'status.hoursSeparator')}${parts[parts.length - 1]}`;
}
