import { isClosedDate, parseClosedDates, parseWeeklySchedule } from './schedule';

describe('parseWeeklySchedule', () => {
  it('parses the default Mon–Fri 09:00–15:00', () => {
    expect(parseWeeklySchedule('mon-fri 09:00-15:00')).toEqual({
      1: [{ start: 540, end: 900 }],
      2: [{ start: 540, end: 900 }],
      3: [{ start: 540, end: 900 }],
      4: [{ start: 540, end: 900 }],
      5: [{ start: 540, end: 900 }],
      6: [],
      7: [],
    });
  });

  it('parses several day ranges, single days and several windows a day', () => {
    const schedule = parseWeeklySchedule('mon-thu 09:00-11:30,12:00-15:00 ; Fri 09:00-14:00; sat 10:00-12:00');
    expect(schedule[1]).toEqual([{ start: 540, end: 690 }, { start: 720, end: 900 }]);
    expect(schedule[4]).toEqual(schedule[1]);
    expect(schedule[5]).toEqual([{ start: 540, end: 840 }]);
    expect(schedule[6]).toEqual([{ start: 600, end: 720 }]);
    expect(schedule[7]).toEqual([]);
  });

  it('accepts day lists, adds windows given for a day twice, and merges touching windows', () => {
    const schedule = parseWeeklySchedule('mon,wed 09:00-12:00; mon 12:00-13:00, 14:00-24:00');
    expect(schedule[1]).toEqual([{ start: 540, end: 780 }, { start: 840, end: 1440 }]);
    expect(schedule[3]).toEqual([{ start: 540, end: 720 }]);
    expect(schedule[2]).toEqual([]);
  });

  it.each([
    ['', /no opening hours/],
    ['  ;  ', /no opening hours/],
    ['mon-fri', /<days> <windows>/],
    ['09:00-15:00', /<days> <windows>/],
    ['mon-fri 9-15', /not a time window/],
    ['mon-fri 09:00-15:00,', /not a time window/],
    ['xyz 09:00-15:00', /unknown day "xyz"/],
    ['fri-mon 09:00-15:00', /not a day or a day range/],
    ['mon-wed-fri 09:00-15:00', /not a day or a day range/],
    ['mon 15:00-09:00', /ends before it starts/],
    ['mon 09:00-09:00', /ends before it starts/],
    ['mon 09:60-10:00', /not a time window/],
    ['mon 23:00-24:30', /not a time window/],
    ['mon-fri 09:00-12:00,11:00-13:00', /windows overlap on mon: 09:00-12:00 and 11:00-13:00/],
    ['mon-fri 09:00-15:00; wed 14:00-16:00', /windows overlap on wed/],
  ])('rejects %j', (text, message) => {
    expect(() => parseWeeklySchedule(text)).toThrow(message);
  });
});

describe('parseClosedDates', () => {
  it('parses every-year and one-off dates', () => {
    const closed = parseClosedDates('12-24, 12-31,2026-05-15');
    expect([...closed.everyYear]).toEqual(['12-24', '12-31']);
    expect([...closed.oneOff]).toEqual(['2026-05-15']);
    expect(isClosedDate(closed, '2030-12-24')).toBe(true);
    expect(isClosedDate(closed, '2026-05-15')).toBe(true);
    expect(isClosedDate(closed, '2027-05-15')).toBe(false);
  });

  it('treats an empty string as no closed dates', () => {
    const closed = parseClosedDates('');
    expect(closed.everyYear.size + closed.oneOff.size).toBe(0);
  });

  it('accepts 29 February every year and on a leap year', () => {
    expect(() => parseClosedDates('02-29,2028-02-29')).not.toThrow();
  });

  it.each([
    ['13-01', /"13-01" is not a valid MM-DD/],
    ['00-10', /not a valid MM-DD/],
    ['04-31', /not a valid MM-DD/],
    ['2026-02-30', /"2026-02-30" is not a valid YYYY-MM-DD/],
    ['2027-02-29', /not a valid YYYY-MM-DD/],
    ['12/24', /neither MM-DD/],
    ['24.12', /neither MM-DD/],
    ['12-24,christmas', /"christmas" is neither/],
  ])('rejects %j', (text, message) => {
    expect(() => parseClosedDates(text)).toThrow(message);
  });
});
