import { Injectable } from '@nestjs/common';
import { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../config/app-config';
import { RateLimiterFactory } from '../scaling/rate-limiter.factory';
import { DomainError } from './errors';

// A citizen logs in a few times per chat at most; more from one address is someone trying codes.
const VERIFY_ATTEMPTS = 20;

@Injectable()
export class CitizenThrottle {
  private readonly starts: RateLimiterAbstract;
  private readonly messages: RateLimiterAbstract;
  private readonly verifications: RateLimiterAbstract;

  constructor(config: AppConfig, limiters: RateLimiterFactory) {
    this.starts = limiters.create({ keyPrefix: 'start', points: config.rateLimitStarts, duration: 600 });
    this.messages = limiters.create({ keyPrefix: 'message', points: 60, duration: 60 });
    this.verifications = limiters.create({ keyPrefix: 'widget-verify', points: VERIFY_ATTEMPTS, duration: 600 });
  }

  async consumeStart(address: string): Promise<void> {
    try {
      await this.starts.consume(address);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw new DomainError('RATE_LIMITED', 'Too many new conversations from your address. Please wait a few minutes.');
    }
  }

  async consumeMessage(chatId: string): Promise<void> {
    try {
      await this.messages.consume(chatId);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw new DomainError('RATE_LIMITED', 'You are sending messages too fast. Please wait a moment.');
    }
  }

  async consumeVerify(address: string): Promise<void> {
    try {
      await this.verifications.consume(address);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw new DomainError('RATE_LIMITED', 'Too many log-in attempts from your address. Please wait a few minutes.');
    }
  }
}
