/**
 * When a chat counts as idle, as a pure rule (the sweeper applies it; the conditional updates
 * re-check it in the database). A citizen is idle when they have been gone (no connection) for the
 * idle time, or silent that long while it is their turn: the agent wrote last. A citizen waiting
 * for the agent is never idle. A queued chat is only ever idle by being gone, and is not warned.
 */
export type IdleReason = 'gone' | 'silent';

export interface IdleFacts {
  status: 'queued' | 'active';
  citizenLeftAt: Date | null;
  citizenLastSeenAt: Date | null;
  idleWarnedAt: Date | null;
  /** The last message written by the citizen or an agent (the desk's own messages do not count). */
  lastWord: { author: 'citizen' | 'agent'; at: Date } | null;
}

export interface IdleLimits {
  idleMs: number;
  graceMs: number;
}

export type IdleVerdict =
  | { action: 'none' }
  /** `since`: when this stretch of idleness began. */
  | { action: 'warn' | 'abandon'; reason: IdleReason; since: Date };

const NONE: IdleVerdict = { action: 'none' };

/** When each kind of idleness began, for those that apply now. */
function idleStretches(facts: IdleFacts): { reason: IdleReason; since: Date }[] {
  const stretches: { reason: IdleReason; since: Date }[] = [];
  if (facts.citizenLeftAt) stretches.push({ reason: 'gone', since: facts.citizenLeftAt });
  if (facts.status === 'active' && facts.lastWord?.author === 'agent') {
    // Connecting again is a sign of life too: silence counts from whichever came later.
    const seen = facts.citizenLastSeenAt;
    stretches.push({ reason: 'silent', since: seen && seen > facts.lastWord.at ? seen : facts.lastWord.at });
  }
  return stretches;
}

export function judgeIdle(facts: IdleFacts, now: Date, limits: IdleLimits): IdleVerdict {
  const due = idleStretches(facts)
    .filter((stretch) => now.getTime() - stretch.since.getTime() >= limits.idleMs)
    .sort((a, b) => a.since.getTime() - b.since.getTime())[0];
  if (!due) return NONE;
  if (facts.status === 'queued') return { action: 'abandon', ...due };
  // A warning given before this stretch began (the agent has written since) warned about another one.
  const warnedAt = facts.idleWarnedAt;
  if (!warnedAt || warnedAt < due.since) return { action: 'warn', ...due };
  return now.getTime() - warnedAt.getTime() >= limits.graceMs ? { action: 'abandon', ...due } : NONE;
}
