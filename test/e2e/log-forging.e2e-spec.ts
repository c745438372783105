import { DeskLogger } from '../../src/common/desk-logger';
import { startTestApp, type TestApp } from '../support/test-app';

/** A user name that, logged as is, would add a forged line and move the terminal's cursor. */
const FORGING_NAME = 'eve\n[Nest] 1  - LOG [AuthService] admin logged in\u001b[1A\u2028';

describe('log forging', () => {
  let desk: TestApp;

  beforeAll(async () => {
    desk = await startTestApp();
    desk.app.useLogger(new DeskLogger({ colors: false }));
  });

  afterAll(async () => {
    await desk.close();
  });

  it('writes a failed log-in with a newline and an ANSI escape in the user name as one line', async () => {
    const lines: string[] = [];
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      return true;
    });
    try {
      await desk.http().post('/api/auth/login').send({ username: FORGING_NAME, password: 'wrong' }).expect(401);
    } finally {
      stdout.mockRestore();
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Failed log-in for "eve\\n[Nest] 1  - LOG [AuthService] admin logged in\\x1b[1A\\u2028"');
  });
});
