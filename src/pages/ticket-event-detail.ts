import { hasTranslation, translate, type PageLanguage } from '../i18n/i18n';

const PROVIDER_NAMES: Record<string, string> = { digipost: 'Digipost', 'e-boks': 'e-Boks' };

/** What a ticket event's data says, in the page's language; data the page has no words for is left out. */
export function ticketEventDetail(lang: PageLanguage, type: string, data: Record<string, unknown> | undefined): string {
  if (!data) return '';
  const known = (key: string, args?: Record<string, string>) => (hasTranslation(key) ? translate(lang, key, args) : '');
  switch (type) {
    case 'closed':
      return known(`outcome.${String(data.outcome)}`);
    case 'transferred':
      return typeof data.toName === 'string' ? translate(lang, 'tickets.detail.to', { name: data.toName }) : '';
    case 'referred':
      return PROVIDER_NAMES[String(data.provider)] ?? '';
    case 'rated':
      return Number.isInteger(data.score) ? translate(lang, 'tickets.detail.score', { score: String(data.score) }) : '';
    case 'contact-left':
      return known(`tickets.detail.contact.${data.email && data.phone ? 'both' : data.email ? 'email' : 'phone'}`);
    case 'mailed':
      return known(`tickets.detail.mail.${String(data.kind)}`);
    case 'reopened':
      return data.by === 'email' ? translate(lang, 'tickets.detail.reopenedByEmail') : '';
    case 'updated':
      return changedFields(lang, data);
    case 'earlier-contacts':
      return Number.isInteger(data.found) ? known(`tickets.detail.earlier.${String(data.matchedBy)}`, { count: String(data.found) }) : '';
    default:
      return typeof data.reason === 'string' ? known(`tickets.reason.${data.reason.replace(/\s+/g, '-')}`) : '';
  }
}

function changedFields(lang: PageLanguage, data: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof data.status === 'string') parts.push(translate(lang, `ticketStatus.${data.status}`));
  if (typeof data.outcome === 'string') parts.push(translate(lang, `outcome.${data.outcome}`));
  if (typeof data.topic === 'string') parts.push(translate(lang, `topic.${data.topic}`));
  if ('assigneeId' in data) parts.push(translate(lang, data.assigneeId ? 'tickets.detail.assigned' : 'tickets.detail.unassigned'));
  return parts.join(', ');
}
