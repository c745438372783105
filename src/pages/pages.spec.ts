import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWeeklySchedule } from '../opening-hours/schedule';
import { describeOpening, describeSchedule, describeStatus, holidayName } from './opening-hours-text';
import { AGENT_SCRIPT_TEXTS, CITIZEN_SCRIPT_TEXTS, LOGIN_SCRIPT_TEXTS, safeNextPath } from './page-models';
import { PANEL_SCRIPT_TEXTS, REPLY_ADMIN_SCRIPT_TEXTS, TICKET_NEW_SCRIPT_TEXTS, TICKET_SCRIPT_TEXTS, TICKETS_SCRIPT_TEXTS } from './staff-page-models';
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

const JS = join(__dirname, '..', '..', 'public', 'js');
/** A classic script, or a module folder ("citizen/") with the chat client it imports. */
const scriptSource = (file: string) =>
  file.endsWith('/')
    ? [file, 'chat/'].flatMap((dir) => readdirSync(join(JS, dir)).filter((name) => name.endsWith('.js')).map((name) => readFileSync(join(JS, dir, name), 'utf8'))).join('\n')
    : readFileSync(join(JS, file), 'utf8');

describe('browser script texts', () => {
  const scripts: [string, readonly string[]][] = [
    ['citizen/', CITIZEN_SCRIPT_TEXTS],
    ['agent/', AGENT_SCRIPT_TEXTS],
    ['login.js', LOGIN_SCRIPT_TEXTS],
    ['staff/citizen-panel.js', PANEL_SCRIPT_TEXTS],
    ['ticket/list.js', TICKETS_SCRIPT_TEXTS],
    ['ticket/new.js', TICKET_NEW_SCRIPT_TEXTS],
    ['ticket/page.js', TICKET_SCRIPT_TEXTS],
    ['reply-admin.js', REPLY_ADMIN_SCRIPT_TEXTS],
    ['widget/', [...CITIZEN_SCRIPT_TEXTS, ...WIDGET_SCRIPT_TEXTS]],
  ];
  const common = readFileSync(join(__dirname, '..', '..', 'public', 'js', 'common.js'), 'utf8');

  it.each(scripts)('%s gets every text it asks for in its page data', (file, prefixes) => {
    const source = scriptSource(file) + common;
    const asked = [...source.matchAll(/\btext\('([^']+)'/g)].map((m) => m[1]);
    expect(asked.filter((key) => !prefixes.some((prefix) => key.startsWith(prefix)))).toEqual([]);
  });
});
