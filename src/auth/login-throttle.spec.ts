import { DomainError } from '../common/errors';
import type { AppConfig } from '../config/app-config';
import { RateLimiterFactory } from '../scaling/rate-limiter.factory';
import type { RedisConnection } from '../scaling/redis-connection';
import { LoginThrottle } from './login-throttle';

const LIMIT = 5;
const newThrottle = () => new LoginThrottle({ rateLimitLogins: LIMIT } as AppConfig, new RateLimiterFactory({ client: null } as RedisConnection));
const failFrom = async (throttle: LoginThrottle, username: string, addresses: string[]) => {
  for (const address of addresses) await throttle.recordFailure(username, address);
};
const addresses = (count: number, prefix = '203.0.113') => Array.from({ length: count }, (_, i) => `${prefix}.${i + 1}`);
const refusal = (promise: Promise<void>) =>
  promise.then(
    () => null,
    (error: DomainError) => error.code,
  );

describe('LoginThrottle', () => {
  it('does not let failures from other addresses lock the owner out', async () => {
    const throttle = newThrottle();
    await failFrom(throttle, 'kari', addresses(LIMIT * 2));
    await expect(throttle.assertAllowed('kari', '198.51.100.7')).resolves.toBeUndefined();
  });

  it('refuses a user name from an address after RATE_LIMIT_LOGINS failures of that pair', async () => {
    const throttle = newThrottle();
    await failFrom(throttle, 'Kari', Array(LIMIT - 1).fill('203.0.113.9'));
    await expect(throttle.assertAllowed('kari', '203.0.113.9')).resolves.toBeUndefined();
    await throttle.recordFailure('KARI', '203.0.113.9');
    expect(await refusal(throttle.assertAllowed('kari', '203.0.113.9'))).toBe('RATE_LIMITED');
    await expect(throttle.assertAllowed('ola', '203.0.113.9')).resolves.toBeUndefined();
  });

  it('still bounds a guess spread over many addresses: ten times RATE_LIMIT_LOGINS per user name', async () => {
    const throttle = newThrottle();
    await failFrom(throttle, 'kari', addresses(LIMIT * 10 - 1));
    await expect(throttle.assertAllowed('kari', '198.51.100.7')).resolves.toBeUndefined();
    await throttle.recordFailure('kari', '198.51.100.8');
    expect(await refusal(throttle.assertAllowed('kari', '198.51.100.7'))).toBe('RATE_LIMITED');
  });

  it('keeps the per-address limit across user names', async () => {
    const throttle = newThrottle();
    for (let i = 0; i < LIMIT * 4; i += 1) await throttle.recordFailure(`user${i}`, '203.0.113.50');
    expect(await refusal(throttle.assertAllowed('someone-else', '203.0.113.50'))).toBe('RATE_LIMITED');
  });
});
