import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { RequestHandler } from 'express';
import session from 'express-session';
import { Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { SessionEntity } from './session.entity';
import './session.types';
import { TypeormSessionStore } from './typeorm-session.store';

export const SESSION_COOKIE = 'desk.sid';
const EIGHT_HOURS_MS = 8 * 60 * 60 * 1000;

@Injectable()
export class SessionMiddlewareProvider {
  readonly store: TypeormSessionStore;
  readonly handler: RequestHandler;

  constructor(
    @InjectRepository(SessionEntity) sessions: Repository<SessionEntity>,
    transactions: Transactions,
    clock: Clock,
    config: AppConfig,
  ) {
    this.store = new TypeormSessionStore(sessions, transactions, clock);
    this.handler = session({
      name: SESSION_COOKIE,
      secret: config.sessionSecret,
      store: this.store,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      proxy: config.isProduction,
      cookie: { httpOnly: true, sameSite: 'lax', secure: config.isProduction, maxAge: EIGHT_HOURS_MS, path: '/' },
    });
  }
}
