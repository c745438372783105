import { Body, Controller, Get, Header, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { join } from 'node:path';
import { Public } from '../auth/public.decorator';
import { ChatAccess } from '../chat/chat-access.service';
import { ChatIdentityService } from '../chat/chat-identity.service';
import { CitizenThrottle } from '../common/citizen-throttle';
import { DomainError, forbidden } from '../common/errors';
import { AppConfig } from '../config/app-config';
import { DEFAULT_LANGUAGE, isLanguage, type PageLanguage } from '../i18n/i18n';
import { PROJECT_ROOT } from '../pages/views';
import { allowedHostOrigin } from './embed-origin';
import { WidgetVerifyDto } from './widget-verify.dto';
import { WidgetLoginCodes } from './widget-login-code';
import { WidgetPageModels } from './widget-page-models';

const LOADER_FILE = join(PROJECT_ROOT, 'public/js/widget/loader.js');

/** The embeddable chat: the loader, its frame, the end of its log-in popup and the log-in's hand-over. */
@ApiTags('widget')
@Public()
@Controller()
export class WidgetController {
  constructor(
    private readonly models: WidgetPageModels,
    private readonly codes: WidgetLoginCodes,
    private readonly access: ChatAccess,
    private readonly verification: ChatIdentityService,
    private readonly config: AppConfig,
    private readonly throttle: CitizenThrottle,
  ) {}

  @ApiExcludeEndpoint()
  @Get('widget.js')
  loader(@Res() response: Response): void {
    response.sendFile(LOADER_FILE, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' }, maxAge: this.config.isProduction ? '1h' : 0 });
  }

  /**
   * The citizen page for a panel on `host`. Served only for a host the desk allows: the frame then
   * trusts no other parent and sends its messages to that origin alone.
   */
  @ApiExcludeEndpoint()
  @Get('widget/frame')
  @Header('Cache-Control', 'no-store')
  frame(@Req() request: Request, @Res() response: Response, @Query('host') host: unknown, @Query('locale') locale: unknown): void {
    const allowed = allowedHostOrigin(host, this.ownOrigins(request), this.config.embedOrigins);
    if (!allowed) throw forbidden('This site may not embed the chat');
    const lang = languageOf(locale);
    response.locals.lang = lang;
    response.render('citizen/index', this.models.frame(lang, allowed));
  }

  /** The log-in popup's last page (a top-level page of the desk, so it has the session). */
  @ApiExcludeEndpoint()
  @Get('widget/logged-in')
  @Header('Cache-Control', 'no-store')
  loggedIn(@Req() request: Request, @Res() response: Response, @Query('lang') locale: unknown): void {
    const identity = request.session?.citizenIdentity;
    const lang = languageOf(locale);
    response.locals.lang = lang;
    response.render('widget/logged-in', this.models.loggedIn(lang, identity, identity ? this.codes.issue(identity) : null));
  }

  /** The frame's chat becomes verified with the code its log-in popup handed over. */
  @Post('api/widget/verify')
  @HttpCode(200)
  @ApiOkResponse({ schema: { type: 'object', properties: { verified: { type: 'boolean' } } } })
  async verify(@Req() request: Request, @Body() input: WidgetVerifyDto): Promise<{ verified: boolean }> {
    await this.throttle.consumeVerify(request.ip ?? 'unknown');
    const identity = this.codes.read(input.code);
    if (!identity) throw new DomainError('UNAUTHENTICATED', 'The log-in code is not valid or has expired');
    const chat = await this.verification.apply(await this.access.chatForToken(input.token), identity);
    return { verified: chat.verified };
  }

  /** The desk's own origin, as the browser sees it (also behind a proxy) and as configured. */
  private ownOrigins(request: Request): string[] {
    return [`${request.protocol}://${request.get('host')}`, new URL(this.config.publicUrl).origin];
  }
}

function languageOf(value: unknown): PageLanguage {
  return isLanguage(value) ? value : DEFAULT_LANGUAGE;
}
