import { Module } from '@nestjs/common';
import { ChatModule } from '../chat/chat.module';
import { PagesModule } from '../pages/pages.module';
import { TicketsModule } from '../tickets/tickets.module';
import { WidgetController } from './widget.controller';
import { WidgetLoginCodes } from './widget-login-code';
import { WidgetPageModels } from './widget-page-models';

/** The chat embedded on other sites: loader, frame (the citizen page's embed mode) and its popup log-in. */
@Module({
  imports: [ChatModule, PagesModule, TicketsModule],
  controllers: [WidgetController],
  providers: [WidgetPageModels, WidgetLoginCodes],
})
export class WidgetModule {}
