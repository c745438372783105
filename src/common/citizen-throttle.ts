import { Injectable } from '@nestjs/common';
import { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../config/app-config';
import { LocalFirstLimiter } from '../scaling/local-first-limiter';
import { RateLimiterFactory } from '../scaling/rate-limiter.factory';
import { DomainError } from './errors';

// A citizen logs in a few times per chat at most; more from one address is someone trying codes.
const VERIFY_ATTEMPTS = 20;

@Injectable()
export class CitizenThrottle {
  private readonly starts: RateLimiterAbstract;
  private readonly messages: LocalFirstLimiter;
  private readonly verifications: RateLimiterAbstract;

  constructor(config: AppConfig, limiters: RateLimiterFactory) {
    this.starts = limiters.create({ keyPrefix: 'start', points: config.rateLimitStarts, duration: 600 });
    this.messages = limiters.createLocalFirst({ keyPrefix: 'message', points: 60, duration: 60 });
    this.verifications = limiters.create({ keyPrefix: 'widget-verify', points: VERIFY_ATTEMPTS, duration: 600 });
  }

  async consumeStart(address: string): Promise<void> {
    await consume(this.starts, address, 'Too many new conversations from your address. Please wait a few minutes.');
  }

  /** Judged on this instance's count, shared with the others within LocalFirstLimiter's interval. */
  async consumeMessage(chatId: string): Promise<void> {
    await consume(this.messages, chatId, 'You are sending messages too fast. Please wait a moment.');
  }

  async consumeVerify(address: string): Promise<void> {
    await consume(this.verifications, address, 'Too many log-in attempts from your address. Please wait a few minutes.');
  }
}

async function consume(limiter: { consume(key: string): Promise<unknown> }, key: string, refusal: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    throw new DomainError('RATE_LIMITED', refusal);
  }
}
