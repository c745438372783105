import { normaliseTimestamp, parseIdportenUsers, parseKrrResponse } from './registry-parsing';

describe('normaliseTimestamp', () => {
  it.each([
    ['2026-10-02T10:00:00+02', '2026-10-02T08:00:00.000Z'],
    ['2026-10-02T10:00:00+0200', '2026-10-02T08:00:00.000Z'],
    ['2026-10-02T10:00:00+02:00', '2026-10-02T08:00:00.000Z'],
    ['2026-01-02T10:00:00.123+01', '2026-01-02T09:00:00.123Z'],
    ['2026-01-02 10:00:00,5-03', '2026-01-02T13:00:00.500Z'],
    ['2026-10-02T08:00:00Z', '2026-10-02T08:00:00.000Z'],
    ['2026-10-02T08:00:00', '2026-10-02T08:00:00.000Z'],
    ['2026-10-02T08:00+02', '2026-10-02T06:00:00.000Z'],
    ['2026-10-02', '2026-10-02T00:00:00.000Z'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseTimestamp(input)).toBe(expected);
  });

  it.each([undefined, null, '', 'yesterday', '2026-13-45T10:00:00Z', 42, {}])('%p is no timestamp', (input) => {
    expect(normaliseTimestamp(input)).toBeUndefined();
  });
});

describe('parseKrrResponse', () => {
  it('reads a full person, normalising timestamps and codes', () => {
    const person = parseKrrResponse(
      {
        personer: [
          { personidentifikator: '11111111111', status: 'AKTIV' },
          {
            personidentifikator: '17858500060',
            status: 'aktiv',
            reservasjon: 'NEI',
            varslingsstatus: 'KAN_VARSLES',
            kontaktinformasjon: { epostadresse: 'ola@example.no', epostadresse_oppdatert: '2026-06-12T09:00:00+02' },
            digital_post: { postkasseadresse: 'ola.nordmann#9YDT', postkasseleverandoeradresse: '984661185' },
            spraak: 'NB',
            unknown_future_key: true,
          },
        ],
      },
      '17858500060',
    );
    expect(person).toEqual({
      nationalId: '17858500060',
      status: 'AKTIV',
      reserved: false,
      reservedAt: undefined,
      reservationUpdatedAt: undefined,
      notificationStatus: 'KAN_VARSLES',
      contact: {
        email: 'ola@example.no',
        emailUpdatedAt: '2026-06-12T07:00:00.000Z',
        emailVerifiedAt: undefined,
        mobile: undefined,
        mobileUpdatedAt: undefined,
        mobileVerifiedAt: undefined,
      },
      mailbox: { address: 'ola.nordmann#9YDT', providerOrgNumber: '984661185' },
      language: 'nb',
    });
  });

  it('takes missing keys as empty', () => {
    expect(parseKrrResponse({ personer: [{ personidentifikator: '17858500060' }] }, '17858500060')).toMatchObject({ reserved: false, contact: {}, mailbox: undefined });
    expect(parseKrrResponse({ personer: [{ personidentifikator: '17858500060', digital_post: {} }] }, '17858500060')).toMatchObject({ mailbox: undefined });
    expect(parseKrrResponse({ personer: [{ status: 'AKTIV', reservasjon: 'JA' }] }, '17858500060')).toMatchObject({ nationalId: '17858500060', reserved: true });
  });

  it('gives undefined when the person is not listed', () => {
    expect(parseKrrResponse({}, '17858500060')).toBeUndefined();
    expect(parseKrrResponse({ personer: [] }, '17858500060')).toBeUndefined();
    expect(parseKrrResponse({ personer: [{ personidentifikator: '17858507472' }] }, '17858500060')).toBeUndefined();
  });

  it.each([null, 'text', 42, [], { personer: {} }, { personer: 'x' }])('is unavailable for the wrong shape %p', (body) => {
    expect(parseKrrResponse(body, '17858500060')).toBe('unavailable');
  });
});

describe('parseIdportenUsers', () => {
  it('reads users leniently and drops accounts of other people', () => {
    const users = parseIdportenUsers(
      [
        {
          id: 'u1',
          person_identifier: '17858500060',
          active: false,
          status: { closed_code: 'SPERRET', closed_date: '2026-10-02T10:00:00+02' },
          logins: [{ eid: 'MinID', first_login: '2020-01-01T00:00:00Z', last_login: '2026-09-30T21:15:00+02' }, { first_login: 'no eid' }, 'junk'],
          help_desk_references: ['123 456', 7],
        },
        { id: 'u2', person_identifier: '17858507472', active: true },
        { id: 'u3' },
      ],
      '17858500060',
    );
    expect(users).toEqual([
      {
        id: 'u1',
        nationalId: '17858500060',
        active: false,
        closedCode: 'SPERRET',
        closedAt: '2026-10-02T08:00:00.000Z',
        logins: [{ eid: 'MinID', firstLogin: '2020-01-01T00:00:00.000Z', lastLogin: '2026-09-30T19:15:00.000Z' }],
        helpDeskReferences: ['123 456', '7'],
        createdAt: undefined,
        lastModifiedAt: undefined,
      },
      { id: 'u3', nationalId: undefined, active: true, closedCode: undefined, closedAt: undefined, logins: [], helpDeskReferences: [], createdAt: undefined, lastModifiedAt: undefined },
    ]);
  });

  it.each([null, {}, { users: [] }, 'x'])('is unavailable for the wrong shape %p', (body) => {
    expect(parseIdportenUsers(body, '17858500060')).toBe('unavailable');
  });
});
