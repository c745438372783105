import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Clock } from '../common/clock';
import { RetentionService } from './retention.service';

const EVERY_MS = 60 * 60 * 1000;
// So that start-up and short test runs are not slowed by it.
const FIRST_RUN_MS = 60 * 1000;

@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Retention');
  private timers: NodeJS.Timeout[] = [];
  private running = false;

  constructor(
    private readonly retention: RetentionService,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    const first = setTimeout(() => void this.tick(), FIRST_RUN_MS);
    const hourly = setInterval(() => void this.tick(), EVERY_MS);
    first.unref();
    hourly.unref();
    this.timers = [first, hourly];
  }

  onModuleDestroy(): void {
    for (const timer of this.timers) clearTimeout(timer);
  }

  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.retention.run(this.clock.now());
    } catch (error) {
      this.logger.error(`Retention failed: ${(error as Error).stack ?? String(error)}`);
    } finally {
      this.running = false;
    }
  }
}
