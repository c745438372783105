import { citizenLoginView, identityFromClaims, IdportenClaimsError, normaliseAmr } from './citizen-identity';

const PID = '17858500060';

describe('identityFromClaims', () => {
  it('keeps pid, acr, amr and auth_time from today’s platform', () => {
    expect(identityFromClaims({ sub: 'x', pid: PID, acr: 'idporten-loa-high', amr: ['BankID'], auth_time: 1_795_600_000 })).toEqual({
      pid: PID,
      acr: 'idporten-loa-high',
      amr: ['BankID'],
      authTime: new Date(1_795_600_000 * 1000).toISOString(),
    });
  });

  it('turns the old platform’s amr string into an array', () => {
    expect(identityFromClaims({ pid: PID, acr: 'idporten-loa-substantial', amr: 'Minid-OTC' }).amr).toEqual(['Minid-OTC']);
  });

  it('accepts a missing acr as unknown (null) and a missing auth_time as null', () => {
    expect(identityFromClaims({ pid: PID, amr: ['TestID'] })).toEqual({ pid: PID, acr: null, amr: ['TestID'], authTime: null });
  });

  it('refuses a missing acr when a level was asked for', () => {
    expect(() => identityFromClaims({ pid: PID, amr: ['TestID'] }, 'substantial')).toThrow(IdportenClaimsError);
  });

  it('refuses a lower level than asked for and accepts a higher one', () => {
    expect(() => identityFromClaims({ pid: PID, acr: 'idporten-loa-substantial' }, 'high')).toThrow(IdportenClaimsError);
    expect(identityFromClaims({ pid: PID, acr: 'idporten-loa-high' }, 'substantial').acr).toBe('idporten-loa-high');
  });

  it.each([
    ['missing', undefined],
    ['not a string', 17858500060],
    ['wrong check digits', '17858500061'],
    ['too short', '1785850006'],
    ['with a space', '178585 00060'],
  ])('refuses a pid that is %s', (_what, pid) => {
    expect(() => identityFromClaims({ pid, acr: 'idporten-loa-high', amr: ['BankID'] })).toThrow(IdportenClaimsError);
  });

  it('accepts a synthetic D-number', () => {
    expect(identityFromClaims({ pid: '41819000032', acr: 'idporten-loa-high' }).pid).toBe('41819000032');
  });
});

describe('normaliseAmr', () => {
  it.each([
    [['BankID', 'BankID Mobil'], ['BankID', 'BankID Mobil']],
    ['BankID', ['BankID']],
    ['  Buypass ', ['Buypass']],
    ['', []],
    [undefined, []],
    [null, []],
    [42, []],
    [['Commfides', 3, '', null], ['Commfides']],
  ])('%p → %p', (amr, expected) => {
    expect(normaliseAmr(amr)).toEqual(expected);
  });
});

describe('citizenLoginView', () => {
  it('never shows the full number', () => {
    const view = citizenLoginView({ pid: PID, acr: 'idporten-loa-high', amr: ['BankID'], authTime: null });
    expect(view).toEqual({ loggedIn: true, pid: '178585*****', acr: 'idporten-loa-high', amr: ['BankID'], authTime: null });
    expect(JSON.stringify(view)).not.toContain(PID);
  });

  it('says logged out when there is no identity', () => {
    expect(citizenLoginView(undefined)).toEqual({ loggedIn: false });
  });
});
