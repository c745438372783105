import { Injectable } from '@nestjs/common';
import type { StaffActor } from '../auth/actor';
import { Clock } from '../common/clock';
import { textsFor, type PageLanguage } from '../i18n/i18n';
import { ROLES } from '../staff/roles';
import type { TicketDetailDto } from '../tickets/ticket.dto';
import { PROVIDERS } from '../referrals/provider-directory';
import { REASON_MAX, REASON_MIN } from '../privacy/dto/person.dto';
import { CHANNELS, MAX_MESSAGE_LENGTH, OUTCOMES, TOPICS } from '../tickets/ticket.types';
import { CHART_CLIENT, chatPageModules } from './page-modules';
import { staffNav, type StaffSection } from './staff-page-models';


export const SUPERVISOR_BOARD_SCRIPT_TEXTS = ['board.', 'conn.', 'topic.', 'role.', 'agentStatus.', 'error.'];
export const SUPERVISOR_CHAT_SCRIPT_TEXTS = ['supchat.', 'agent.citizen.', 'conn.', 'author.', 'outcome.', 'topic.', 'ticketStatus.', 'tickets.event.', 'chat.referral', 'chat.sending', 'error.'];
export const SUPERVISOR_HISTORY_SCRIPT_TEXTS = ['history.', 'topic.', 'channel.', 'outcome.', 'error.'];
export const SUPERVISOR_METRICS_SCRIPT_TEXTS = ['metrics.', 'outcome.', 'channel.', 'error.'];
export const SUPERVISOR_PRIVACY_SCRIPT_TEXTS = ['privacy.', 'channel.', 'ticketStatus.', 'error.'];
export const STAFF_ADMIN_SCRIPT_TEXTS = ['staffAdmin.', 'role.', 'agentStatus.', 'error.'];

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

const staffUser = (actor: StaffActor) => ({ id: actor.id, username: actor.username, displayName: actor.displayName, role: actor.role });

@Injectable()
export class SupervisorPageModels {
  constructor(private readonly clock: Clock) {}

  private base(actor: StaffActor, section: StaffSection) {
    return { staff: true, staffNav: staffNav(actor, section), user: staffUser(actor), roleKey: `role.${actor.role}` };
  }

  board(lang: PageLanguage, actor: StaffActor) {
    return {
      ...this.base(actor, 'board'),
      titleKey: 'board.title',
      bodyClass: 'page-board',
      modules: chatPageModules('/js/supervisor/board.js'),
      pageData: { lang, serverNow: this.clock.now().toISOString(), texts: textsFor(lang, SUPERVISOR_BOARD_SCRIPT_TEXTS) },
    };
  }

  chat(lang: PageLanguage, actor: StaffActor, csrfToken: string | undefined, ticket: TicketDetailDto) {
    return {
      ...this.base(actor, 'board'),
      titleKey: 'supchat.title',
      bodyClass: 'page-supervisor-chat',
      modules: chatPageModules('/js/supervisor/chat.js'),
      ticket,
      statusKey: `ticketStatus.${ticket.status}`,
      topicKey: `topic.${ticket.topic}`,
      channelKey: `channel.${ticket.channel}`,
      maxLength: MAX_MESSAGE_LENGTH,
      pageData: {
        lang,
        csrfToken: csrfToken ?? '',
        chatId: ticket.id,
        reference: ticket.reference,
        maxLength: MAX_MESSAGE_LENGTH,
        texts: textsFor(lang, SUPERVISOR_CHAT_SCRIPT_TEXTS),
      },
    };
  }

  history(lang: PageLanguage, actor: StaffActor) {
    return {
      ...this.base(actor, 'history'),
      titleKey: 'history.title',
      bodyClass: 'page-history',
      modules: chatPageModules('/js/supervisor/history.js'),
      topics: TOPICS.map((value) => ({ value, labelKey: `topic.${value}` })),
      channels: CHANNELS.map((value) => ({ value, labelKey: `channel.${value}` })),
      outcomes: OUTCOMES.map((value) => ({ value, labelKey: `outcome.${value}` })),
      providers: PROVIDERS.map((value) => ({ value, labelKey: `history.provider.${value}` })),
      ratings: [1, 2, 3, 4, 5],
      pageData: { lang, texts: textsFor(lang, SUPERVISOR_HISTORY_SCRIPT_TEXTS) },
    };
  }

  metrics(lang: PageLanguage, actor: StaffActor) {
    const now = this.clock.now();
    const day = (date: Date) => date.toISOString().slice(0, 10);
    const defaults = { from: day(new Date(now.getTime() - 29 * 86_400_000)), to: day(now) };
    return {
      ...this.base(actor, 'metrics'),
      titleKey: 'metrics.title',
      bodyClass: 'page-metrics',
      modules: [CHART_CLIENT, '/js/supervisor/metrics.js'],
      defaults,
      pageData: { lang, defaults, texts: textsFor(lang, SUPERVISOR_METRICS_SCRIPT_TEXTS) },
    };
  }

  privacy(lang: PageLanguage, actor: StaffActor, csrfToken: string | undefined) {
    return {
      ...this.base(actor, 'privacy'),
      titleKey: 'privacy.title',
      bodyClass: 'page-privacy',
      modules: ['/js/supervisor/privacy.js'],
      reasonMin: REASON_MIN,
      reasonMax: REASON_MAX,
      pageData: { lang, csrfToken: csrfToken ?? '', reasonMin: REASON_MIN, reasonMax: REASON_MAX, texts: textsFor(lang, SUPERVISOR_PRIVACY_SCRIPT_TEXTS) },
    };
  }

  staff(lang: PageLanguage, actor: StaffActor, csrfToken: string | undefined) {
    return {
      ...this.base(actor, 'staff'),
      titleKey: 'staffAdmin.title',
      bodyClass: 'page-staff-admin',
      modules: ['/js/admin/staff.js'],
      roles: ROLES.map((value) => ({ value, labelKey: `role.${value}`, selected: value === 'agent' })),
      passwordMin: PASSWORD_MIN,
      passwordMax: PASSWORD_MAX,
      pageData: {
        lang,
        csrfToken: csrfToken ?? '',
        me: actor.id,
        roles: [...ROLES],
        passwordMin: PASSWORD_MIN,
        passwordMax: PASSWORD_MAX,
        texts: textsFor(lang, STAFF_ADMIN_SCRIPT_TEXTS),
      },
    };
  }
}
