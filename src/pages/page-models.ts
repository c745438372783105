import { Injectable } from '@nestjs/common';
import type { StaffActor } from '../auth/actor';
import { Clock } from '../common/clock';
import { safeLocalPath } from '../common/safe-local-path';
import { AppConfig } from '../config/app-config';
import { textsFor, type PageLanguage } from '../i18n/i18n';
import { OpeningHoursService } from '../opening-hours/opening-hours.service';
import { MAX_MESSAGE_LENGTH, STAFF_OUTCOMES, TOPICS } from '../tickets/ticket.types';
import { describeSchedule, describeStatus } from './opening-hours-text';
import { PANEL_SCRIPT_TEXTS, staffNav } from './staff-page-models';
import type { CitizenLoginView } from '../auth/idporten/citizen-identity';

/** The desk's own contact points (docs/domain.md §5). */
export const DESK_CONTACT = { phone: '(+47) 800 30 300', phoneHref: 'tel:+4780030300', email: 'brukerstotte@digdir.no' } as const;

const SOCKET_CLIENT = '/vendor/socket.io/socket.io.min.js';
const COMMON_SCRIPT = '/js/common.js';

/**
 * A page loads `scripts` (classic, deferred) and then `modules` (ES modules, which import the rest
 * of their folder and public/js/chat/); both run after parsing, in that order.
 */
/** Texts the browser scripts need, by key prefix (embedded in the page-data block). */
export const CITIZEN_SCRIPT_TEXTS = ['chat.', 'conn.', 'queue.', 'ended.', 'rating.', 'error.', 'contact.', 'author.', 'transcript.', 'start.', 'status.justClosed'];
export const LOGIN_SCRIPT_TEXTS = ['login.', 'error.'];
const PASSWORD_SCRIPT_TEXTS = ['password.', 'error.'];
export const AGENT_SCRIPT_TEXTS = ['agent.', 'conn.', 'error.', 'outcome.', 'topic.', 'author.', 'role.', 'chat.referral', 'chat.sending', 'replies.', 'lang.', ...PANEL_SCRIPT_TEXTS];

/** Only a path on this site: "/agent", never "//evil.example" or "/\evil.example". */
export const safeNextPath = safeLocalPath;

/** What each page template gets: translation keys and data, never finished sentences in markup. */
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
      scripts: [SOCKET_CLIENT, COMMON_SCRIPT],
      modules: ['/js/citizen/main.js'],
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
      scripts: [COMMON_SCRIPT, '/js/login.js'],
      pageData: { lang, next: safeNextPath(next) ?? '/agent', texts: textsFor(lang, LOGIN_SCRIPT_TEXTS) },
    };
  }

  password(lang: PageLanguage, actor: StaffActor, csrfToken: string | undefined) {
    return {
      titleKey: 'password.title',
      bodyClass: 'page-login',
      scripts: [COMMON_SCRIPT, '/js/password.js'],
      username: actor.username,
      pageData: { lang, csrfToken, texts: textsFor(lang, PASSWORD_SCRIPT_TEXTS) },
    };
  }

  agent(lang: PageLanguage, actor: StaffActor, csrfToken: string | undefined) {
    const user = { id: actor.id, username: actor.username, displayName: actor.displayName, role: actor.role };
    return {
      titleKey: 'agent.title',
      bodyClass: 'page-agent',
      staff: true,
      staffNav: staffNav(actor, 'console'),
      scripts: [SOCKET_CLIENT, COMMON_SCRIPT],
      modules: ['/js/agent/main.js'],
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
