import { Injectable } from '@nestjs/common';
import type { StaffActor } from '../auth/actor';
import { Clock } from '../common/clock';
import { safeLocalPath } from '../common/safe-local-path';
import { AppConfig } from '../config/app-config';
import { textsFor, type PageLanguage } from '../i18n/i18n';
import { OpeningHoursService } from '../opening-hours/opening-hours.service';
import { MAX_MESSAGE_LENGTH, STAFF_OUTCOMES, TOPICS } from '../tickets/ticket.types';
import { describeSchedule, describeStatus } from './opening-hours-text';
import { chatPageModules } from './page-modules';
import { PANEL_SCRIPT_TEXTS, staffNav } from './staff-page-models';
import { PASSWORD_MAX, PASSWORD_MIN } from './supervisor-page-models';
import type { CitizenLoginView } from '../auth/idporten/citizen-identity';

// docs/domain.md §5.
export const DESK_CONTACT = { phone: '(+47) 800 30 300', phoneHref: 'tel:+4780030300', email: 'brukerstotte@digdir.no' } as const;

export const CITIZEN_SCRIPT_TEXTS = ['chat.', 'conn.', 'queue.', 'ended.', 'rating.', 'error.', 'contact.', 'author.', 'transcript.', 'start.', 'status.justClosed', 'contactBack.'];
export const LOGIN_SCRIPT_TEXTS = ['login.', 'error.'];
export const PASSWORD_SCRIPT_TEXTS = ['password.', 'error.'];
export const AGENT_SCRIPT_TEXTS = ['agent.', 'conn.', 'error.', 'outcome.', 'topic.', 'author.', 'role.', 'chat.referral', 'chat.sending', 'replies.', 'lang.', ...PANEL_SCRIPT_TEXTS];

export const safeNextPath = safeLocalPath;

@Injectable()
export class PageModels {
  constructor(
    private readonly hours: OpeningHoursService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  citizen(lang: PageLanguage, identity: CitizenLoginView, loginFailed: boolean) {
    const status = this.hours.status();
    const view = describeStatus(status, lang);
    const home = `/?lang=${lang}`;
    return {
      identity: {
        ...identity,
        method: identity.loggedIn ? identity.amr.join(', ') : undefined,
        failed: loginFailed,
        loginUrl: `/auth/idporten/login?lang=${lang}&returnTo=${encodeURIComponent(home)}`,
        logoutUrl: `/auth/idporten/logout?returnTo=${encodeURIComponent(home)}`,
      },
      titleKey: 'citizen.title',
      bodyClass: 'page-citizen',
      modules: chatPageModules('/js/citizen/main.js'),
      status: view,
      hours: describeSchedule(this.config.openingHours.schedule, lang),
      desk: DESK_CONTACT,
      topics: TOPICS.map((value) => ({ value, labelKey: `topic.${value}` })),
      maxLength: MAX_MESSAGE_LENGTH,
      ratingScores: [1, 2, 3, 4, 5],
      pageData: {
        lang,
        open: status.open,
        now: status.now,
        opensAt: status.opensAt ?? null,
        closesAt: status.closesAt ?? null,
        maxLength: MAX_MESSAGE_LENGTH,
        texts: textsFor(lang, CITIZEN_SCRIPT_TEXTS),
      },
    };
  }

  login(lang: PageLanguage, next: unknown) {
    return {
      titleKey: 'login.title',
      bodyClass: 'page-login',
      modules: ['/js/auth/login.js'],
      pageData: { lang, next: safeNextPath(next) ?? '/agent', texts: textsFor(lang, LOGIN_SCRIPT_TEXTS) },
    };
  }

  password(lang: PageLanguage, actor: StaffActor, csrfToken: string | undefined) {
    return {
      titleKey: 'password.title',
      bodyClass: 'page-login',
      modules: ['/js/auth/password.js'],
      username: actor.username,
      pageData: { lang, csrfToken, passwordMin: PASSWORD_MIN, passwordMax: PASSWORD_MAX, texts: textsFor(lang, PASSWORD_SCRIPT_TEXTS) },
    };
  }

  agent(lang: PageLanguage, actor: StaffActor, csrfToken: string | undefined) {
    const user = { id: actor.id, username: actor.username, displayName: actor.displayName, role: actor.role };
    return {
      titleKey: 'agent.title',
      bodyClass: 'page-agent',
      staff: true,
      staffNav: staffNav(actor, 'console'),
      modules: chatPageModules('/js/agent/main.js'),
      user,
      roleKey: `role.${actor.role}`,
      outcomes: STAFF_OUTCOMES.map((value) => ({ value, labelKey: `outcome.${value}` })),
      maxLength: MAX_MESSAGE_LENGTH,
      pageData: {
        lang,
        user,
        csrfToken: csrfToken ?? '',
        serverNow: this.clock.now().toISOString(),
        outcomes: [...STAFF_OUTCOMES],
        maxLength: MAX_MESSAGE_LENGTH,
        texts: textsFor(lang, AGENT_SCRIPT_TEXTS),
      },
    };
  }
}
