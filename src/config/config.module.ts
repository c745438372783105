import { Global, Module } from '@nestjs/common';
import { Clock, OffsetClock, SystemClock } from '../common/clock';
import { AppConfig } from './app-config';

/** Provides the one AppConfig built at start-up, and the Clock it implies (FAKE_NOW). */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig) {
    return {
      module: ConfigModule,
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: Clock, useValue: config.fakeNow ? new OffsetClock(config.fakeNow) : new SystemClock() },
      ],
      exports: [AppConfig, Clock],
    };
  }
}
