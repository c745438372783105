import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';

/**
 * The Redis shared by every instance when REDIS_URL is set: Socket.IO's adapter publishes on it,
 * and the rate limiters count on it. Without REDIS_URL the desk is one process and needs none.
 */
@Injectable()
export class RedisConnection implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  private readonly clients: Redis[] = [];
  /** For commands (counters, publishing). Null when the desk runs without Redis. */
  readonly client: Redis | null;

  constructor(config: AppConfig) {
    this.client = config.redisUrl ? this.connect(config.redisUrl) : null;
  }

  /** A second connection: a subscribing Redis connection can do nothing else. */
  subscriber(): Redis {
    if (!this.client) throw new Error('REDIS_URL is not set');
    return this.track(this.client.duplicate());
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      this.clients.map(async (client) => {
        // quit() would wait in the offline queue while Redis is away.
        if (client.status !== 'ready') return client.disconnect();
        await client.quit().catch(() => client.disconnect());
      }),
    );
  }

  private connect(url: string): Redis {
    // Commands wait (and are retried) while Redis is briefly away rather than fail at once.
    return this.track(new Redis(url, { maxRetriesPerRequest: 3, enableAutoPipelining: true }));
  }

  private track(client: Redis): Redis {
    let reported = false;
    client.on('error', (error: Error) => {
      if (reported) return;
      reported = true;
      this.logger.error(`Redis connection problem: ${error.message}`);
    });
    client.on('ready', () => (reported = false));
    this.clients.push(client);
    return client;
  }
}
