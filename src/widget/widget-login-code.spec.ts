import { FixedClock } from '../common/clock';
import type { AppConfig } from '../config/app-config';
import { WidgetLoginCodes } from './widget-login-code';

const PERSON = { pid: '17858500060', acr: 'idporten-loa-high', amr: ['BankID'], authTime: '2026-11-24T09:59:00.000Z' };
const config = (secret: string) => ({ sessionSecret: secret }) as AppConfig;

describe('WidgetLoginCodes', () => {
  const clock = new FixedClock(new Date('2026-11-24T10:00:00Z'));
  const codes = new WidgetLoginCodes(config('s'.repeat(40)), clock);

  it('gives back the identity it sealed, which the code does not show', () => {
    const code = codes.issue(PERSON);
    expect(codes.read(code)).toEqual(PERSON);
    expect(Buffer.from(code, 'base64url').toString('latin1')).not.toContain(PERSON.pid);
  });

  it('reads nothing from an altered code, another secret, or garbage', () => {
    const code = codes.issue(PERSON);
    const raw = Buffer.from(code, 'base64url');
    raw[raw.length - 1] ^= 1;
    expect(codes.read(raw.toString('base64url'))).toBeNull();
    expect(new WidgetLoginCodes(config('t'.repeat(40)), clock).read(code)).toBeNull();
    expect(codes.read('')).toBeNull();
    expect(codes.read('not a code at all')).toBeNull();
  });

  it('expires after an hour', () => {
    const code = codes.issue(PERSON);
    clock.advance(59 * 60 * 1000);
    expect(codes.read(code)).toEqual(PERSON);
    clock.advance(60 * 1000);
    expect(codes.read(code)).toBeNull();
  });
});
