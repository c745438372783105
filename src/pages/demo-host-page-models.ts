import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import type { PageLanguage } from '../i18n/i18n';
import { PROVIDERS, ProviderDirectory } from '../referrals/provider-directory';
import { describeSchedule } from './opening-hours-text';

export type DemoHostPage = 'choose' | 'change';

/** The host site's two pages, in the order its navigation lists them. */
const DEMO_PAGES: readonly { page: DemoHostPage; path: string; labelKey: string }[] = [
  { page: 'choose', path: '/demo', labelKey: 'demo.choose.title' },
  { page: 'change', path: '/demo/change-provider', labelKey: 'demo.change.title' },
];

/** "(+47) 800 30 300" → "tel:+4780030300". */
export const telHref = (phone: string): string => `tel:${phone.replace(/[^\d+]/g, '')}`;

/**
 * The demo host page: an agency information page ("Choose a digital mailbox") that embeds the chat
 * widget as any other site would. Its contact details come from the provider directory and its
 * opening hours from the schedule, so the page tells what the desk is configured to do.
 */
@Injectable()
export class DemoHostPageModels {
  constructor(
    private readonly config: AppConfig,
    private readonly directory: ProviderDirectory,
  ) {}

  choose(lang: PageLanguage) {
    return {
      ...this.common(lang, 'choose'),
      titleKey: 'demo.choose.title',
      providers: PROVIDERS.map((provider) => {
        const card = this.directory.referralCard(provider, lang);
        // e-Boks's help pages are its contact form: one link, not the same link twice.
        return { ...card, phoneHref: telHref(card.phone), helpPage: card.web === card.contactForm ? undefined : card.web };
      }),
    };
  }

  changeProvider(lang: PageLanguage) {
    return { ...this.common(lang, 'change'), titleKey: 'demo.change.title', changeMailboxUrl: this.directory.changeMailboxUrl() };
  }

  private common(lang: PageLanguage, current: DemoHostPage) {
    const desk = this.directory.desk();
    return {
      layout: 'layouts/demo-host',
      nav: DEMO_PAGES.map(({ page, path, labelKey }) => ({ href: `${path}?lang=${lang}`, labelKey, current: page === current })),
      home: `/demo?lang=${lang}`,
      changeProvider: `/demo/change-provider?lang=${lang}`,
      support: { phone: desk.phone, phoneHref: telHref(desk.phone), email: desk.email, hours: describeSchedule(this.config.openingHours.schedule, lang) },
      widgetLang: lang,
    };
  }
}
