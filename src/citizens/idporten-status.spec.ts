import { idportenStatus } from './idporten-status';
import type { IdportenUser } from './registry.types';

const user = (over: Partial<IdportenUser> = {}): IdportenUser => ({ active: true, logins: [], helpDeskReferences: [], ...over });

describe('idportenStatus', () => {
  it('is unknown when the user service could not be asked, never-seen for an empty answer', () => {
    expect(idportenStatus('unavailable')).toEqual({ state: 'unknown', logins: [] });
    expect(idportenStatus([])).toEqual({ state: 'never-seen', logins: [] });
  });

  it('lists each e-ID, most recently used first, and the most recent log-in overall', () => {
    const status = idportenStatus([
      user({
        logins: [
          { eid: 'MinID', firstLogin: '2019-03-04T08:12:00.000Z', lastLogin: '2026-11-20T17:40:00.000Z' },
          { eid: 'BankID', firstLogin: '2020-01-15T12:00:00.000Z', lastLogin: '2026-11-23T07:05:00.000Z' },
        ],
      }),
    ]);
    expect(status).toEqual({
      state: 'active',
      lastLogin: '2026-11-23T07:05:00.000Z',
      logins: [
        { eid: 'BankID', firstLogin: '2020-01-15T12:00:00.000Z', lastLogin: '2026-11-23T07:05:00.000Z' },
        { eid: 'MinID', firstLogin: '2019-03-04T08:12:00.000Z', lastLogin: '2026-11-20T17:40:00.000Z' },
      ],
    });
  });

  it('is closed when active is false or a closed code is present, with why and since when', () => {
    expect(idportenStatus([user({ active: false, closedCode: 'SPERRET', closedAt: '2026-10-02T08:00:00.000Z' })])).toEqual({
      state: 'closed',
      closedCode: 'SPERRET',
      closedAt: '2026-10-02T08:00:00.000Z',
      logins: [],
    });
    expect(idportenStatus([user({ active: true, closedCode: 'DOED' })])).toEqual({ state: 'closed', closedCode: 'DOED', logins: [] });
    expect(idportenStatus([user({ active: false })])).toEqual({ state: 'closed', logins: [] });
  });

  it('merges several accounts: one open account makes the person active; e-IDs appear once', () => {
    const status = idportenStatus([
      user({ active: false, closedCode: 'SPERRET', logins: [{ eid: 'MinID', firstLogin: '2018-01-01T00:00:00.000Z', lastLogin: '2020-01-01T00:00:00.000Z' }] }),
      user({ logins: [{ eid: 'MinID', firstLogin: '2021-01-01T00:00:00.000Z', lastLogin: '2026-01-01T00:00:00.000Z' }, { eid: 'TestID' }] }),
    ]);
    expect(status).toEqual({
      state: 'active',
      lastLogin: '2026-01-01T00:00:00.000Z',
      logins: [
        { eid: 'MinID', firstLogin: '2018-01-01T00:00:00.000Z', lastLogin: '2026-01-01T00:00:00.000Z' },
        { eid: 'TestID', firstLogin: null, lastLogin: null },
      ],
    });
  });
});
