import { DeskLogger } from './desk-logger';

function written(run: () => void): string {
  const chunks: string[] = [];
  const capture = (chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  };
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(capture);
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(capture);
  try {
    run();
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return chunks.join('');
}

describe('DeskLogger', () => {
  const logger = new DeskLogger({ colors: false });

  it.each([
    ['a newline', 'admin\n[Nest] 1 - LOG [AuthService] Logged in "root"', 'admin\\n[Nest] 1 - LOG [AuthService] Logged in "root"'],
    ['a carriage return', 'admin\rforged', 'admin\\rforged'],
    ['a tab', 'a\tb', 'a\\tb'],
    ['an ANSI escape', '\u001b[2K\u001b[1Gforged', '\\x1b[2K\\x1b[1Gforged'],
    ['NUL and DEL', 'a\u0000b\u007fc', 'a\\x00b\\x7fc'],
    ['a C1 control (NEL)', 'a\u0085b', 'a\\x85b'],
    ['Unicode line and paragraph separators', 'a\u2028b\u2029c', 'a\\u2028b\\u2029c'],
    ['bidi controls', 'a\u202eb\u2066c\u200fd\u061ce', 'a\\u202eb\\u2066c\\u200fd\\u061ce'],
  ])('writes a message with %s as one line, the control escaped', (_name, message, escaped) => {
    for (const level of ['log', 'warn', 'error'] as const) {
      const output = written(() => logger[level](message, 'AuthService'));
      expect(output.split('\n')).toHaveLength(2); // one line and its terminating newline
      expect(output).toContain(`[AuthService] ${escaped}`);
    }
  });

  it('escapes the controls inside a logged object', () => {
    const output = written(() => logger.warn({ user: 'eve\n[Nest] forged\u001b[1A\u2028\u202e' }, 'AuthService'));
    expect(output).toContain(String.raw`eve\n[Nest] forged\x1B[1A\u2028\u202e`);
    expect(output).not.toMatch(/[\u001b\u2028\u202e]/);
  });

  it('leaves ordinary text alone', () => {
    expect(written(() => logger.warn('Failed log-in for "Åse Øvrebø" from 127.0.0.1', 'AuthService'))).toContain('Failed log-in for "Åse Øvrebø" from 127.0.0.1');
  });

  it('still drops the framework start-up chatter', () => {
    expect(written(() => logger.log('Mapped {/api, GET} route', 'RouterExplorer'))).toBe('');
  });
});
