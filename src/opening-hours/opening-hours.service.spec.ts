import { FixedClock } from '../common/clock';
import { OpeningHours } from './opening-hours';
import { OpeningHoursService } from './opening-hours.service';
import { parseClosedDates, parseWeeklySchedule } from './schedule';

describe('OpeningHoursService', () => {
  const hours = new OpeningHours({
    schedule: parseWeeklySchedule('mon-fri 09:00-15:00'),
    timezone: 'Europe/Oslo',
    closedDates: parseClosedDates('12-24,12-31'),
  });

  it('answers for the clock’s now', () => {
    const clock = new FixedClock(new Date('2026-11-24T10:00:00.000Z'));
    const service = new OpeningHoursService(hours, clock);
    expect(service.isOpen()).toBe(true);
    expect(service.status().now).toBe('2026-11-24T10:00:00.000Z');

    clock.set('2026-11-24T14:00:00.000Z');
    expect(service.isOpen()).toBe(false);
    expect(service.status()).toMatchObject({ reason: 'after-hours', opensAt: '2026-11-25T08:00:00.000Z' });
  });
});
