import { safeReturnTo, withLoginResult } from './return-to';

describe('safeReturnTo', () => {
  it.each(['/', '/chat', '/?lang=nn', '/agent/tickets?status=open#top'])('keeps the local path %s', (path) => {
    expect(safeReturnTo(path)).toBe(path);
  });

  it.each([undefined, '', 'chat', '//evil.example/x', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '/a\nb', 42])(
    'falls back to / for %p',
    (value) => {
      expect(safeReturnTo(value)).toBe('/');
    },
  );
});

describe('withLoginResult', () => {
  it('adds login=failed, keeping the query and fragment', () => {
    expect(withLoginResult('/?lang=nn#chat', 'failed')).toBe('/?lang=nn&login=failed#chat');
    expect(withLoginResult('/chat', 'failed')).toBe('/chat?login=failed');
  });
});
