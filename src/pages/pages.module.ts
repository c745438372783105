import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { OpeningHoursModule } from '../opening-hours/opening-hours.module';
import { TicketsModule } from '../tickets/tickets.module';
import { DevMailPageController } from './dev-mail-page.controller';
import { PageModels } from './page-models';
import { PagesController } from './pages.controller';
import { StaffPageModels } from './staff-page-models';
import { StaffPagesController } from './staff-pages.controller';
import { SupervisorPageModels } from './supervisor-page-models';
import { SupervisorPagesController } from './supervisor-pages.controller';

/** Citizen page, staff log-in, agent console, ticket pages and the supervisor's replies. Views and helpers are set up by configureViews(). */
@Module({
  imports: [OpeningHoursModule, TicketsModule, MailModule],
  controllers: [PagesController, StaffPagesController, SupervisorPagesController, DevMailPageController],
  providers: [PageModels, StaffPageModels, SupervisorPageModels],
  exports: [PageModels],
})
export class PagesModule {}
