import type { QueuePosition } from './chat-queue.service';
import { nextEmitBudget, QueuePositionsPush, type Place, type QueuePushTarget } from './queue-positions-push';

function queue(ids: string[], waitPerPlace = 60): QueuePosition[] {
  return ids.map((chatId, index) => ({ chatId, position: index + 1, estimatedWaitSeconds: (index + 1) * waitPerPlace }));
}

// Every place told, in order, and a switch standing for "a newer queue change came".
function citizens(here: (chatId: string) => boolean = () => true) {
  const told: Array<{ chatId: string } & Place> = [];
  let changed = false;
  const target: QueuePushTarget = { isHere: here, tell: (chatId, place) => told.push({ chatId, ...place }), superseded: () => changed };
  return {
    target,
    told,
    change: (value: boolean) => (changed = value),
    last: (chatId: string) => told.filter((t) => t.chatId === chatId).at(-1),
  };
}

// A slice of 0 ms: the push yields after every emit.
const everyEmit = () => new QueuePositionsPush({ sliceMs: 0, now: () => performance.now(), afterWrites: () => Promise.resolve() });
const ids = (n: number) => Array.from({ length: n }, (_, i) => `chat-${i}`);

describe('QueuePositionsPush', () => {
  it('tells every citizen on this instance its place once, and only changes after that', async () => {
    const push = new QueuePositionsPush();
    const desk = citizens((chatId) => chatId !== 'elsewhere');
    expect(await push.push(queue(['a', 'elsewhere', 'b']), desk.target)).toBe('complete');
    expect(desk.told).toEqual([
      { chatId: 'a', position: 1, estimatedWaitSeconds: 60 },
      { chatId: 'b', position: 3, estimatedWaitSeconds: 180 },
    ]);
    desk.told.length = 0;
    await push.push(queue(['a', 'b', 'elsewhere']), desk.target);
    expect(desk.told).toEqual([{ chatId: 'b', position: 2, estimatedWaitSeconds: 120 }]);
  });

  it('tells again after forget, not after remember, and again when a chat comes back to the queue', async () => {
    const push = new QueuePositionsPush();
    const desk = citizens();
    await push.push(queue(['a', 'b']), desk.target);
    desk.told.length = 0;
    push.forget('a');
    push.remember('b', { position: 2, estimatedWaitSeconds: 120 });
    await push.push(queue(['a', 'b']), desk.target);
    expect(desk.told.map((t) => t.chatId)).toEqual(['a']);
    await push.push(queue(['a']), desk.target); // b left the queue
    desk.told.length = 0;
    await push.push(queue(['a', 'b']), desk.target);
    expect(desk.told).toEqual([{ chatId: 'b', position: 2, estimatedWaitSeconds: 120 }]);
  });

  it('yields to the event loop between slices instead of telling everyone in one go', async () => {
    const push = everyEmit();
    const desk = citizens();
    let toldWhenOthersRan = -1;
    setImmediate(() => (toldWhenOthersRan = desk.told.length));
    await push.push(queue(ids(50)), desk.target);
    expect(desk.told).toHaveLength(50);
    expect(toldWhenOthersRan).toBeGreaterThan(0);
    expect(toldWhenOthersRan).toBeLessThan(50);
  });

  it('stops a push that a newer change supersedes; the newer one reaches everyone and nothing stale follows it', async () => {
    const push = everyEmit();
    const desk = citizens();
    const before = ids(20);
    const older = push.push(queue(before), desk.target);
    setImmediate(() => desk.change(true)); // a change after the first slice
    expect(await older).toBe('superseded');
    const toldOld = desk.told.length;
    expect(toldOld).toBeGreaterThan(0);
    expect(toldOld).toBeLessThan(20);

    desk.change(false);
    const after = before.slice(1); // chat-0 accepted: everyone moves up one
    expect(await push.push(queue(after, 30), desk.target)).toBe('complete');
    const newest = queue(after, 30);
    for (const place of newest) expect(desk.last(place.chatId)).toEqual(place);
    // Every tell after the newer push began carries the newer positions.
    for (const told of desk.told.slice(toldOld)) expect(newest).toContainEqual(told);
  });

  it('picks up where a superseded push stopped, so a queue that keeps changing still reaches its tail', async () => {
    const push = everyEmit();
    const desk = citizens();
    const chats = ids(10);
    for (let round = 0; round < 10; round += 1) {
      desk.change(false);
      const pushing = push.push(queue(chats), desk.target);
      setImmediate(() => desk.change(true)); // every push is superseded after one slice
      await pushing;
    }
    expect(new Set(desk.told.map((t) => t.chatId))).toEqual(new Set(chats));
  });

  it('tells nothing when the positions it was given are already stale', async () => {
    const push = new QueuePositionsPush();
    const desk = citizens();
    desk.change(true);
    expect(await push.push(queue(['a', 'b']), desk.target)).toBe('superseded');
    expect(desk.told).toEqual([]);
  });

  it('counts the writes after a slice in its budget: when they cost as much as the emits, the next slices emit half as long', async () => {
    // A fake clock: an emit costs 1 ms, and the writes after a slice 1 ms for each emit in it.
    let clock = 0;
    let emitsInSlice = 0;
    const slices: number[] = [];
    const push = new QueuePositionsPush({
      sliceMs: 8,
      now: () => clock,
      afterWrites: () => {
        slices.push(emitsInSlice);
        clock += emitsInSlice;
        emitsInSlice = 0;
        return Promise.resolve();
      },
    });
    const desk = citizens();
    const target: QueuePushTarget = {
      ...desk.target,
      tell: (chatId, place) => {
        desk.target.tell(chatId, place);
        clock += 1;
        emitsInSlice += 1;
      },
    };
    expect(await push.push(queue(ids(40)), target)).toBe('complete');
    expect(desk.told).toHaveLength(40);
    expect(slices[0]).toBe(8); // 8 ms of emits, then 8 ms of writes
    expect(slices.slice(1)).toEqual(Array(slices.length - 1).fill(4)); // 4 + 4 ms from then on
  });
});

describe('nextEmitBudget', () => {
  it('scales the time for emits so that emits and writes fill the slice', () => {
    expect(nextEmitBudget(8, 16, 8)).toBe(4);
    expect(nextEmitBudget(4, 8, 8)).toBe(4);
    expect(nextEmitBudget(2, 4, 8)).toBe(4);
  });

  it('stays between an eighth of the slice and the whole slice, and keeps its budget when nothing was measured', () => {
    expect(nextEmitBudget(8, 1000, 8)).toBe(1);
    expect(nextEmitBudget(8, 1, 8)).toBe(8);
    expect(nextEmitBudget(3, 0, 8)).toBe(3);
    expect(nextEmitBudget(0, 0, 0)).toBe(0);
  });
});
