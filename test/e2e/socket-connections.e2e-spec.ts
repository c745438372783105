import { io, Socket } from 'socket.io-client';
import { startTestApp, TestApp, until } from '../support/test-app';

function citizenVia(desk: TestApp, forwardedFor: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(`${desk.url}/citizen`, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { 'x-forwarded-for': forwardedFor } });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

describe('open sockets per client address (MAX_SOCKETS_PER_ADDRESS=3)', () => {
  let desk: TestApp;

  beforeEach(async () => {
    desk = await startTestApp({ env: { MAX_SOCKETS_PER_ADDRESS: '3' } });
  });

  afterEach(async () => {
    await desk.close();
  });

  it('refuses the fourth connection with a clear error, and takes a new one after one closes', async () => {
    const open = [await desk.citizen(), await desk.citizen(), await desk.agent(await desk.login('agent'))];
    await expect(desk.citizen().then((socket) => socket.id)).rejects.toThrow();
    const refused = await desk.http().get('/socket.io/?EIO=4&transport=polling').expect(403);
    expect(refused.body.message).toMatch(/too many connections from your address/i);

    // The server notices the close a moment later; until then a new connection is still refused.
    open[0].disconnect();
    let another: Socket | undefined;
    await until(async () => (another = await desk.citizen().catch(() => undefined)) !== undefined);
    expect(another!.connected).toBe(true);
  });

  it('counts each client behind a trusted proxy on its own', async () => {
    await desk.close();
    desk = await startTestApp({ env: { MAX_SOCKETS_PER_ADDRESS: '3', TRUSTED_PROXIES: '127.0.0.1' } });
    for (let i = 0; i < 3; i += 1) await citizenVia(desk, '198.51.100.1');
    await expect(citizenVia(desk, '198.51.100.1').then((socket) => socket.id)).rejects.toThrow();
    expect((await citizenVia(desk, '198.51.100.2')).connected).toBe(true);
  });
});
