import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { StaffService } from '../../staff/staff.service';
import { TicketRepository } from '../../tickets/ticket.repository';

export interface LiveBoard {
  at: string;
  queue: { length: number; longestWaitSeconds: number; oldestWaitingSince: string | null };
  agents: { id: string; displayName: string; role: string; status: string; load: number }[];
  inProgress: {
    chatId: string;
    reference: string;
    topic: string;
    agentId: string | null;
    agentName: string | null;
    acceptedAt: string | null;
    ageSeconds: number;
    verified: boolean;
    /** When the citizen's last connection went away; null while they are connected. */
    citizenLeftAt: string | null;
  }[];
  /** `chatsAbandoned`: closed by the desk because the citizen went away or went silent (also in `chatsClosed`). */
  today: { chatsStarted: number; chatsClosed: number; chatsAbandoned: number; offlineTickets: number; emailTickets: number };
}

@Injectable()
export class LiveBoardService {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly staff: StaffService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async snapshot(): Promise<LiveBoard> {
    const now = this.clock.now();
    const startOfDay = DateTime.fromJSDate(now, { zone: this.config.openingHours.timezone }).startOf('day').toJSDate();
    const [queued, inProgress, staff, load, today] = await Promise.all([
      this.tickets.queueSummary(),
      this.tickets.findInProgress(),
      this.staff.listActive(),
      this.tickets.countActiveByAssignee(),
      this.tickets.countSince(startOfDay),
    ]);
    const seconds = (from: Date | null) => (from ? Math.max(0, Math.round((now.getTime() - from.getTime()) / 1000)) : 0);
    const oldest = queued.oldestQueuedAt;
    return {
      at: now.toISOString(),
      queue: { length: queued.length, longestWaitSeconds: seconds(oldest), oldestWaitingSince: oldest?.toISOString() ?? null },
      agents: staff.map((u) => ({ id: u.id, displayName: u.displayName, role: u.role, status: u.status, load: load.get(u.id) ?? 0 })),
      inProgress: inProgress.map((t) => ({
        chatId: t.id,
        reference: t.reference,
        topic: t.topic,
        agentId: t.assigneeId,
        agentName: t.assignee?.displayName ?? null,
        acceptedAt: t.acceptedAt?.toISOString() ?? null,
        ageSeconds: seconds(t.queuedAt ?? t.createdAt),
        verified: t.verified,
        citizenLeftAt: t.citizenLeftAt?.toISOString() ?? null,
      })),
      today,
    };
  }
}
