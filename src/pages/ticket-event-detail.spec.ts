import { ticketEventDetail } from './ticket-event-detail';

describe('ticketEventDetail', () => {
  it('says what the data means in the page’s language', () => {
    expect(ticketEventDetail('nb', 'converted-to-ticket', { reason: 'agent' })).toBe('av rådgiveren i chatten');
    expect(ticketEventDetail('en', 'converted-to-ticket', { reason: 'closing time' })).toBe('the chat closed');
    expect(ticketEventDetail('nn', 'requeued', { fromUserId: 'x', reason: 'agent unavailable' })).toBe('rådgjevaren vart utilgjengeleg');
    expect(ticketEventDetail('en', 'closed', { outcome: 'referred' })).toBe('Referred to the provider');
    expect(ticketEventDetail('nb', 'contact-left', { email: true, phone: false })).toBe('e-postadresse');
    expect(ticketEventDetail('en', 'contact-left', { email: true, phone: true })).toBe('e-mail address and phone number');
    expect(ticketEventDetail('en', 'transferred', { toUserId: 'x', toName: 'Ida' })).toBe('to Ida');
    expect(ticketEventDetail('en', 'referred', { provider: 'e-boks' })).toBe('e-Boks');
    expect(ticketEventDetail('en', 'rated', { score: 4 })).toBe('4 of 5');
    expect(ticketEventDetail('nb', 'earlier-contacts', { matchedBy: 'email', found: 2 })).toBe('2 funnet på e-postadresse');
    expect(ticketEventDetail('en', 'updated', { status: 'pending', assigneeId: null })).toBe('Pending, no assignee');
  });

  it('leaves out what it has no words for, never showing raw keys or ids', () => {
    expect(ticketEventDetail('en', 'mailed', { mailId: 'f00', kind: 'unknown' })).toBe('');
    expect(ticketEventDetail('en', 'abandoned', { reason: 'something new' })).toBe('');
    expect(ticketEventDetail('en', 'verified', { acr: 'idporten-loa-high', amr: ['BankID'] })).toBe('');
    expect(ticketEventDetail('en', 'closed', undefined)).toBe('');
  });
});
