import { DateTime } from 'luxon';
import { OpeningHours } from './opening-hours';
import { ClosedDates, parseClosedDates, parseWeeklySchedule } from './schedule';

const ZONE = 'Europe/Oslo';

function openingHours(schedule = 'mon-fri 09:00-15:00', closedDates: string | ClosedDates = '12-24,12-31') {
  return new OpeningHours({
    schedule: parseWeeklySchedule(schedule),
    timezone: ZONE,
    closedDates: typeof closedDates === 'string' ? parseClosedDates(closedDates) : closedDates,
  });
}

function oslo(localDateTime: string): Date {
  return DateTime.fromISO(localDateTime, { zone: ZONE }).toJSDate();
}

const at = (iso: string) => new Date(iso);

describe('OpeningHours with the default Mon–Fri 09:00–15:00', () => {
  const hours = openingHours();

  it('is open inside the window and says when it closes', () => {
    expect(hours.status(at('2026-11-24T10:00:00.000Z'))).toEqual({
      open: true,
      now: '2026-11-24T10:00:00.000Z',
      timezone: 'Europe/Oslo',
      closesAt: '2026-11-24T14:00:00.000Z',
    });
  });

  it.each([
    ['08:59', false, 'before-hours'],
    ['09:00', true, undefined],
    ['14:59', true, undefined],
    ['15:00', false, 'after-hours'],
  ])('on a winter Tuesday at %s Oslo time, open is %s', (time, open, reason) => {
    const status = hours.status(oslo(`2026-11-24T${time}`));
    expect(status.open).toBe(open);
    expect(status.reason).toBe(reason);
  });

  it('before hours gives the same day’s opening', () => {
    expect(hours.status(oslo('2026-11-24T08:59'))).toEqual({
      open: false,
      now: '2026-11-24T07:59:00.000Z',
      timezone: 'Europe/Oslo',
      opensAt: '2026-11-24T08:00:00.000Z',
      reason: 'before-hours',
    });
  });

  it('after hours gives the next day’s opening', () => {
    expect(hours.status(oslo('2026-11-24T15:00'))).toMatchObject({
      open: false,
      reason: 'after-hours',
      opensAt: '2026-11-25T08:00:00.000Z',
    });
  });

  it('is closed at the weekend and opens on Monday', () => {
    expect(hours.status(oslo('2026-11-28T12:00'))).toEqual({
      open: false,
      now: '2026-11-28T11:00:00.000Z',
      timezone: 'Europe/Oslo',
      opensAt: '2026-11-30T08:00:00.000Z',
      reason: 'weekend',
    });
  });

  describe('weekday closures', () => {
    const closures: [string, 'holiday' | 'closed-date', string | undefined][] = [
      ['2026-01-01', 'holiday', 'Første nyttårsdag'],
      ['2026-04-02', 'holiday', 'Skjærtorsdag'],
      ['2026-04-03', 'holiday', 'Langfredag'],
      ['2026-04-06', 'holiday', 'Andre påskedag'],
      ['2026-05-01', 'holiday', 'Arbeidernes dag'],
      ['2026-05-14', 'holiday', 'Kristi himmelfartsdag'],
      ['2026-05-25', 'holiday', 'Andre pinsedag'],
      ['2026-12-24', 'closed-date', undefined],
      ['2026-12-25', 'holiday', 'Første juledag'],
      ['2026-12-31', 'closed-date', undefined],
      ['2027-01-01', 'holiday', 'Første nyttårsdag'],
      ['2027-03-25', 'holiday', 'Skjærtorsdag'],
      ['2027-03-26', 'holiday', 'Langfredag'],
      ['2027-03-29', 'holiday', 'Andre påskedag'],
      ['2027-05-06', 'holiday', 'Kristi himmelfartsdag'],
      ['2027-05-17', 'holiday', 'Grunnlovsdagen / Andre pinsedag'],
      ['2027-12-24', 'closed-date', undefined],
      ['2027-12-31', 'closed-date', undefined],
    ];

    it.each(closures)('%s is closed at noon: %s', (date, reason, holiday) => {
      const status = hours.status(oslo(`${date}T12:00`));
      expect(status.open).toBe(false);
      expect(status.reason).toBe(reason);
      expect(status.holiday).toBe(holiday);
    });

    it('closes no other weekday in 2026 and 2027', () => {
      const closedWeekdays: string[] = [];
      for (let day = DateTime.fromISO('2026-01-01', { zone: ZONE }); day.year < 2028; day = day.plus({ days: 1 })) {
        if (day.weekday <= 5 && !hours.status(day.set({ hour: 12 }).toJSDate()).open) {
          closedWeekdays.push(day.toISODate()!);
        }
      }
      expect(closedWeekdays).toEqual(closures.map(([date]) => date));
    });

    it('calls a holiday on a Sunday a holiday, not a weekend', () => {
      expect(hours.status(oslo('2026-05-17T12:00'))).toMatchObject({ reason: 'holiday', holiday: 'Grunnlovsdagen' });
    });
  });

  describe('daylight saving', () => {
    it.each([
      // Week of the change to summer time, Sunday 29 March 2026.
      ['2026-03-27T07:59:00.000Z', false],
      ['2026-03-27T08:00:00.000Z', true],
      ['2026-03-27T13:59:00.000Z', true],
      ['2026-03-27T14:00:00.000Z', false],
      ['2026-03-30T06:59:00.000Z', false],
      ['2026-03-30T07:00:00.000Z', true],
      ['2026-03-30T12:59:00.000Z', true],
      ['2026-03-30T13:00:00.000Z', false],
      // Week of the change back to winter time, Sunday 25 October 2026.
      ['2026-10-23T06:59:00.000Z', false],
      ['2026-10-23T07:00:00.000Z', true],
      ['2026-10-23T13:00:00.000Z', false],
      ['2026-10-26T07:59:00.000Z', false],
      ['2026-10-26T08:00:00.000Z', true],
      ['2026-10-26T13:59:00.000Z', true],
      ['2026-10-26T14:00:00.000Z', false],
    ])('at %s open is %s', (instant, open) => {
      expect(hours.status(at(instant)).open).toBe(open);
    });

    it('opens at 09:00 Oslo time across each change', () => {
      expect(hours.status(at('2026-03-27T14:00:00.000Z')).opensAt).toBe('2026-03-30T07:00:00.000Z');
      expect(hours.status(at('2026-10-23T13:00:00.000Z')).opensAt).toBe('2026-10-26T08:00:00.000Z');
    });

    it('closes at 15:00 Oslo time on either side of the change', () => {
      expect(hours.status(at('2026-03-27T08:00:00.000Z')).closesAt).toBe('2026-03-27T14:00:00.000Z');
      expect(hours.status(at('2026-03-30T07:00:00.000Z')).closesAt).toBe('2026-03-30T13:00:00.000Z');
    });
  });

  describe('next opening across long closures', () => {
    it.each([
      ['Easter 2026', '2026-04-01T15:00', 'after-hours', '2026-04-07T07:00:00.000Z'],
      ['Good Friday 2026', '2026-04-03T12:00', 'holiday', '2026-04-07T07:00:00.000Z'],
      ['Christmas 2026', '2026-12-23T15:00', 'after-hours', '2026-12-28T08:00:00.000Z'],
      ['Christmas Eve 2026', '2026-12-24T10:00', 'closed-date', '2026-12-28T08:00:00.000Z'],
      ['New Year 2027', '2026-12-30T15:00', 'after-hours', '2027-01-04T08:00:00.000Z'],
      ['Easter 2027', '2027-03-24T15:00', 'after-hours', '2027-03-30T07:00:00.000Z'],
    ])('%s: from %s Oslo time', (_name, local, reason, opensAt) => {
      expect(hours.status(oslo(local))).toMatchObject({ open: false, reason, opensAt });
      expect(hours.nextOpening(oslo(local))).toEqual(at(opensAt));
    });

    it('nextOpening is the start of the next window at or after the instant', () => {
      expect(hours.nextOpening(oslo('2026-11-24T09:00'))).toEqual(at('2026-11-24T08:00:00.000Z'));
      expect(hours.nextOpening(oslo('2026-11-24T09:01'))).toEqual(at('2026-11-25T08:00:00.000Z'));
    });

    it('gives up after a long search and leaves out opensAt', () => {
      const everyDay = new Set<string>();
      for (let d = DateTime.utc(2024, 1, 1); d.year === 2024; d = d.plus({ days: 1 })) {
        everyDay.add(d.toFormat('MM-dd'));
      }
      const neverOpen = openingHours('mon-fri 09:00-15:00', { everyYear: everyDay, oneOff: new Set() });
      const status = neverOpen.status(oslo('2026-11-24T12:00'));
      expect(status).toEqual({ open: false, now: '2026-11-24T11:00:00.000Z', timezone: ZONE, reason: 'closed-date' });
      expect(neverOpen.nextOpening(oslo('2026-11-24T12:00'))).toBeUndefined();
    });
  });

  it('gives the right answer when asked about instants in any order', () => {
    const instants = [
      '2026-11-24T10:00:00.000Z',
      '2026-11-24T07:00:00.000Z',
      '2026-11-24T13:59:59.999Z',
      '2026-11-24T14:00:00.000Z',
      '2026-11-24T10:00:00.000Z',
      '2026-11-23T23:00:00.000Z',
      '2026-11-22T22:59:59.999Z',
    ];
    const fresh = (iso: string) => openingHours().status(at(iso));
    for (const iso of instants) expect(hours.status(at(iso))).toEqual(fresh(iso));
    expect(hours.status(at('2026-11-23T23:00:00.000Z')).reason).toBe('before-hours'); // Tuesday 00:00 Oslo
    expect(hours.status(at('2026-11-22T22:59:59.999Z')).reason).toBe('weekend'); // Sunday 23:59 Oslo
  });
});

describe('OpeningHours with custom schedules', () => {
  it('closes earlier on Fridays with mon-thu 09:00-15:00; fri 09:00-14:00', () => {
    const hours = openingHours('mon-thu 09:00-15:00; fri 09:00-14:00');
    expect(hours.status(oslo('2026-11-26T14:30'))).toMatchObject({ open: true, closesAt: '2026-11-26T14:00:00.000Z' });
    expect(hours.status(oslo('2026-11-27T13:59'))).toMatchObject({ open: true, closesAt: '2026-11-27T13:00:00.000Z' });
    expect(hours.status(oslo('2026-11-27T14:00'))).toMatchObject({
      open: false,
      reason: 'after-hours',
      opensAt: '2026-11-30T08:00:00.000Z',
    });
  });

  it('is after hours between two windows and reopens after lunch', () => {
    const hours = openingHours('mon-fri 09:00-11:30,12:00-15:00');
    expect(hours.status(oslo('2026-11-24T11:29'))).toMatchObject({ open: true, closesAt: '2026-11-24T10:30:00.000Z' });
    expect(hours.status(oslo('2026-11-24T11:30'))).toEqual({
      open: false,
      now: '2026-11-24T10:30:00.000Z',
      timezone: ZONE,
      opensAt: '2026-11-24T11:00:00.000Z',
      reason: 'after-hours',
    });
    expect(hours.status(oslo('2026-11-24T12:00'))).toMatchObject({ open: true, closesAt: '2026-11-24T14:00:00.000Z' });
  });

  it('calls a day without windows a weekend, and opens on Saturdays when configured', () => {
    const hours = openingHours('mon-thu 09:00-15:00; sat 10:00-12:00', '');
    expect(hours.status(oslo('2026-11-27T12:00'))).toMatchObject({
      open: false,
      reason: 'weekend',
      opensAt: '2026-11-28T09:00:00.000Z',
    });
    expect(hours.status(oslo('2026-11-28T11:00'))).toMatchObject({ open: true, closesAt: '2026-11-28T11:00:00.000Z' });
  });

  it('opens on 24 December when CLOSED_DATES is empty', () => {
    expect(openingHours(undefined, '').status(oslo('2026-12-24T12:00')).open).toBe(true);
  });

  it('honours one-off closed dates', () => {
    expect(openingHours(undefined, '2026-11-24').status(oslo('2026-11-24T12:00'))).toMatchObject({
      open: false,
      reason: 'closed-date',
      opensAt: '2026-11-25T08:00:00.000Z',
    });
  });

  it('refuses an unknown time zone', () => {
    const options = { schedule: parseWeeklySchedule('mon 09:00-10:00'), closedDates: parseClosedDates('') };
    expect(() => new OpeningHours({ ...options, timezone: 'Mars/Olympus' })).toThrow('"Mars/Olympus" is not an IANA time zone');
  });
});
