import { SUPERVISOR_PRIVACY_SCRIPT_TEXTS } from './supervisor-page-models';
import { askedTextKeys, pageModuleSources } from '../../test/support/browser-modules';
import { parseWeeklySchedule } from '../opening-hours/schedule';
import { describeOpening, describeSchedule, describeStatus, holidayName } from './opening-hours-text';
import { AGENT_SCRIPT_TEXTS, CITIZEN_SCRIPT_TEXTS, LOGIN_SCRIPT_TEXTS, PASSWORD_SCRIPT_TEXTS, safeNextPath } from './page-models';
import { chatPageModules } from './page-modules';
import { PANEL_SCRIPT_TEXTS, REPLY_ADMIN_SCRIPT_TEXTS, TICKET_MAIL_SCRIPT_TEXTS, TICKET_NEW_SCRIPT_TEXTS, TICKET_SCRIPT_TEXTS, TICKETS_SCRIPT_TEXTS } from './staff-page-models';
import { WIDGET_SCRIPT_TEXTS } from '../widget/widget-page-models';
import { readCookie } from './page-language';
import { formatInstant, jsonForScript, viewHelpers } from './view-helpers';

describe('jsonForScript', () => {
  it('cannot close the script element it sits in, and reads back unchanged', () => {
    const value = { text: '</script><script>alert(1)</script> & <!-- \u2028' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('view helpers', () => {
  const options = (lang: string, hash: Record<string, unknown> = {}) => ({ hash, data: { root: { lang } } });

  it('translates in the language at the root of the locals, with hash arguments', () => {
    expect(viewHelpers.t('queue.position', options('nn', { position: 2 }))).toBe('Du er nummer 2 i køen.');
    expect(viewHelpers.t('status.open', options('xx'))).toBe('Chatten er åpen');
  });

  it('formats instants in Oslo time', () => {
    expect(formatInstant('2026-11-30T08:00:00Z', 'nb', 'time')).toBe('09:00');
    expect(formatInstant('2026-07-01T07:00:00Z', 'en', 'time')).toBe('09:00');
    expect(formatInstant('not a date', 'nb')).toBe('');
  });
});

describe('opening texts', () => {
  it('says when the chat opens next, relative to today', () => {
    expect(describeOpening('2026-11-24T08:00:00Z', '2026-11-24T06:00:00Z', 'nb')).toBe('i dag kl. 09:00');
    expect(describeOpening('2026-11-25T08:00:00Z', '2026-11-24T16:00:00Z', 'nn')).toBe('i morgon kl. 09:00');
    expect(describeOpening('2026-11-30T08:00:00Z', '2026-11-28T10:00:00Z', 'en')).toBe('on Monday 30 November at 09:00');
  });

  it('explains a holiday in the page language', () => {
    expect(holidayName('Første juledag', 'en')).toBe('Christmas Day');
    expect(holidayName('Første pinsedag / Grunnlovsdagen', 'nn')).toBe('første pinsedag / grunnlovsdagen');
    expect(holidayName('Ukjent dag', 'en')).toBe('Ukjent dag');
    const view = describeStatus({ open: false, now: '2026-12-25T10:00:00Z', timezone: 'Europe/Oslo', reason: 'holiday', holiday: 'Første juledag', opensAt: '2026-12-28T08:00:00Z' }, 'en');
    expect(view.detail).toBe('The chat is closed today for a public holiday (Christmas Day).');
    expect(view.next).toBe('The chat opens on Monday 28 December at 09:00.');
  });

  it('describes the open state with the closing time', () => {
    const view = describeStatus({ open: true, now: '2026-11-24T10:00:00Z', timezone: 'Europe/Oslo', closesAt: '2026-11-24T14:00:00Z' }, 'nb');
    expect(view).toMatchObject({ open: true, headline: 'Chatten er åpen', detail: 'Vi svarer i chatten til kl. 15:00 i dag.' });
  });

  it('groups weekdays with the same hours', () => {
    expect(describeSchedule(parseWeeklySchedule('mon-fri 09:00-15:00'), 'nb')).toBe('mandag–fredag 09:00–15:00');
    expect(describeSchedule(parseWeeklySchedule('mon-thu 09:00-15:00; fri 09:00-14:00'), 'en')).toBe('Monday–Thursday 09:00–15:00 and Friday 09:00–14:00');
  });
});

describe('safeNextPath', () => {
  it('allows only paths on this site', () => {
    expect(safeNextPath('/agent?x=1')).toBe('/agent?x=1');
    expect(safeNextPath('//evil.example/')).toBeUndefined();
    expect(safeNextPath('/\\evil.example')).toBeUndefined();
    expect(safeNextPath('https://evil.example/')).toBeUndefined();
    expect(safeNextPath(['/agent'])).toBeUndefined();
  });
});

describe('readCookie', () => {
  it('finds one cookie among several', () => {
    expect(readCookie('a=1; lang=nn; b=2', 'lang')).toBe('nn');
    expect(readCookie('xlang=en', 'lang')).toBeUndefined();
    expect(readCookie(undefined, 'lang')).toBeUndefined();
  });
});

describe('browser script texts', () => {
  const pages: [string, readonly string[], readonly string[]][] = [
    ['citizen', chatPageModules('/js/citizen/main.js'), CITIZEN_SCRIPT_TEXTS],
    ['agent', chatPageModules('/js/agent/main.js'), AGENT_SCRIPT_TEXTS],
    ['login', ['/js/auth/login.js'], LOGIN_SCRIPT_TEXTS],
    ['password', ['/js/auth/password.js'], PASSWORD_SCRIPT_TEXTS],
    ['citizen panel', ['/js/staff/citizen-panel.js'], PANEL_SCRIPT_TEXTS],
    ['tickets', ['/js/ticket/list.js'], TICKETS_SCRIPT_TEXTS],
    ['tickets with the search by number', ['/js/ticket/list.js', '/js/ticket/citizen-search.js'], TICKETS_SCRIPT_TEXTS],
    ['new ticket', ['/js/ticket/new.js'], TICKET_NEW_SCRIPT_TEXTS],
    ['ticket', ['/js/ticket/page.js'], TICKET_SCRIPT_TEXTS],
    ['ticket with mail', ['/js/ticket/mail.js', '/js/ticket/page.js'], [...TICKET_SCRIPT_TEXTS, ...TICKET_MAIL_SCRIPT_TEXTS]],
    ['replies', ['/js/supervisor/replies.js'], REPLY_ADMIN_SCRIPT_TEXTS],
    ['privacy', ['/js/supervisor/privacy.js'], SUPERVISOR_PRIVACY_SCRIPT_TEXTS],
    ['widget frame', chatPageModules('/js/citizen/main.js', '/js/widget/frame.js'), [...CITIZEN_SCRIPT_TEXTS, ...WIDGET_SCRIPT_TEXTS]],
    ['widget log-in popup', ['/js/widget/logged-in.js'], WIDGET_SCRIPT_TEXTS],
  ];

  it.each(pages)('the %s page gets every text its modules ask for in its page data', (_page, modules, prefixes) => {
    const asked = askedTextKeys(pageModuleSources(modules));
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((key) => !prefixes.some((prefix) => key.startsWith(prefix)))).toEqual([]);
  });
});
