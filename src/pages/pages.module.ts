import { Module } from '@nestjs/common';
import { OpeningHoursModule } from '../opening-hours/opening-hours.module';
import { PageModels } from './page-models';
import { PagesController } from './pages.controller';

/** Citizen page, staff log-in and agent console. Views and helpers are set up by configureViews(). */
@Module({
  imports: [OpeningHoursModule],
  controllers: [PagesController],
  providers: [PageModels],
})
export class PagesModule {}
