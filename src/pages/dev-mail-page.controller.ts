import { Controller, Get, Render, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { AuthedRequest } from '../auth/access.guard';
import { RequirePermission } from '../auth/require-permission.decorator';
import { notFound } from '../common/errors';
import { AppConfig } from '../config/app-config';
import type { PageLanguage } from '../i18n/i18n';
import { MailStore } from '../mail/mail-store';
import { PageLang } from './page-language';
import { StaffPageModels } from './staff-page-models';

const SHOWN = 100;

@ApiExcludeController()
@Controller()
export class DevMailPageController {
  constructor(
    private readonly config: AppConfig,
    private readonly mails: MailStore,
    private readonly models: StaffPageModels,
  ) {}

  @Get('dev/mail')
  @RequirePermission('ticket:read')
  @Render('dev/mail')
  async mailbox(@Req() request: AuthedRequest, @PageLang() lang: PageLanguage) {
    if (this.config.isProduction) throw notFound('Page');
    return this.models.devMail(lang, request.actor!, this.config.mail.outbound, await this.mails.listOutgoing(SHOWN));
  }
}
