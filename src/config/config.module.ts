import { Global, Module } from '@nestjs/common';
import { ClientAddresses } from '../common/client-address';
import { Clock, OffsetClock, SystemClock } from '../common/clock';
import { AppConfig } from './app-config';
import { NationalIdHasher } from './national-id-hash';

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
        { provide: NationalIdHasher, useValue: new NationalIdHasher(config.nationalIdHashKey) },
      ],
      exports: [AppConfig, Clock, ClientAddresses, NationalIdHasher],
    };
  }
}
