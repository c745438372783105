import { setImmediate } from 'node:timers/promises';
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import { CitizenPresenceRepository } from './citizen-presence.repository';
import { DeskEvents } from './desk-events';

/** Which chats have a citizen socket on some instance. */
export interface ConnectedChats {
  has(chatId: string): boolean;
}

/** A chat this new may not have joined its room yet (a start commits before its socket joins). */
const JUST_SEEN_MS = 10_000;
// With 10,000 citizens waiting, checking them all in one go held the event loop ~100 ms.
export const RECONCILE_CHECKS_PER_SLICE = 500;

/**
 * Whether a live chat's citizen has a connection, kept in the database: they may have two tabs on
 * two instances, and an instance may die without saying goodbye. Staff are told of every change.
 */
@Injectable()
export class CitizenPresenceService {
  private readonly logger = new Logger('CitizenPresence');

  constructor(
    private readonly presence: CitizenPresenceRepository,
    private readonly transactions: Transactions,
    private readonly desk: DeskEvents,
    private readonly clock: Clock,
  ) {}

  /** A socket of the chat's citizen joined it (a start, a resume, a reconnect, another tab). */
  async connected(chatId: string): Promise<void> {
    const at = this.clock.now();
    if (await this.transactions.run((db) => this.presence.markPresent(db, chatId, at))) {
      this.desk.emit('chat.presence', { chatId, connected: true });
    }
  }

  /** A socket of the chat's citizen went away; `anyLeft` asks every instance whether another is open. */
  async disconnected(chatId: string, anyLeft: () => Promise<boolean>): Promise<void> {
    const asked = this.clock.now();
    if (await anyLeft()) return;
    await this.gone(chatId, asked);
  }

  /**
   * Brings the database in line with the sockets on every instance: citizens shown as connected
   * whose instance died (or whose disconnect was not recorded) are gone now; citizens shown as gone
   * who have a socket (a reconnect that crossed a disconnect) are back. The database is read before
   * the sockets are listed, so a citizen who connects in between is seen; one who connects as they
   * are listed has shown life too recently to be recorded gone.
   */
  async reconcile(connectedChatIds: () => Promise<ConnectedChats>): Promise<number> {
    const now = this.clock.now().getTime();
    const live = await this.presence.livePresence(new Date(now - JUST_SEEN_MS));
    if (live.length === 0) return 0;
    const connected = await connectedChatIds();
    let changed = 0;
    for (const [index, chat] of live.entries()) {
      if (index > 0 && index % RECONCILE_CHECKS_PER_SLICE === 0) await setImmediate();
      if (chat.gone && connected.has(chat.id)) {
        await this.connected(chat.id);
        changed += 1;
      } else if (!chat.gone && chat.quiet && !connected.has(chat.id) && (await this.gone(chat.id, new Date(now - JUST_SEEN_MS)))) {
        changed += 1;
      }
    }
    if (changed > 0) this.logger.log(`${changed} citizen connection(s) found changed on no instance's word: recorded`);
    return changed;
  }

  /** Recorded only if the citizen showed no sign of life after `seenUpTo` (when the sockets were asked). */
  private async gone(chatId: string, seenUpTo: Date): Promise<boolean> {
    const at = this.clock.now();
    if (!(await this.transactions.run((db) => this.presence.markGone(db, chatId, at, seenUpTo)))) return false;
    this.desk.emit('chat.presence', { chatId, connected: false, leftAt: at.toISOString() });
    return true;
  }
}
