import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isValidNationalId, parseNationalId } from '../common/national-id';
import { FixtureContactRegister, FixtureIdportenUsers, RegistryFixture } from './fixture-registry.adapters';
import { idportenStatus } from './idporten-status';
import { mailboxStatus } from './mailbox-status';

const FIXTURE = join(__dirname, '../../data/registry.sample.json');

/**
 * Who is who in data/registry.sample.json (all synthetic: month + 80).
 * | number      | mailbox                                  | ID-porten                                  |
 * | 17858500060 | digipost                                 | active: MinID + BankID (BankID most recent) |
 * | 17858507472 | e-boks (922020175)                       | closed: SPERRET since 2026-10-02            |
 * | 22859197810 | e-boks (old 996460320)                   | never seen                                  |
 * | 26826499361 | none (active, no digital_post)           | active: BankID Mobil                        |
 * | 04846697271 | reserved, with a Digipost mailbox        | never seen                                  |
 * | 41819000032 | reserved, no mailbox (D-number)          | never seen                                  |
 * | 03899210041 | not-registered (IKKE_REGISTRERT)         | never seen                                  |
 * | 15927610016 | deleted (SLETTET)                        | never seen                                  |
 * | 28858810096 | digipost, contact details out of date    | active: Buypass                             |
 * | 09840110041 | not listed at all → not-registered       | never seen                                  |
 */
const PEOPLE: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
  ['17858500060', { state: 'digipost', address: 'ola.nordmann#9YDT', contactOutdated: false, suggestedReferral: 'digipost' }, { state: 'active', lastLogin: '2026-11-23T07:05:00.000Z' }],
  ['17858507472', { state: 'e-boks', contactOutdated: false, suggestedReferral: 'e-boks' }, { state: 'closed', closedCode: 'SPERRET', closedAt: '2026-10-02T08:00:00.000Z' }],
  ['22859197810', { state: 'e-boks', suggestedReferral: 'e-boks' }, { state: 'never-seen' }],
  ['26826499361', { state: 'none', contactOutdated: false, suggestedReferral: null }, { state: 'active' }],
  ['04846697271', { state: 'reserved', address: 'lars.lie#4FQ2', contactOutdated: false }, { state: 'never-seen' }],
  ['41819000032', { state: 'reserved', contactOutdated: false }, { state: 'never-seen' }],
  ['03899210041', { state: 'not-registered' }, { state: 'never-seen' }],
  ['15927610016', { state: 'deleted' }, { state: 'never-seen' }],
  ['28858810096', { state: 'digipost', contactOutdated: true, suggestedReferral: 'digipost' }, { state: 'active' }],
  ['09840110041', { state: 'not-registered' }, { state: 'never-seen' }],
];

describe('the registry fixture', () => {
  const fixture = new RegistryFixture(FIXTURE);
  const krr = new FixtureContactRegister(fixture);
  const idporten = new FixtureIdportenUsers(fixture);

  it('holds synthetic, valid national identity numbers only', async () => {
    const content = (await fixture.load()) as { krr: { personer: Array<{ personidentifikator: string }> }; idporten: Array<{ person_identifier: string }> };
    const numbers = [...content.krr.personer.map((p) => p.personidentifikator), ...content.idporten.map((u) => u.person_identifier), ...PEOPLE.map(([id]) => id)];
    for (const id of numbers) {
      expect({ id, valid: isValidNationalId(id), synthetic: parseNationalId(id)?.synthetic }).toEqual({ id, valid: true, synthetic: true });
    }
  });

  it.each(PEOPLE)('%s has the documented mailbox and ID-porten state', async (id, mailbox, account) => {
    expect(mailboxStatus(await krr.lookup(id))).toMatchObject(mailbox);
    expect(idportenStatus(await idporten.search(id))).toMatchObject(account);
  });

  it('has the Digipost person with MinID and BankID, most recent first', async () => {
    expect(idportenStatus(await idporten.search('17858500060')).logins).toEqual([
      { eid: 'BankID', firstLogin: '2020-01-15T12:00:00.000Z', lastLogin: '2026-11-23T07:05:00.000Z' },
      { eid: 'MinID', firstLogin: '2019-03-04T08:12:00.000Z', lastLogin: '2026-11-20T17:40:00.000Z' },
    ]);
  });

  it('makes every look-up unavailable when the file is missing or broken, without throwing', async () => {
    const missing = new RegistryFixture(join(tmpdir(), 'no-such-registry-fixture.json'));
    await expect(new FixtureContactRegister(missing).lookup('17858500060')).resolves.toBe('unavailable');
    await expect(new FixtureIdportenUsers(missing).search('17858500060')).resolves.toBe('unavailable');

    const broken = join(mkdtempSync(join(tmpdir(), 'registry-')), 'broken.json');
    writeFileSync(broken, '{"krr": ');
    await expect(new FixtureContactRegister(new RegistryFixture(broken)).lookup('17858500060')).resolves.toBe('unavailable');
  });
});
