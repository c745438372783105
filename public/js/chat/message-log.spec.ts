import { MessageLog } from './message-log.js';

const message = (seq: number, extra: Record<string, unknown> = {}) =>
  ({ id: `m${seq}`, chatId: 'chat-1', seq, author: 'citizen', kind: 'text', body: `#${seq}`, createdAt: '2026-01-05T10:00:00.000Z', ...extra }) as any;

describe('MessageLog', () => {
  it('keeps messages in seq order whatever order they arrive in, and says where each goes', () => {
    const log = new MessageLog('chat-1');
    expect(log.add(message(1))).toBeNull();
    expect(log.add(message(3))).toBeNull();
    expect(log.add(message(2))).toBe(3); // goes before seq 3
    expect(log.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('keeps each seq once (a push and an acknowledgement of the same message, a repeated resume)', () => {
    const log = new MessageLog('chat-1');
    expect(log.add(message(1, { clientId: 'c1' }))).toBeNull();
    expect(log.add(message(1, { clientId: 'c1' }))).toBeUndefined();
    expect(log.messages).toHaveLength(1);
    expect(log.hasClientId('c1')).toBe(true);
  });

  it('counts lastSeq only up to the first gap, so a resume asks for what is missing', () => {
    const log = new MessageLog('chat-1');
    log.add(message(1));
    log.add(message(2));
    log.add(message(5));
    expect(log.lastSeq).toBe(2);
    // The resume answers everything after 2; 5 again is ignored, the gap closes.
    for (const seq of [3, 4, 5]) log.add(message(seq));
    expect(log.lastSeq).toBe(5);
    expect(log.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it("ignores another chat's messages and anything that is not a message", () => {
    const log = new MessageLog('chat-1');
    expect(log.add(message(1, { chatId: 'chat-2' }))).toBeUndefined();
    expect(log.add({} as any)).toBeUndefined();
    expect(log.messages).toEqual([]);
  });
});
