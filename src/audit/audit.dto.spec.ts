import type { AuditRecordEntity } from './audit-record.entity';
import { mapAuditRecord } from './audit.dto';
import { nationalIdHash } from '../config/national-id-hash';

const KEY = 'test-key';

describe('audit records', () => {
  it('leave the hash out of the response', () => {
    const record: AuditRecordEntity = {
      id: 'a',
      actorId: 'u',
      actorName: 'Kari',
      ticketId: 't',
      subject: '178585*****',
      subjectHash: nationalIdHash('17858500060', KEY),
      action: 'citizen.lookup',
      purpose: 'ticket view',
      sources: ['krr', 'idporten'],
      outcome: { krr: 'ok', idporten: 'unavailable' },
      createdAt: new Date('2026-11-24T10:00:00Z'),
    };
    const dto = mapAuditRecord(record);
    expect(dto).toEqual({
      id: 'a',
      createdAt: '2026-11-24T10:00:00.000Z',
      actorId: 'u',
      actorName: 'Kari',
      ticketId: 't',
      subject: '178585*****',
      action: 'citizen.lookup',
      purpose: 'ticket view',
      sources: ['krr', 'idporten'],
      outcome: { krr: 'ok', idporten: 'unavailable' },
    });
    expect(JSON.stringify(dto)).not.toContain(record.subjectHash!);
  });
});
