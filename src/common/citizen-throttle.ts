import { Injectable } from '@nestjs/common';
import { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../config/app-config';
import { RateLimiterFactory } from '../scaling/rate-limiter.factory';
import { DomainError } from './errors';

@Injectable()
export class CitizenThrottle {
  private readonly starts: RateLimiterAbstract;
  private readonly messages: RateLimiterAbstract;

  constructor(config: AppConfig, limiters: RateLimiterFactory) {
    this.starts = limiters.create({ keyPrefix: 'start', points: config.rateLimitStarts, duration: 600 });
    this.messages = limiters.create({ keyPrefix: 'message', points: 60, duration: 60 });
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
}
