import { DomainError } from '../common/errors';
import { personFrom, phoneVariants, ticketsOfPerson } from './person';

describe('person', () => {
  it('compares e-mail in lower case and phones as digits, and needs at least one key', () => {
    expect(personFrom({ email: 'Kari@Example.no', phone: '+47 (912) 34-567' })).toEqual({ nationalId: null, email: 'kari@example.no', phone: '4791234567' });
    expect(() => personFrom({})).toThrow(DomainError);
  });

  it('matches a Norwegian number with and without its country code', () => {
    expect(phoneVariants('91234567').sort()).toEqual(['004791234567', '4791234567', '91234567']);
    expect(phoneVariants('4791234567').sort()).toEqual(['004791234567', '4791234567', '91234567']);
    expect(phoneVariants('004791234567').sort()).toEqual(['004791234567', '4791234567', '91234567']);
  });

  it('picks tickets on any of the keys given, with placeholders only', () => {
    const { where, params } = ticketsOfPerson({ nationalId: '17858500060', email: null, phone: '91234567' }, (n) => Array(n).fill('?').join(', '));
    expect(where).toContain('t.national_id = ?');
    expect(where).not.toContain('17858500060');
    expect(params).toEqual(['17858500060', '91234567', '4791234567', '004791234567', '17858500060']);
  });

  it('leaves out tickets that carry another identity number, and counts them apart', () => {
    const list = (n: number) => Array(n).fill('?').join(', ');
    expect(ticketsOfPerson({ nationalId: null, email: 'kari@example.no', phone: null }, list).where).toMatch(/AND t\.national_id IS NULL$/);
    expect(ticketsOfPerson({ nationalId: '17858500060', email: 'kari@example.no', phone: null }, list).where).toMatch(/AND \(t\.national_id IS NULL OR t\.national_id = \?\)$/);
    expect(ticketsOfPerson({ nationalId: null, email: 'kari@example.no', phone: null }, list, 'withheld').where).toMatch(/AND NOT t\.national_id IS NULL$/);
    // Mail: what the person sent in, or what was sent to them; never the desk's own address on the other side.
    expect(ticketsOfPerson({ nationalId: null, email: 'kari@example.no', phone: null }, list).where).toContain("(m.direction = 'in' AND lower(m.from_address) = ?)");
  });
});
