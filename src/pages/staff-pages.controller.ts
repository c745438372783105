import { Controller, Get, Param, Query, Render, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { AuthedRequest } from '../auth/access.guard';
import { RequirePermission } from '../auth/require-permission.decorator';
import type { PageLanguage } from '../i18n/i18n';
import { TicketsService } from '../tickets/tickets.service';
import { PageLang } from './page-language';
import { StaffPageModels } from './staff-page-models';

@ApiExcludeController()
@Controller()
export class StaffPagesController {
  constructor(
    private readonly models: StaffPageModels,
    private readonly tickets: TicketsService,
  ) {}

  @Get('agent/tickets')
  @RequirePermission('ticket:read')
  @Render('agent/tickets')
  list(@Req() request: AuthedRequest, @PageLang() lang: PageLanguage, @Query() query: Record<string, unknown>) {
    return this.models.tickets(lang, request.actor!, request.session.csrfToken, query);
  }

  @Get('agent/tickets/new')
  @RequirePermission('ticket:write')
  @Render('agent/ticket-new')
  create(@Req() request: AuthedRequest, @PageLang() lang: PageLanguage) {
    return this.models.ticketNew(lang, request.actor!, request.session.csrfToken);
  }

  @Get('agent/tickets/:id')
  @RequirePermission('ticket:read')
  @Render('agent/ticket')
  async ticket(@Req() request: AuthedRequest, @PageLang() lang: PageLanguage, @Param('id') id: string) {
    return this.models.ticket(lang, request.actor!, request.session.csrfToken, await this.tickets.get(request.actor!, id));
  }

  @Get('supervisor/replies')
  @RequirePermission('replies:manage')
  @Render('supervisor/replies')
  replies(@Req() request: AuthedRequest, @PageLang() lang: PageLanguage) {
    return this.models.replies(lang, request.actor!, request.session.csrfToken);
  }
}
