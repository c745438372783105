const SECOND = 1000;
const MINUTE = 60 * SECOND;

export const RETRY_DELAYS_MS = [30 * SECOND, 1 * MINUTE, 2 * MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE, 60 * MINUTE] as const;

export const GIVE_UP_AFTER_MS = 24 * 60 * MINUTE;

const delayBefore = (attempt: number) => RETRY_DELAYS_MS[Math.min(attempt - 1, RETRY_DELAYS_MS.length - 1)];

export function retryDelayMs(attempts: number): number | null {
  let elapsed = 0;
  for (let attempt = 1; attempt <= attempts; attempt += 1) elapsed += delayBefore(attempt);
  return elapsed > GIVE_UP_AFTER_MS ? null : delayBefore(attempts);
}
