import { Injectable } from '@nestjs/common';
import { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../common/errors';
import { AppConfig } from '../config/app-config';
import { RateLimiterFactory } from '../scaling/rate-limiter.factory';

const WINDOW_SECONDS = 15 * 60;

/**
 * Counts failed log-ins per user name and per address. After RATE_LIMIT_LOGINS failures (default 5)
 * for one name, or four times that from one address, in 15 minutes, further attempts are refused
 * with RATE_LIMITED until the window passes.
 */
@Injectable()
export class LoginThrottle {
  private readonly byUsername: RateLimiterAbstract;
  private readonly byAddress: RateLimiterAbstract;

  constructor(config: AppConfig, limiters: RateLimiterFactory) {
    this.byUsername = limiters.create({ keyPrefix: 'login-user', points: config.rateLimitLogins, duration: WINDOW_SECONDS });
    this.byAddress = limiters.create({ keyPrefix: 'login-ip', points: config.rateLimitLogins * 4, duration: WINDOW_SECONDS });
  }

  async assertAllowed(username: string, address: string): Promise<void> {
    const [user, ip] = await Promise.all([this.byUsername.get(username.toLowerCase()), this.byAddress.get(address)]);
    const blocked = [user, ip].find((res): res is RateLimiterRes => res !== null && res.remainingPoints <= 0);
    if (blocked) {
      const minutes = Math.max(1, Math.ceil(blocked.msBeforeNext / 60000));
      throw new DomainError('RATE_LIMITED', `Too many failed log-ins. Try again in ${minutes} minute(s).`);
    }
  }

  async recordFailure(username: string, address: string): Promise<void> {
    await Promise.all([
      this.byUsername.penalty(username.toLowerCase(), 1),
      this.byAddress.penalty(address, 1),
    ]);
  }

  async recordSuccess(username: string): Promise<void> {
    await this.byUsername.delete(username.toLowerCase());
  }
}
