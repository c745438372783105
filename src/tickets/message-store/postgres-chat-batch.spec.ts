import { ChatSend, SendOutcome, storeEachAnswered } from './postgres-chat-batch';

const send = (body: string): ChatSend => ({ chatId: 'c1', sender: { role: 'citizen' }, id: body, createdAt: new Date(0), clientId: body, body });
const stored = (sends: ChatSend[]): SendOutcome[] => sends.map((s) => ({ ok: true, value: { row: { id: s.id } as never, isNew: true } }));

describe('storeEachAnswered', () => {
  it('answers a batch from one transaction when it commits', async () => {
    const transactions: string[][] = [];
    const outcomes = await storeEachAnswered(async (sends) => {
      transactions.push(sends.map((s) => s.body));
      return stored(sends);
    }, [send('a'), send('b'), send('c')]);

    expect(transactions).toEqual([['a', 'b', 'c']]);
    expect(outcomes.map((o) => o.ok && o.value.row.id)).toEqual(['a', 'b', 'c']);
  });

  it('tries each send alone, in order, when the batch fails, and fails only the one that fails alone', async () => {
    const deadlock = new Error('deadlock detected');
    const transactions: string[][] = [];
    const outcomes = await storeEachAnswered(async (sends) => {
      transactions.push(sends.map((s) => s.body));
      if (sends.some((s) => s.body === 'b')) throw deadlock;
      return stored(sends);
    }, [send('a'), send('b'), send('c')]);

    expect(transactions).toEqual([['a', 'b', 'c'], ['a'], ['b'], ['c']]);
    expect(outcomes).toEqual([{ ok: true, value: expect.objectContaining({ isNew: true }) }, { ok: false, error: deadlock }, { ok: true, value: expect.objectContaining({ isNew: true }) }]);
  });

  it('answers a lone failing send with its error instead of throwing', async () => {
    const lost = new Error('Connection terminated');
    await expect(storeEachAnswered(() => Promise.reject(lost), [send('a')])).resolves.toEqual([{ ok: false, error: lost }]);
  });
});
