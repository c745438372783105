import { Global, Module } from '@nestjs/common';
import { ClientAddresses } from '../common/client-address';
import { Clock, OffsetClock, SystemClock } from '../common/clock';
import { AppConfig } from './app-config';

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig) {
    return {
      module: ConfigModule,
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: Clock, useValue: config.fakeNow ? new OffsetClock(config.fakeNow) : new SystemClock() },
        { provide: ClientAddresses, useValue: new ClientAddresses(config.trustedProxies) },
      ],
      exports: [AppConfig, Clock, ClientAddresses],
    };
  }
}
