import { hasTranslation, isLanguage, translate, type PageLanguage } from '../i18n/i18n';
import { formatInstant } from '../pages/view-helpers';
import { maskNationalIdsInText } from '../common/national-id-in-text';
import type { ExportFormat } from './dto/person.dto';
import type { PersonExport } from './privacy.service';

type Row = Record<string, unknown>;

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/** The export's file name: no key of the person, only the day it was made. */
export const exportFilename = (data: PersonExport, format: ExportFormat) => `innsyn-${data.generatedAt.slice(0, 10)}.${format}`;

/**
 * The readable right-of-access document, in the person's language (their latest contact's): one section
 * per ticket with its messages, notes, e-mails, attachments and events, then the look-ups of the person's data.
 * Handlebars escapes every value.
 */
export function exportViewModel(data: PersonExport) {
  const lang: PageLanguage = isLanguage(data.language) ? data.language : 'nb';
  const t = (key: string) => translate(lang, key);
  // A code the texts do not know yet is shown as it is.
  const known = (key: string, otherwise: string) => (hasTranslation(key) ? t(key) : otherwise);
  const when = (value: unknown) => (value ? formatInstant(value, lang) : '');
  const of = (rows: Row[], ticketId: unknown) => rows.filter((row) => row.ticketId === ticketId);
  const { records } = data;
  return {
    lang,
    generatedAt: when(data.generatedAt),
    person: [
      data.person.nationalId ? { label: t('privacy.field.nationalId'), value: data.person.nationalId } : null,
      data.person.email ? { label: t('privacy.field.email'), value: data.person.email } : null,
      data.person.phone ? { label: t('privacy.field.phone'), value: data.person.phone } : null,
    ].filter((item) => item !== null),
    empty: records.tickets.length === 0 && data.lookups.length === 0,
    lookups: data.lookups.map((lookup) => ({
      time: when(lookup.at),
      what: known(`privacy.lookup.${lookup.action}`, lookup.action),
      sources: lookup.sources.map((source) => known(`privacy.source.${source}`, source)).join(', '),
    })),
    tickets: records.tickets.map((ticket) => ({
      reference: text(ticket.reference),
      facts: [
        [t('privacy.doc.channel'), t(`channel.${text(ticket.channel)}`)],
        [t('privacy.doc.topic'), t(`topic.${text(ticket.topic)}`)],
        [t('privacy.doc.status'), t(`ticketStatus.${text(ticket.status)}`)],
        [t('privacy.doc.created'), when(ticket.createdAt)],
        [t('privacy.doc.name'), text(ticket.citizenName)],
        [t('privacy.field.email'), text(ticket.citizenEmail)],
        [t('privacy.field.phone'), text(ticket.citizenPhone)],
        [t('privacy.field.nationalId'), text(ticket.nationalId)],
        [t('privacy.doc.summary'), text(ticket.summary)],
        [t('privacy.doc.rating'), ticket.ratingScore === null || ticket.ratingScore === undefined ? '' : `${text(ticket.ratingScore)} ${text(ticket.ratingComment)}`.trim()],
      ]
        .filter(([, value]) => value !== '')
        .map(([label, value]) => ({ label, value })),
      messages: of(records.messages, ticket.id).map((m) => ({ time: when(m.createdAt), speaker: m.author === 'citizen' ? t('author.you') : text(m.authorName) || t(`author.${text(m.author)}`), body: text(m.body) })),
      notes: of(records.notes, ticket.id).map((n) => ({ time: when(n.createdAt), speaker: text(n.authorName), body: text(n.body) })),
      mails: [...of(records.mails, ticket.id), ...of(records.outbox, ticket.id)].map((m) => ({
        time: when(m.createdAt),
        direction: t(m.direction === 'in' ? 'privacy.doc.mailIn' : 'privacy.doc.mailOut'),
        subject: text(m.subject),
        body: text(m.body),
      })),
      attachments: of(records.attachments, ticket.id).map((a) => ({ time: when(a.createdAt), filename: text(a.filename), contentType: text(a.contentType), size: text(a.size) })),
      events: of(records.events, ticket.id).map((e) => ({ time: when(e.createdAt), type: text(e.type), actor: maskNationalIdsInText(text(e.actorName)) })),
    })),
  };
}
