import type { MessageMappingProperties } from '@nestjs/websockets';
import { EventEmitter } from 'node:events';
import { from, isObservable, of } from 'rxjs';
import { mergeAll } from 'rxjs/operators';
import type { RedisConnection } from './scaling/redis-connection';
import { DeskSocketAdapter } from './socket-adapter';

// What Nest passes as `transform` (WebSocketsController.pickResult).
async function pickResult(deferred: unknown) {
  const result = await deferred;
  if (isObservable(result)) return result;
  return result instanceof Promise ? from(result) : of(result);
}
const nestTransform = (deferred: unknown) => from(pickResult(deferred)).pipe(mergeAll());

function bind(callback: MessageMappingProperties['callback'], isAckHandledManually = false) {
  const adapter = new DeskSocketAdapter(undefined as never, [], { client: null } as unknown as RedisConnection);
  // The event limit's middleware is covered by test/e2e/socket-floods.e2e-spec.ts.
  const socket = Object.assign(new EventEmitter(), { nsp: { name: '/citizen' }, use: () => undefined });
  adapter.bindMessageHandlers(socket as never, [{ message: 'ask', callback, isAckHandledManually, methodName: 'ask' }], nestTransform as never);
  return socket;
}

function ask(socket: EventEmitter, data: unknown): Promise<unknown> {
  return new Promise((resolve) => socket.emit('ask', data, resolve));
}

describe('DeskSocketAdapter message handlers', () => {
  it('acknowledges with what an async handler answers', async () => {
    const socket = bind(async (data: unknown) => ({ ok: true, echo: data }));

    await expect(ask(socket, { n: 1 })).resolves.toEqual({ ok: true, echo: { n: 1 } });
  });

  it('acknowledges with the value of an Observable a handler answers with', async () => {
    const socket = bind(() => of({ ok: true, from: 'observable' }));

    await expect(ask(socket, {})).resolves.toEqual({ ok: true, from: 'observable' });
  });

  it('emits an answer that names an event instead of acknowledging', async () => {
    const socket = bind(async () => ({ event: 'told', data: { n: 2 } }));
    const told = new Promise((resolve) => socket.on('told', resolve));
    const ack = jest.fn();

    socket.emit('ask', {}, ack);

    await expect(told).resolves.toEqual({ n: 2 });
    expect(ack).not.toHaveBeenCalled();
  });

  it('leaves the acknowledgement to a handler that sends it itself', async () => {
    let answered!: () => void;
    const done = new Promise<void>((resolve) => (answered = resolve));
    const socket = bind(async (_data: unknown, ack: (value: unknown) => void) => {
      ack({ ok: 'by hand' });
      answered();
      return { ok: 'by the adapter' };
    }, true);
    const ack = jest.fn();

    socket.emit('ask', {}, ack);
    await done;
    await new Promise((resolve) => setImmediate(resolve));

    expect(ack.mock.calls).toEqual([[{ ok: 'by hand' }]]);
  });
});
