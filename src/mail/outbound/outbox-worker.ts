import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { OutboxSignal } from '../outbox-signal';
import { retryDelayMs } from './backoff';
import { MailTransport } from './mail-transport';
import { ClaimedMail, Outbox } from './outbox';
import { classifySendFailure, secretsOfSmtpUrl } from './smtp-failure';

const POLL_MS = 10_000;
export const CLAIM_LEASE_MS = 5 * 60_000;

// A crash after the server took a mail and before `sent` commits sends it again with the same Message-ID.
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Outbox');
  private readonly secrets: string[];
  private timer?: NodeJS.Timeout;
  private unsubscribe?: () => void;
  private current: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly outbox: Outbox,
    private readonly transport: MailTransport,
    private readonly signal: OutboxSignal,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    this.secrets = secretsOfSmtpUrl(config.mail.smtpUrl);
  }

  onApplicationBootstrap(): void {
    if (this.transport.kind === 'none') {
      this.logger.warn('No SMTP_URL in production: replies by e-mail are refused and acknowledgements stay queued until an SMTP server is configured');
      return;
    }
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
    this.unsubscribe = this.signal.onQueued(() => this.kick());
    this.kick();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.unsubscribe?.();
    await this.current;
    this.transport.close();
  }

  sendDue(): Promise<void> {
    this.kick();
    return this.current ?? Promise.resolve();
  }

  private kick(): void {
    if (this.stopped) return;
    if (this.current) {
      this.again = true;
      return;
    }
    this.current = this.drain().finally(() => {
      this.current = null;
    });
  }

  private async drain(): Promise<void> {
    do {
      this.again = false;
      while (!this.stopped) {
        const mail = await this.outbox.claimNext(this.clock.now(), CLAIM_LEASE_MS).catch((error: Error) => {
          this.logger.error(`Could not read the outbox: ${error.message}`);
          return null;
        });
        if (!mail) break;
        await this.deliver(mail);
      }
    } while (this.again && !this.stopped);
  }

  private async deliver(mail: ClaimedMail): Promise<void> {
    try {
      await this.transport.send(mail, this.clock.now());
    } catch (error) {
      await this.recordFailure(mail, error);
      return;
    }
    const recorded = await this.outbox.markSent(mail, this.clock.now()).catch((error: Error) => {
      this.logger.error(`Mail ${mail.id} was sent but could not be marked sent (it goes again after its lease): ${error.message}`);
      return true;
    });
    if (!recorded) this.logger.warn(`Mail ${mail.id} was sent after its claim ran out`);
  }

  private async recordFailure(mail: ClaimedMail, error: unknown): Promise<void> {
    const { permanent, reason } = classifySendFailure(error, this.secrets);
    const delay = permanent ? null : retryDelayMs(mail.attempts);
    try {
      if (delay === null) {
        await this.outbox.markFailed(mail, reason);
        this.logger.warn(`Mail ${mail.id} failed after ${mail.attempts} tries: ${reason}`);
      } else {
        await this.outbox.markForRetry(mail, new Date(this.clock.now().getTime() + delay), reason);
        this.logger.warn(`Mail ${mail.id} not sent (try ${mail.attempts}), again in ${Math.round(delay / 1000)} s: ${reason}`);
      }
    } catch (dbError) {
      this.logger.error(`Could not record the outcome of mail ${mail.id} (it goes again after its lease): ${(dbError as Error).message}`);
    }
  }
}
