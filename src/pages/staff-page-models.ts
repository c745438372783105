import { Injectable } from '@nestjs/common';
import type { StaffActor } from '../auth/actor';
import { hasPermission } from '../auth/permissions';
import { textsFor, type PageLanguage } from '../i18n/i18n';
import { ticketEventDetail } from './ticket-event-detail';
import type { MailEntity } from '../mail/mail.entity';
import { referenceInSubject } from '../mail/mail-headers';
import { MAX_BODY_LENGTH, MAX_TITLE_LENGTH } from '../replies/dto/ready-reply.dto';
import type { TicketDetailDto } from '../tickets/ticket.dto';
import { CHANNELS, LANGUAGES, MAX_MESSAGE_LENGTH, STAFF_OUTCOMES, TICKET_STATUSES, TOPICS } from '../tickets/ticket.types';

export const EARLIER_SCRIPT_TEXTS = ['earlier.', 'channel.', 'topic.', 'ticketStatus.', 'outcome.'];
const PANEL_TEXTS = ['context.', 'referral.', 'mailbox.', 'idporten.', 'agent.refer', 'error.', ...EARLIER_SCRIPT_TEXTS];
export const TICKETS_SCRIPT_TEXTS = ['tickets.', 'ticketStatus.', 'channel.', 'topic.', 'outcome.', 'error.', 'agent.failed', ...EARLIER_SCRIPT_TEXTS];
export const TICKET_NEW_SCRIPT_TEXTS = ['tickets.', 'error.'];
export const TICKET_SCRIPT_TEXTS = ['tickets.', 'ticketStatus.', 'outcome.', 'error.', 'agent.failed', ...PANEL_TEXTS];
export const TICKET_MAIL_SCRIPT_TEXTS = ['mail.', 'author.', 'replies.', 'lang.', 'nav.devMail'];
export const REPLY_ADMIN_SCRIPT_TEXTS = ['replyAdmin.', 'replies.', 'lang.', 'topic.', 'error.'];
export const PANEL_SCRIPT_TEXTS = PANEL_TEXTS;

const EDITABLE_STATUSES = ['open', 'pending', 'closed'] as const;
const STAFF_CHANNELS = ['phone', 'email'] as const;

export type StaffSection = 'console' | 'tickets' | 'replies' | 'board' | 'history' | 'metrics' | 'privacy' | 'staff' | 'dev-mail';

export function staffNav(actor: StaffActor, current: StaffSection) {
  const items = [
    { section: 'console', href: '/agent', labelKey: 'nav.console' },
    { section: 'tickets', href: '/agent/tickets', labelKey: 'nav.tickets' },
    ...(hasPermission(actor.role, 'desk:supervise') ? [{ section: 'board', href: '/supervisor', labelKey: 'nav.board' }] : []),
    ...(hasPermission(actor.role, 'history:read') ? [{ section: 'history', href: '/supervisor/history', labelKey: 'nav.history' }] : []),
    ...(hasPermission(actor.role, 'metrics:read') ? [{ section: 'metrics', href: '/supervisor/metrics', labelKey: 'nav.metrics' }] : []),
    ...(hasPermission(actor.role, 'replies:manage') ? [{ section: 'replies', href: '/supervisor/replies', labelKey: 'nav.replies' }] : []),
    ...(hasPermission(actor.role, 'privacy:manage') ? [{ section: 'privacy', href: '/supervisor/privacy', labelKey: 'nav.privacy' }] : []),
    ...(hasPermission(actor.role, 'staff:manage') ? [{ section: 'staff', href: '/admin/staff', labelKey: 'nav.staff' }] : []),
  ];
  return items.map((item) => ({ ...item, current: item.section === current }));
}

const staffUser = (actor: StaffActor) => ({ id: actor.id, username: actor.username, displayName: actor.displayName, role: actor.role });

const pick = <T extends string>(allowed: readonly T[], value: unknown): T | '' =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : '';

@Injectable()
export class StaffPageModels {
  private base(lang: PageLanguage, actor: StaffActor, section: StaffSection) {
    return { staff: true, staffNav: staffNav(actor, section), user: staffUser(actor), roleKey: `role.${actor.role}` };
  }

  tickets(lang: PageLanguage, actor: StaffActor, csrfToken: string | undefined, query: Record<string, unknown>) {
    const citizenSearch = hasPermission(actor.role, 'citizen:search');
    const filters = {
      status: pick(TICKET_STATUSES, query.status),
      topic: pick(TOPICS, query.topic),
      channel: pick(CHANNELS, query.channel),
      q: typeof query.q === 'string' ? query.q.trim().slice(0, 100) : '',
    };
    return {
      ...this.base(lang, actor, 'tickets'),
      titleKey: 'tickets.title',
      bodyClass: 'page-tickets',
      modules: citizenSearch ? ['/js/ticket/list.js', '/js/ticket/citizen-search.js'] : ['/js/ticket/list.js'],
      citizenSearch,
      filters,
      statuses: TICKET_STATUSES.map((value) => ({ value, labelKey: `ticketStatus.${value}`, selected: value === filters.status })),
      topics: TOPICS.map((value) => ({ value, labelKey: `topic.${value}`, selected: value === filters.topic })),
      channels: CHANNELS.map((value) => ({ value, labelKey: `channel.${value}`, selected: value === filters.channel })),
      pageData: { lang, csrfToken: csrfToken ?? '', filters, texts: textsFor(lang, TICKETS_SCRIPT_TEXTS) },
    };
  }

  ticketNew(lang: PageLanguage, actor: StaffActor, csrfToken: string | undefined) {
    return {
      ...this.base(lang, actor, 'tickets'),
      titleKey: 'tickets.new.title',
      bodyClass: 'page-ticket-new',
      modules: ['/js/ticket/new.js'],
      channels: STAFF_CHANNELS.map((value, index) => ({ value, labelKey: `channel.${value}`, checked: index === 0 })),
      topics: TOPICS.map((value) => ({ value, labelKey: `topic.${value}` })),
      languages: LANGUAGES.map((value) => ({ value, labelKey: `lang.${value}`, selected: value === lang })),
      maxLength: MAX_MESSAGE_LENGTH,
      pageData: { lang, csrfToken: csrfToken ?? '', texts: textsFor(lang, TICKET_NEW_SCRIPT_TEXTS) },
    };
  }

  ticket(lang: PageLanguage, actor: StaffActor, csrfToken: string | undefined, ticket: TicketDetailDto) {
    const live = ticket.status === 'queued' || ticket.status === 'active';
    const mail = !live && (ticket.channel !== 'chat' || Boolean(ticket.contact.email));
    return {
      ...this.base(lang, actor, 'tickets'),
      titleKey: 'tickets.view.title',
      bodyClass: 'page-ticket',
      modules: mail ? ['/js/ticket/mail.js', '/js/ticket/page.js'] : ['/js/ticket/page.js'],
      ticket,
      live,
      mail,
      // An e-mail ticket answers to the sender; any other needs an address or number left on it.
      noWayBack: !live && ticket.channel !== 'email' && !ticket.contact.email && !ticket.contact.phone,
      channelKey: `channel.${ticket.channel}`,
      statusKey: `ticketStatus.${ticket.status}`,
      topicKey: `topic.${ticket.topic}`,
      languageKey: `lang.${ticket.language}`,
      messages: ticket.messages.map((m) => ({ ...m, authorKey: `author.${m.author}`, referral: m.kind === 'referral' })),
      events: ticket.events.map((e) => ({ ...e, labelKey: `tickets.event.${e.type}`, detail: ticketEventDetail(lang, e.type, e.data) })),
      statuses: EDITABLE_STATUSES.map((value) => ({ value, labelKey: `ticketStatus.${value}`, selected: value === ticket.status })),
      outcomes: STAFF_OUTCOMES.map((value) => ({ value, labelKey: `outcome.${value}`, selected: value === ticket.outcome })),
      // One the desk set (abandoned) is shown but cannot be chosen; an empty choice leaves it as it is.
      deskOutcomeKey: ticket.outcome && !(STAFF_OUTCOMES as readonly string[]).includes(ticket.outcome) ? `outcome.${ticket.outcome}` : null,
      maxLength: MAX_MESSAGE_LENGTH,
      pageData: {
        lang,
        csrfToken: csrfToken ?? '',
        ticketId: ticket.id,
        reference: ticket.reference,
        topic: ticket.topic,
        language: ticket.language,
        unread: ticket.unread,
        mail,
        texts: textsFor(lang, mail ? [...TICKET_SCRIPT_TEXTS, ...TICKET_MAIL_SCRIPT_TEXTS] : TICKET_SCRIPT_TEXTS),
      },
    };
  }

  devMail(lang: PageLanguage, actor: StaffActor, outbound: 'smtp' | 'dev-mailbox' | 'none', mails: MailEntity[]) {
    return {
      ...this.base(lang, actor, 'dev-mail'),
      devMailboxCurrent: true,
      titleKey: 'devMail.title',
      bodyClass: 'page-dev-mail',
      outboundKey: `devMail.outbound.${outbound}`,
      mails: mails.map((mail) => ({
        id: mail.id,
        ticketId: mail.ticketId,
        reference: referenceInSubject(mail.subject),
        kindKey: `mail.kind.${mail.kind}`,
        statusKey: `mail.status.${mail.status}`,
        failed: mail.status === 'failed',
        from: mail.fromAddress,
        to: mail.toAddress,
        subject: mail.subject,
        messageId: mail.headerMessageId,
        inReplyTo: mail.inReplyTo,
        references: mail.references,
        lastError: mail.lastError,
        attempts: mail.attempts,
        body: mail.body,
        createdAt: mail.createdAt.toISOString(),
        sentAt: mail.sentAt?.toISOString() ?? null,
      })),
    };
  }

  replies(lang: PageLanguage, actor: StaffActor, csrfToken: string | undefined) {
    return {
      ...this.base(lang, actor, 'replies'),
      titleKey: 'replyAdmin.title',
      bodyClass: 'page-replies',
      modules: ['/js/supervisor/replies.js'],
      languages: LANGUAGES.map((value) => ({ value, labelKey: `lang.${value}`, selected: value === lang })),
      topics: TOPICS.map((value) => ({ value, labelKey: `topic.${value}` })),
      maxTitle: MAX_TITLE_LENGTH,
      maxBody: MAX_BODY_LENGTH,
      pageData: { lang, csrfToken: csrfToken ?? '', texts: textsFor(lang, REPLY_ADMIN_SCRIPT_TEXTS) },
    };
  }
}
