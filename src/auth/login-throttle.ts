import { Injectable } from '@nestjs/common';
import { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../common/errors';
import { AppConfig } from '../config/app-config';
import { RateLimiterFactory } from '../scaling/rate-limiter.factory';

const PAIR_WINDOW_SECONDS = 15 * 60;
const USER_WINDOW_SECONDS = 60 * 60;
// Per name over all addresses: a spread-out guess gets ~50 tries an hour; a lock-out costs as many addresses.
const USER_LIMIT_FACTOR = 10;
const ADDRESS_LIMIT_FACTOR = 4;

@Injectable()
export class LoginThrottle {
  private readonly byPair: RateLimiterAbstract;
  private readonly byUsername: RateLimiterAbstract;
  private readonly byAddress: RateLimiterAbstract;

  constructor(config: AppConfig, limiters: RateLimiterFactory) {
    this.byPair = limiters.create({ keyPrefix: 'login-pair', points: config.rateLimitLogins, duration: PAIR_WINDOW_SECONDS });
    this.byUsername = limiters.create({ keyPrefix: 'login-user', points: config.rateLimitLogins * USER_LIMIT_FACTOR, duration: USER_WINDOW_SECONDS });
    this.byAddress = limiters.create({ keyPrefix: 'login-ip', points: config.rateLimitLogins * ADDRESS_LIMIT_FACTOR, duration: PAIR_WINDOW_SECONDS });
  }

  async assertAllowed(username: string, address: string): Promise<void> {
    const name = username.toLowerCase();
    const counts = await Promise.all([this.byPair.get(pairKey(name, address)), this.byUsername.get(name), this.byAddress.get(address)]);
    const blocked = counts.find((res): res is RateLimiterRes => res !== null && res.remainingPoints <= 0);
    if (blocked) {
      const minutes = Math.max(1, Math.ceil(blocked.msBeforeNext / 60000));
      throw new DomainError('RATE_LIMITED', `Too many failed log-ins. Try again in ${minutes} minute(s).`);
    }
  }

  async recordFailure(username: string, address: string): Promise<void> {
    const name = username.toLowerCase();
    await Promise.all([this.byPair.penalty(pairKey(name, address), 1), this.byUsername.penalty(name, 1), this.byAddress.penalty(address, 1)]);
  }

  // The owner logging in does not wipe the count of a guess from elsewhere.
  async recordSuccess(username: string, address: string): Promise<void> {
    await this.byPair.delete(pairKey(username.toLowerCase(), address));
  }
}

const pairKey = (username: string, address: string) => `${address}|${username}`;
