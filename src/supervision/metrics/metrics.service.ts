import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { StaffActor } from '../../auth/actor';
import { hasPermission } from '../../auth/permissions';
import { Clock } from '../../common/clock';
import { forbidden, validationError } from '../../common/errors';
import { AppConfig } from '../../config/app-config';
import { MetricsQueryDto } from './dto/metrics-query.dto';
import type { DurationStats, MetricsSummary } from './metrics.dto';
import { DurationAggregate, MetricsRepository, Period } from './metrics.repository';

const DEFAULT_DAYS = 30;
const MAX_DAYS = 400;
const DAY_MS = 86_400_000;

const round3 = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);

@Injectable()
export class MetricsService {
  constructor(
    private readonly metrics: MetricsRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async summary(actor: StaffActor, query: MetricsQueryDto): Promise<MetricsSummary> {
    if (!hasPermission(actor.role, 'metrics:read')) throw forbidden('Only supervisors read the metrics');
    const period = this.period(query);
    const zone = this.config.openingHours.timezone;
    const [slots, waits, handling, outcomes, referrals, ratings] = await Promise.all([
      this.metrics.slotCounts(period),
      this.metrics.waits(period),
      this.metrics.handling(period),
      this.metrics.countBy(period, 'outcome', "t.channel = 'chat' AND t.status = 'closed'", "channel = 'chat'"),
      this.metrics.countBy(period, 'referred_provider', 't.referred_provider IS NOT NULL', 'referred_provider IS NOT NULL'),
      this.metrics.countBy(period, 'rating_score', 't.rating_score IS NOT NULL', 'rating_score IS NOT NULL'),
    ]);

    const perDay = new Map<string, number>();
    for (let day = DateTime.fromJSDate(period.from, { zone }).startOf('day'); day.toJSDate() < period.to; day = day.plus({ days: 1 })) {
      perDay.set(day.toISODate()!, 0);
    }
    const perHour = Array.from({ length: 24 }, () => 0);
    const byChannel = { chat: 0, 'web-form': 0, phone: 0, email: 0 };
    let answered = 0;
    let archivedTickets = 0;
    for (const slot of slots) {
      archivedTickets += slot.archived;
      if (slot.channel in byChannel) byChannel[slot.channel as keyof typeof byChannel] += slot.tickets;
      if (slot.channel !== 'chat') continue;
      answered += slot.answered;
      const local = DateTime.fromISO(`${slot.slot.replace(' ', 'T')}:00Z`).setZone(zone);
      const date = local.toISODate()!;
      perDay.set(date, (perDay.get(date) ?? 0) + slot.tickets);
      perHour[local.hour] += slot.tickets;
    }

    const ratingCount = [...ratings.values()].reduce((a, b) => a + b, 0);
    const ratingSum = [...ratings].reduce((sum, [score, n]) => sum + Number(score) * n, 0);
    const count = (map: Map<string | null, number>, key: string | null) => map.get(key) ?? 0;
    return {
      period: { from: period.from.toISOString(), to: period.to.toISOString(), timezone: zone },
      chats: {
        total: byChannel.chat,
        answered,
        unanswered: byChannel.chat - answered,
        perDay: [...perDay].map(([date, chats]) => ({ date, chats })),
        perHour: perHour.map((chats, hour) => ({ hour, chats })),
      },
      waitSeconds: durationStats(waits),
      handlingSeconds: durationStats(handling),
      outcomes: {
        resolved: count(outcomes, 'resolved'),
        referred: count(outcomes, 'referred'),
        'no-response': count(outcomes, 'no-response'),
        other: count(outcomes, 'other'),
        abandoned: count(outcomes, 'abandoned'),
        none: count(outcomes, null),
      },
      referrals: { digipost: count(referrals, 'digipost'), 'e-boks': count(referrals, 'e-boks') },
      ratings: {
        count: ratingCount,
        average: ratingCount > 0 ? round3(ratingSum / ratingCount) : null,
        distribution: { '1': count(ratings, '1'), '2': count(ratings, '2'), '3': count(ratings, '3'), '4': count(ratings, '4'), '5': count(ratings, '5') },
      },
      offlineTickets: byChannel['web-form'],
      ticketsByChannel: byChannel,
      archivedTickets,
    };
  }

  private period(query: MetricsQueryDto): Period {
    const to = query.to ? new Date(query.to) : this.clock.now();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_DAYS * DAY_MS);
    if (from >= to) throw validationError('from must be before to', [{ field: 'from', message: 'must be before to' }]);
    if (to.getTime() - from.getTime() > MAX_DAYS * DAY_MS) {
      throw validationError(`The period can be at most ${MAX_DAYS} days`, [{ field: 'from', message: `at most ${MAX_DAYS} days before to` }]);
    }
    return { from, to };
  }
}

function durationStats(aggregate: DurationAggregate): DurationStats {
  return {
    count: aggregate.count,
    median: round3(aggregate.median),
    p90: round3(aggregate.p90),
    mean: aggregate.count > 0 ? round3(aggregate.sum / aggregate.count) : null,
  };
}
