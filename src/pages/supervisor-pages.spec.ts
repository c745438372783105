import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StaffActor } from '../auth/actor';
import { FixedClock } from '../common/clock';
import { staffNav } from './staff-page-models';
import { STAFF_ADMIN_SCRIPT_TEXTS, SUPERVISOR_BOARD_SCRIPT_TEXTS, SUPERVISOR_CHAT_SCRIPT_TEXTS, SupervisorPageModels } from './supervisor-page-models';

const actor = (role: StaffActor['role']): StaffActor => ({ kind: 'staff', id: 'u1', username: 'kari', displayName: 'Kari', role, mustChangePassword: false });

describe('staff navigation', () => {
  it('shows the board to supervisors and admins, and staff accounts to admins only', () => {
    const sections = (role: StaffActor['role']) => staffNav(actor(role), 'console').map((item) => item.section);
    expect(sections('agent')).toEqual(['console', 'tickets']);
    expect(sections('supervisor')).toEqual(['console', 'tickets', 'board', 'history', 'metrics', 'replies']);
    expect(sections('admin')).toEqual(['console', 'tickets', 'board', 'history', 'metrics', 'replies', 'staff']);
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
  const scripts: [string, readonly string[]][] = [
    ['supervisor-board.js', SUPERVISOR_BOARD_SCRIPT_TEXTS],
    ['supervisor/', SUPERVISOR_CHAT_SCRIPT_TEXTS],
    ['staff-admin.js', STAFF_ADMIN_SCRIPT_TEXTS],
  ];
  const js = join(__dirname, '..', '..', 'public', 'js');
  const common = readFileSync(join(js, 'common.js'), 'utf8');
  const sourcesOf = (file: string) =>
    file.endsWith('/')
      ? [file, 'chat/'].flatMap((dir) => readdirSync(join(js, dir)).filter((name) => name.endsWith('.js')).map((name) => readFileSync(join(js, dir, name), 'utf8'))).join('\n')
      : readFileSync(join(js, file), 'utf8');

  it.each(scripts)('%s gets every text it asks for in its page data', (file, prefixes) => {
    const source = sourcesOf(file) + common;
    const asked = [...source.matchAll(/\btext\('([^']+)'/g)].map((m) => m[1]);
    expect(asked.filter((key) => !prefixes.some((prefix) => key.startsWith(prefix)))).toEqual([]);
  });
});
