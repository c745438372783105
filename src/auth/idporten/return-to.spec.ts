import { safeReturnTo, withLoginResult } from './return-to';

const BASE = 'https://desk.example';

const landsOnSite = (location: string) => new URL(location, BASE).origin === BASE;

describe('safeReturnTo', () => {
  it.each(['/', '/chat', '/?lang=nn', '/agent/tickets?status=open#top', '/a/b/c?x=%2F%2Fy'])('keeps the local path %s', (path) => {
    expect(safeReturnTo(path)).toBe(path);
  });

  it.each([
    ['/a/../chat', '/chat'],
    ['/./chat', '/chat'],
    ['/%2e/chat', '/chat'],
    ['/%2E%2E/chat?x=1', '/chat?x=1'],
    ['/%2f%2fevil.example', '/%2f%2fevil.example'],
    ['/%5cevil.example', '/%5cevil.example'],
  ])('normalises %s to the same-site path %s', (value, path) => {
    expect(safeReturnTo(value)).toBe(path);
  });

  it.each([
    undefined,
    '',
    42,
    ['/chat'],
    'chat',
    '//evil.example/x',
    '///evil.example/x',
    '/\\evil.example',
    '\\\\evil.example',
    '/\\/evil.example',
    'https://evil.example/',
    'http:evil.example',
    'javascript:alert(1)',
    '/.//evil.example/phish',
    '/./\\evil.example/phish',
    '/a/..//evil.example',
    '/a/../\\evil.example',
    '/%2e//evil.example',
    '/%2E//evil.example',
    '/%2e%2e//evil.example',
    '/x/%2e%2e//evil.example',
    '/.%2e//evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/a\nb',
    '/\u0000/evil.example',
    `/${'a'.repeat(2001)}`,
  ])('falls back to / for %p', (value) => {
    expect(safeReturnTo(value)).toBe('/');
  });

  it.each([
    '/.//evil.example',
    '/a/..//x',
    '/%2e//x',
    '/%2e%2f/x',
    '/%2e%5c/x',
    '/.%2f/x',
    '/./%5c/x',
    '/%252e//x',
    '/..//..//x',
    '/;//x',
    '/?//x',
    '/#//x',
    '/\u3000//x',
    '/\uff0f\uff0fx',
    '/%09/evil.example',
    '/ /evil.example',
    '/\u2028/evil.example',
    '/\u00a0/evil.example',
  ])('whatever comes out of %p is a path that stays on the site, with exactly one leading slash', (value) => {
    const path = safeReturnTo(value);
    expect(path).toMatch(/^\/(?![/\\])/);
    expect(landsOnSite(path)).toBe(true);
    expect(safeReturnTo(path)).toBe(path);
  });
});

describe('withLoginResult', () => {
  it('adds login=failed, keeping the query and fragment', () => {
    expect(withLoginResult('/?lang=nn#chat', 'failed')).toBe('/?lang=nn&login=failed#chat');
    expect(withLoginResult('/chat', 'failed')).toBe('/chat?login=failed');
  });

  it('never leaves the site', () => {
    expect(withLoginResult('/.//evil.example/phish', 'failed')).toBe('/?login=failed');
  });
});
