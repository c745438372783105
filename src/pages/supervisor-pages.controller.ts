import { Controller, Get, Param, Render, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { AuthedRequest } from '../auth/access.guard';
import { RequirePermission } from '../auth/require-permission.decorator';
import type { PageLanguage } from '../i18n/i18n';
import { TicketsService } from '../tickets/tickets.service';
import { PageLang } from './page-language';
import { SupervisorPageModels } from './supervisor-page-models';

@ApiExcludeController()
@Controller()
export class SupervisorPagesController {
  constructor(
    private readonly models: SupervisorPageModels,
    private readonly tickets: TicketsService,
  ) {}

  @Get('supervisor')
  @RequirePermission('desk:supervise')
  @Render('supervisor/board')
  board(@Req() request: AuthedRequest, @PageLang() lang: PageLanguage) {
    return this.models.board(lang, request.actor!);
  }

  @Get('supervisor/chats/:id')
  @RequirePermission('desk:supervise')
  @Render('supervisor/chat')
  async chat(@Req() request: AuthedRequest, @PageLang() lang: PageLanguage, @Param('id') id: string) {
    return this.models.chat(lang, request.actor!, request.session.csrfToken, await this.tickets.get(request.actor!, id));
  }

  @Get('supervisor/history')
  @RequirePermission('history:read')
  @Render('supervisor/history')
  history(@Req() request: AuthedRequest, @PageLang() lang: PageLanguage) {
    return this.models.history(lang, request.actor!);
  }

  @Get('supervisor/metrics')
  @RequirePermission('metrics:read')
  @Render('supervisor/metrics')
  metrics(@Req() request: AuthedRequest, @PageLang() lang: PageLanguage) {
    return this.models.metrics(lang, request.actor!);
  }

  @Get('supervisor/privacy')
  @RequirePermission('privacy:manage')
  @Render('supervisor/privacy')
  privacy(@Req() request: AuthedRequest, @PageLang() lang: PageLanguage) {
    return this.models.privacy(lang, request.actor!, request.session.csrfToken);
  }

  @Get('admin/staff')
  @RequirePermission('staff:manage')
  @Render('admin/staff')
  staff(@Req() request: AuthedRequest, @PageLang() lang: PageLanguage) {
    return this.models.staff(lang, request.actor!, request.session.csrfToken);
  }
}
