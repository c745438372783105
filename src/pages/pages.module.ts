import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { OpeningHoursModule } from '../opening-hours/opening-hours.module';
import { ReferralsModule } from '../referrals/referrals.module';
import { TicketsModule } from '../tickets/tickets.module';
import { DemoHostPageController } from './demo-host-page.controller';
import { DemoHostPageModels } from './demo-host-page-models';
import { DevMailPageController } from './dev-mail-page.controller';
import { PageModels } from './page-models';
import { PagesController } from './pages.controller';
import { StaffPageModels } from './staff-page-models';
import { StaffPagesController } from './staff-pages.controller';
import { SupervisorPageModels } from './supervisor-page-models';
import { SupervisorPagesController } from './supervisor-pages.controller';

@Module({
  imports: [OpeningHoursModule, TicketsModule, MailModule, ReferralsModule],
  controllers: [PagesController, StaffPagesController, SupervisorPagesController, DevMailPageController, DemoHostPageController],
  providers: [PageModels, StaffPageModels, SupervisorPageModels, DemoHostPageModels],
  exports: [PageModels],
})
export class PagesModule {}
