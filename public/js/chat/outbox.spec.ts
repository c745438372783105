import { Outbox, RETRY_AFTER_RATE_LIMIT_MS, RETRY_AFTER_TIMEOUT_MS } from './outbox.js';

type Ack = { ok: true; message: any } | { ok: false; error: { code: any; message: string } };

/** An outbox whose sends wait until the test answers them. */
function harness() {
  const sent: { clientId: string; body: string; answer: (ack: Ack) => Promise<void> }[] = [];
  const stored: string[] = [];
  const failed: string[] = [];
  const retries: { ms: number; run: () => void }[] = [];
  let open = true;
  let ids = 0;
  const outbox = new Outbox({
    newId: () => `c${(ids += 1)}`,
    canSend: () => open,
    send: (pending) =>
      new Promise<Ack>((resolve) => {
        sent.push({ ...pending, answer: async (ack) => { resolve(ack); await Promise.resolve(); await Promise.resolve(); } });
      }) as any,
    onStored: (message) => stored.push(message.body),
    onFailed: (pending, error) => failed.push(`${pending.body}: ${error.code}`),
    later: (run, ms) => retries.push({ ms, run }),
  });
  const stored_ = (body: string, seq: number) => ({ ok: true as const, message: { body, seq, clientId: sent[sent.length - 1].clientId } });
  return { outbox, sent, stored, failed, retries, setOpen: (value: boolean) => (open = value), stored_ };
}

describe('Outbox', () => {
  it('sends one message at a time, in the order written', async () => {
    const h = harness();
    h.outbox.add('one');
    h.outbox.add('two');
    expect(h.sent.map((s) => s.body)).toEqual(['one']);
    await h.sent[0].answer(h.stored_('one', 1));
    expect(h.sent.map((s) => s.body)).toEqual(['one', 'two']);
    await h.sent[1].answer(h.stored_('two', 2));
    expect(h.stored).toEqual(['one', 'two']);
    expect(h.outbox.queue).toEqual([]);
  });

  it('retries after a timeout with the same clientId, and keeps the order', async () => {
    const h = harness();
    h.outbox.add('one');
    h.outbox.add('two');
    await h.sent[0].answer({ ok: false, error: { code: 'TIMEOUT', message: 'no answer' } });
    expect(h.retries.map((r) => r.ms)).toEqual([RETRY_AFTER_TIMEOUT_MS]);
    expect(h.sent).toHaveLength(1);
    h.retries[0].run();
    expect(h.sent.map((s) => [s.clientId, s.body])).toEqual([['c1', 'one'], ['c1', 'one']]);
    await h.sent[1].answer(h.stored_('one', 1));
    expect(h.sent[2]).toMatchObject({ clientId: 'c2', body: 'two' });
  });

  it('waits longer when rate limited, and fails a refused message without blocking the next', async () => {
    const h = harness();
    h.outbox.add('one');
    h.outbox.add('two');
    await h.sent[0].answer({ ok: false, error: { code: 'RATE_LIMITED', message: 'slow down' } });
    expect(h.retries.map((r) => r.ms)).toEqual([RETRY_AFTER_RATE_LIMIT_MS]);
    h.retries[0].run();
    await h.sent[1].answer({ ok: false, error: { code: 'VALIDATION', message: 'too long' } });
    expect(h.failed).toEqual(['one: VALIDATION']);
    expect(h.sent[2]).toMatchObject({ clientId: 'c2', body: 'two' });
  });

  it('holds messages while it cannot send and sends them, same clientIds, once it can (reconnect, reload)', async () => {
    const h = harness();
    h.setOpen(false);
    h.outbox.restore([{ clientId: 'saved-1', body: 'from before the reload' }]);
    h.outbox.add('written offline');
    expect(h.sent).toHaveLength(0);
    h.setOpen(true);
    h.outbox.flush();
    h.outbox.flush(); // a second call while one is under way sends nothing more
    expect(h.sent.map((s) => s.clientId)).toEqual(['saved-1']);
    await h.sent[0].answer(h.stored_('from before the reload', 4));
    expect(h.sent.map((s) => s.clientId)).toEqual(['saved-1', 'c1']);
  });

  it('forgets a message that arrived by another way (a push), and fails the rest when the chat ends', () => {
    const h = harness();
    h.setOpen(false);
    h.outbox.add('one');
    h.outbox.add('two');
    h.outbox.settle('c1');
    expect(h.outbox.queue.map((p) => p.body)).toEqual(['two']);
    h.outbox.failAll({ code: 'CLOSED', message: 'ended' });
    expect(h.failed).toEqual(['two: CLOSED']);
    expect(h.outbox.queue).toEqual([]);
  });
});
