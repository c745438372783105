import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { AgentPresenceService } from './agent-presence.service';
import { ChatIdleService } from './chat-idle.service';
import { ChatNotifier } from './chat-notifier';
import { CitizenPresenceService } from './citizen-presence.service';
import { ChatQueueService } from './chat-queue.service';
import { ClosingTimeService } from './closing-time.service';
import { DeskEvents } from './desk-events';

const EVERY_MS = 5_000;

// On every instance: each step is a conditional update, safe to run twice.
@Injectable()
export class ChatSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Sweeper');
  private timer?: NodeJS.Timeout;
  private running = false;
  private routePending = false;

  constructor(
    private readonly presence: AgentPresenceService,
    private readonly citizens: CitizenPresenceService,
    private readonly idle: ChatIdleService,
    private readonly queue: ChatQueueService,
    private readonly closing: ClosingTimeService,
    private readonly desk: DeskEvents,
    private readonly notifier: ChatNotifier,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), EVERY_MS);
    this.timer.unref();
    if (this.config.routing === 'auto') {
      this.desk.on('queue.changed', () => this.routeSoon());
      this.desk.on('agent.status', () => this.routeSoon());
    }
  }

  private routeSoon(): void {
    if (this.routePending) return;
    this.routePending = true;
    setImmediate(() => {
      this.routePending = false;
      this.queue.routeWaitingChats().catch((error: Error) => this.logger.error(`Routing failed: ${error.stack ?? error.message}`));
    });
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      // An instance that does not answer must not stop the rest of the sweep.
      await this.presence
        .markVanished(() => this.notifier.connectedStaffIds())
        .catch((error: Error) => this.logger.warn(`Could not check which agents are still connected: ${error.message}`));
      await this.citizens
        .reconcile(() => this.notifier.connectedCitizenChatIds())
        .catch((error: Error) => this.logger.warn(`Could not check which citizens are still connected: ${error.message}`));
      await this.presence.requeueAbandonedChats();
      await this.idle.sweep();
      await this.closing.convertLeftoverQueue();
      await this.queue.routeWaitingChats();
    } catch (error) {
      this.logger.error(`Sweep failed: ${(error as Error).stack ?? String(error)}`);
    } finally {
      this.running = false;
    }
  }
}
