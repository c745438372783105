import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { OpeningHours } from './opening-hours';
import { OpeningHoursController } from './opening-hours.controller';
import { OpeningHoursService } from './opening-hours.service';

@Module({
  controllers: [OpeningHoursController],
  providers: [
    { provide: OpeningHours, inject: [AppConfig], useFactory: (c: AppConfig) => new OpeningHours(c.openingHours) },
    OpeningHoursService,
  ],
  exports: [OpeningHoursService],
})
export class OpeningHoursModule {}
