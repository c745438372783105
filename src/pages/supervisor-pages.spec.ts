import { askedTextKeys, pageModuleSources } from '../../test/support/browser-modules';
import type { StaffActor } from '../auth/actor';
import { FixedClock } from '../common/clock';
import { staffNav } from './staff-page-models';
import { chatPageModules } from './page-modules';
import {
  STAFF_ADMIN_SCRIPT_TEXTS,
  SUPERVISOR_BOARD_SCRIPT_TEXTS,
  SUPERVISOR_CHAT_SCRIPT_TEXTS,
  SUPERVISOR_HISTORY_SCRIPT_TEXTS,
  SUPERVISOR_METRICS_SCRIPT_TEXTS,
  SupervisorPageModels,
} from './supervisor-page-models';

const actor = (role: StaffActor['role']): StaffActor => ({ kind: 'staff', id: 'u1', username: 'kari', displayName: 'Kari', role, mustChangePassword: false });

describe('staff navigation', () => {
  it('shows the board to supervisors and admins, and staff accounts to admins only', () => {
    const sections = (role: StaffActor['role']) => staffNav(actor(role), 'console').map((item) => item.section);
    expect(sections('agent')).toEqual(['console', 'tickets']);
    expect(sections('supervisor')).toEqual(['console', 'tickets', 'board', 'history', 'metrics', 'replies', 'privacy']);
    expect(sections('admin')).toEqual(['console', 'tickets', 'board', 'history', 'metrics', 'replies', 'privacy', 'staff']);
  });
});

describe('supervisor page models', () => {
  const models = new SupervisorPageModels(new FixedClock(new Date('2026-11-24T10:00:00Z')));

  it('gives the board the server time to measure waits on', () => {
    const model = models.board('en', actor('supervisor'));
    expect(model.pageData.serverNow).toBe('2026-11-24T10:00:00.000Z');
    expect(model.staffNav.find((item) => item.current)?.section).toBe('board');
  });

  it('gives the staff page the csrf token and the roles', () => {
    const model = models.staff('nb', actor('admin'), 'token');
    expect(model.pageData).toMatchObject({ csrfToken: 'token', me: 'u1', roles: ['agent', 'supervisor', 'admin'] });
  });
});

describe('supervisor script texts', () => {
  const pages: [string, readonly string[], readonly string[]][] = [
    ['board', chatPageModules('/js/supervisor/board.js'), SUPERVISOR_BOARD_SCRIPT_TEXTS],
    ['chat', chatPageModules('/js/supervisor/chat.js'), SUPERVISOR_CHAT_SCRIPT_TEXTS],
    ['history', chatPageModules('/js/supervisor/history.js'), SUPERVISOR_HISTORY_SCRIPT_TEXTS],
    ['metrics', ['/js/supervisor/metrics.js'], SUPERVISOR_METRICS_SCRIPT_TEXTS],
    ['staff', ['/js/admin/staff.js'], STAFF_ADMIN_SCRIPT_TEXTS],
  ];

  it.each(pages)('the %s page gets every text its modules ask for in its page data', (_page, modules, prefixes) => {
    const asked = askedTextKeys(pageModuleSources(modules));
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((key) => !prefixes.some((prefix) => key.startsWith(prefix)))).toEqual([]);
  });
});
