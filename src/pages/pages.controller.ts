import { Controller, Get, Header, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthedRequest } from '../auth/access.guard';
import { citizenLoginView } from '../auth/idporten/citizen-identity';
import { Public } from '../auth/public.decorator';
import { PasswordChangeExempt } from '../auth/password-change-exempt.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import type { PageLanguage } from '../i18n/i18n';
import { PageLang } from './page-language';
import { PageModels } from './page-models';

@ApiExcludeController()
@Controller()
export class PagesController {
  constructor(private readonly models: PageModels) {}

  // Not cached: it shows the (masked) identity of a citizen logged in with ID-porten.
  @Public()
  @Get()
  @Header('Cache-Control', 'no-store')
  @Render('citizen/index')
  citizen(@Req() request: AuthedRequest, @PageLang() lang: PageLanguage, @Query('login') login: unknown) {
    return this.models.citizen(lang, citizenLoginView(request.session?.citizenIdentity), login === 'failed');
  }

  @Public()
  @Get('login')
  login(@Req() request: AuthedRequest, @Res() response: Response, @PageLang() lang: PageLanguage, @Query('next') next: unknown): void {
    if (request.actor) return response.redirect(303, '/agent');
    response.render('auth/login', this.models.login(lang, next));
  }

  @Get('password')
  @PasswordChangeExempt()
  @Render('auth/password')
  password(@Req() request: AuthedRequest, @PageLang() lang: PageLanguage) {
    return this.models.password(lang, request.actor!, request.session.csrfToken);
  }

  @Get('agent')
  @RequirePermission('chat:handle')
  @Render('agent/index')
  agent(@Req() request: AuthedRequest, @PageLang() lang: PageLanguage) {
    return this.models.agent(lang, request.actor!, request.session.csrfToken);
  }
}
