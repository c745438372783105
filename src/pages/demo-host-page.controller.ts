import { Controller, Get, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { notFound } from '../common/errors';
import { AppConfig } from '../config/app-config';
import type { PageLanguage } from '../i18n/i18n';
import { DemoHostPageModels } from './demo-host-page-models';
import { PageLang } from './page-language';

/**
 * A host site for trying the chat widget: two pages of the agency's "Choose a digital mailbox"
 * information with the widget's script tag, so navigation between pages can be tried. Absent in
 * production, where the widget lives on the agency's real pages.
 */
@ApiExcludeController()
@Controller('demo')
export class DemoHostPageController {
  constructor(
    private readonly config: AppConfig,
    private readonly models: DemoHostPageModels,
  ) {}

  @Public()
  @Get()
  @Render('demo/choose')
  choose(@PageLang() lang: PageLanguage) {
    this.developmentOnly();
    return this.models.choose(lang);
  }

  @Public()
  @Get('change-provider')
  @Render('demo/change-provider')
  changeProvider(@PageLang() lang: PageLanguage) {
    this.developmentOnly();
    return this.models.changeProvider(lang);
  }

  private developmentOnly(): void {
    if (this.config.isProduction) throw notFound('Page');
  }
}
