import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { CitizenPresenceRepository, LiveChatFacts } from './citizen-presence.repository';
import { ChatTimeline, QUEUE_CHANGED } from './chat-timeline';
import { judgeIdle, IdleReason } from './idle-rule';
import { systemText } from './system-messages';

/**
 * Chats whose citizen has gone or gone silent (idle-rule.ts): warned first, then closed as
 * `abandoned` after the grace time, which frees the agent's slot; a queued chat whose citizen has
 * gone leaves the queue. Run by the sweeper on every instance: the conditional updates let exactly
 * one warning and one close through.
 */
@Injectable()
export class ChatIdleService {
  private readonly logger = new Logger('ChatIdle');

  constructor(
    private readonly presence: CitizenPresenceRepository,
    private readonly timeline: ChatTimeline,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Warns and closes what is due now; how many chats were warned and closed. */
  async sweep(): Promise<{ warned: number; abandoned: number }> {
    const now = this.clock.now();
    const limits = { idleMs: this.config.chatIdleMinutes * 60_000, graceMs: this.config.chatIdleGraceMinutes * 60_000 };
    const idleCutoff = new Date(now.getTime() - limits.idleMs);
    const graceCutoff = new Date(now.getTime() - limits.graceMs);
    let warned = 0;
    let abandoned = 0;
    for (const chat of await this.presence.idleCandidates()) {
      const verdict = judgeIdle(chat, now, limits);
      if (verdict.action === 'warn' && (await this.warn(chat, verdict.reason, verdict.since, idleCutoff, now))) warned += 1;
      if (verdict.action === 'abandon' && (await this.abandon(chat, verdict.reason, idleCutoff, graceCutoff, now))) abandoned += 1;
    }
    if (warned + abandoned > 0) this.logger.log(`Idle citizens: ${warned} chat(s) warned, ${abandoned} closed as abandoned`);
    return { warned, abandoned };
  }

  private async warn(chat: LiveChatFacts, reason: IdleReason, since: Date, idleCutoff: Date, at: Date): Promise<boolean> {
    const message = await this.timeline.record({
      chatId: chat.id,
      at,
      update: (db) => this.presence.warn(db, chat, reason, since, idleCutoff, at),
      event: { type: 'idle-warning', data: { reason } },
      say: systemText('idleWarning', chat.language, { minutes: String(this.config.chatIdleGraceMinutes) }),
    });
    return message !== null;
  }

  private async abandon(chat: LiveChatFacts, reason: IdleReason, idleCutoff: Date, graceCutoff: Date, at: Date): Promise<boolean> {
    const message = await this.timeline.record({
      chatId: chat.id,
      at,
      update: (db) => this.presence.abandon(db, chat, reason, idleCutoff, graceCutoff, at),
      event: { type: 'abandoned', data: { reason } },
      say: systemText('abandoned', chat.language),
      after: [
        ['chat.ended', { chatId: chat.id, by: 'system', outcome: 'abandoned', agentId: chat.assigneeId }],
        ...(chat.status === 'queued' ? [QUEUE_CHANGED] : []),
      ],
    });
    return message !== null;
  }
}
