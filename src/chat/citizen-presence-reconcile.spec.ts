import type { Clock } from '../common/clock';
import type { Transactions } from '../database/transactions';
import type { CitizenPresenceRepository, LivePresence } from './citizen-presence.repository';
import { CitizenPresenceService, RECONCILE_CHECKS_PER_SLICE } from './citizen-presence.service';
import type { DeskEvents } from './desk-events';

// The database and the sockets as fakes: which chats the reconcile records, and whether others ran meanwhile.
function presenceOver(live: LivePresence[]) {
  const recorded: Array<[string, 'back' | 'gone']> = [];
  const repository = {
    livePresence: () => Promise.resolve(live),
    markPresent: (_db: unknown, chatId: string) => (recorded.push([chatId, 'back']), Promise.resolve(true)),
    markGone: (_db: unknown, chatId: string) => (recorded.push([chatId, 'gone']), Promise.resolve(true)),
  } as unknown as CitizenPresenceRepository;
  const transactions = { run: (work: (db: unknown) => Promise<unknown>) => work({}) } as unknown as Transactions;
  const desk = { emit: () => undefined } as unknown as DeskEvents;
  const clock = { now: () => new Date('2026-12-06T10:00:00Z') } as Clock;
  return { service: new CitizenPresenceService(repository, transactions, desk, clock), recorded };
}

describe('CitizenPresenceService.reconcile over a long queue', () => {
  it('checks every live chat, in slices with the event loop served between them', async () => {
    const count = 3 * RECONCILE_CHECKS_PER_SLICE + 7;
    const live = Array.from({ length: count }, (_, i): LivePresence => ({ id: `chat-${i}`, gone: i === count - 1, quiet: true }));
    const connected = new Set(live.filter((_, i) => i % 2 === 0).map((chat) => chat.id));
    const { service, recorded } = presenceOver(live);
    let checkedWhenOthersRan = -1;
    let checked = 0;
    setImmediate(() => (checkedWhenOthersRan = checked));
    const changed = await service.reconcile(() =>
      Promise.resolve({
        has: (chatId: string) => {
          checked += 1;
          return connected.has(chatId);
        },
      }),
    );
    const expectedGone = live.filter((chat, i) => i % 2 === 1 && !chat.gone).map((chat) => [chat.id, 'gone']);
    const expectedBack = live.filter((chat, i) => i % 2 === 0 && chat.gone).map((chat) => [chat.id, 'back']);
    expect(recorded).toEqual([...expectedGone, ...expectedBack]);
    expect(changed).toBe(expectedGone.length + expectedBack.length);
    expect(checkedWhenOthersRan).toBeGreaterThan(0);
    expect(checkedWhenOthersRan).toBeLessThan(count);
  });

  it('leaves alone a chat seen too recently, even with no socket', async () => {
    const { service, recorded } = presenceOver([{ id: 'fresh', gone: false, quiet: false }]);
    expect(await service.reconcile(() => Promise.resolve(new Set<string>()))).toBe(0);
    expect(recorded).toEqual([]);
  });
});
