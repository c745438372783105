import { hasPermission, permissionsFor } from './permissions';

describe('permissionsFor', () => {
  it('gives agents the chat and ticket work, and nothing of supervision or administration', () => {
    expect(hasPermission('agent', 'chat:handle')).toBe(true);
    expect(hasPermission('agent', 'ticket:write')).toBe(true);
    expect(hasPermission('agent', 'history:read')).toBe(false);
    expect(hasPermission('agent', 'staff:manage')).toBe(false);
    expect(hasPermission('agent', 'privacy:manage')).toBe(false);
  });

  it('lets supervisors and admins, and no one else, manage a person\'s data rights', () => {
    expect(hasPermission('supervisor', 'privacy:manage')).toBe(true);
    expect(hasPermission('admin', 'privacy:manage')).toBe(true);
  });

  it('lets agents see a citizen\'s earlier contacts through a ticket, but only supervisors search people by number', () => {
    expect(hasPermission('agent', 'citizen:lookup')).toBe(true);
    expect(hasPermission('agent', 'citizen:search')).toBe(false);
    expect(hasPermission('supervisor', 'citizen:search')).toBe(true);
  });

  it('orders roles: everything an agent may, a supervisor may, and everything a supervisor may, an admin may', () => {
    for (const permission of permissionsFor('agent')) expect(hasPermission('supervisor', permission)).toBe(true);
    for (const permission of permissionsFor('supervisor')) expect(hasPermission('admin', permission)).toBe(true);
    expect(hasPermission('supervisor', 'staff:manage')).toBe(false);
    expect(hasPermission('admin', 'staff:manage')).toBe(true);
  });

  it('denies an unknown role everything', () => {
    expect(permissionsFor('root' as never).size).toBe(0);
  });
});
