import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';

@Injectable()
export class RedisConnection implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  private readonly clients: Redis[] = [];
  readonly client: Redis | null;

  constructor(config: AppConfig) {
    this.client = config.redisUrl ? this.connect(config.redisUrl) : null;
  }

  // A subscribing Redis connection can do nothing else.
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
