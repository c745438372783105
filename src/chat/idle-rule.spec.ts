import { IdleFacts, judgeIdle } from './idle-rule';

const limits = { idleMs: 10 * 60_000, graceMs: 2 * 60_000 };
const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 10, minute));
const active = (facts: Partial<IdleFacts> = {}): IdleFacts => ({
  status: 'active',
  citizenLeftAt: null,
  citizenLastSeenAt: at(0),
  idleWarnedAt: null,
  lastWord: null,
  ...facts,
});

describe('judgeIdle', () => {
  describe('a citizen whose turn it is (the agent wrote last)', () => {
    const facts = active({ lastWord: { author: 'agent', at: at(5) } });

    it('is not idle before the idle time has passed', () => {
      expect(judgeIdle(facts, at(14), limits)).toEqual({ action: 'none' });
    });

    it('is warned as silent once it has', () => {
      expect(judgeIdle(facts, at(15), limits)).toEqual({ action: 'warn', reason: 'silent', since: at(5) });
    });

    it('after the warning, is left alone during the grace time and abandoned after it', () => {
      const warned = { ...facts, idleWarnedAt: at(15) };
      expect(judgeIdle(warned, at(16), limits)).toEqual({ action: 'none' });
      expect(judgeIdle(warned, at(17), limits)).toEqual({ action: 'abandon', reason: 'silent', since: at(5) });
    });

    it('counts silence from a later reconnect', () => {
      expect(judgeIdle({ ...facts, citizenLastSeenAt: at(8) }, at(15), limits)).toEqual({ action: 'none' });
      expect(judgeIdle({ ...facts, citizenLastSeenAt: at(8) }, at(18), limits)).toEqual({ action: 'warn', reason: 'silent', since: at(8) });
    });

    it('is warned again when the agent wrote after an earlier warning (that warning is void)', () => {
      const rewarned = active({ lastWord: { author: 'agent', at: at(16) }, idleWarnedAt: at(15) });
      expect(judgeIdle(rewarned, at(20), limits)).toEqual({ action: 'none' });
      expect(judgeIdle(rewarned, at(26), limits)).toEqual({ action: 'warn', reason: 'silent', since: at(16) });
    });
  });

  describe('a citizen waiting for the agent (the citizen wrote last)', () => {
    it('is never idle while connected, however long the agent takes', () => {
      expect(judgeIdle(active({ lastWord: { author: 'citizen', at: at(1) } }), at(59), limits)).toEqual({ action: 'none' });
    });

    it('nor before anyone has written', () => {
      expect(judgeIdle(active(), at(59), limits)).toEqual({ action: 'none' });
    });

    it('is idle when gone for the idle time', () => {
      const gone = active({ lastWord: { author: 'citizen', at: at(1) }, citizenLeftAt: at(3) });
      expect(judgeIdle(gone, at(12), limits)).toEqual({ action: 'none' });
      expect(judgeIdle(gone, at(13), limits)).toEqual({ action: 'warn', reason: 'gone', since: at(3) });
      expect(judgeIdle({ ...gone, idleWarnedAt: at(13) }, at(15), limits)).toEqual({ action: 'abandon', reason: 'gone', since: at(3) });
    });
  });

  it('gives the longer idleness as the reason when both apply', () => {
    const both = active({ lastWord: { author: 'agent', at: at(2) }, citizenLeftAt: at(4) });
    expect(judgeIdle(both, at(14), limits)).toEqual({ action: 'warn', reason: 'silent', since: at(2) });
  });

  it('a cancelled warning (cleared by a message or a reconnect) is given again only once idle again', () => {
    const cancelled = active({ lastWord: { author: 'citizen', at: at(16) }, citizenLastSeenAt: at(16), idleWarnedAt: null });
    expect(judgeIdle(cancelled, at(40), limits)).toEqual({ action: 'none' });
  });

  describe('a queued chat', () => {
    const queued = (facts: Partial<IdleFacts>) => active({ status: 'queued', ...facts });

    it('is abandoned, without a warning, when its citizen has been gone for the idle time', () => {
      expect(judgeIdle(queued({ citizenLeftAt: at(0) }), at(9), limits)).toEqual({ action: 'none' });
      expect(judgeIdle(queued({ citizenLeftAt: at(0) }), at(10), limits)).toEqual({ action: 'abandon', reason: 'gone', since: at(0) });
    });

    it('is never idle while its citizen is connected', () => {
      expect(judgeIdle(queued({ lastWord: { author: 'agent', at: at(0) } }), at(59), limits)).toEqual({ action: 'none' });
    });
  });
});
