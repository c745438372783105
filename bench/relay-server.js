'use strict';

/**
 * The baseline for bench/chat-load.js: a bare Socket.IO relay with the desk's shape and nothing
 * else. Same namespaces, event names, acknowledgement and message shapes as the desk (contract.md
 * section 3), same server options (WebSocket, 64 KiB packets), but no database, validation,
 * authentication or queue: a chat is a room, `message:send` gets the next seq in memory, goes to
 * the chat's room in both namespaces (`message:new`) and is acknowledged.
 *
 *   PORT=4000 node bench/relay-server.js
 */
const http = require('node:http');
const { randomUUID } = require('node:crypto');
const { Server } = require('socket.io');

const roomOf = (chatId) => `chat:${chatId}`;

/** chatId → { seq } for every chat started on this relay. */
const chats = new Map();

function createRelay() {
  const httpServer = http.createServer((request, response) => {
    const healthy = request.url === '/health';
    response.writeHead(healthy ? 200 : 404, { 'content-type': 'application/json' });
    response.end(healthy ? '{"status":"ok"}' : '{"error":{"code":"NOT_FOUND"}}');
  });
  const io = new Server(httpServer, { serveClient: false, cors: { origin: false }, maxHttpBufferSize: 64 * 1024 });
  const citizens = io.of('/citizen');
  const agents = io.of('/agent');

  const deliver = (chatId, author, clientId, body) => {
    const chat = chats.get(chatId);
    chat.seq += 1;
    const message = { id: randomUUID(), chatId, seq: chat.seq, clientId, author, kind: 'text', body, createdAt: new Date().toISOString() };
    citizens.to(roomOf(chatId)).emit('message:new', message);
    agents.to(roomOf(chatId)).emit('message:new', message);
    return message;
  };

  citizens.on('connection', (socket) => {
    socket.on('chat:start', (input, ack) => {
      const chatId = randomUUID();
      chats.set(chatId, { seq: 0 });
      socket.data.chatId = chatId;
      socket.join(roomOf(chatId));
      deliver(chatId, 'citizen', null, String(input?.message ?? ''));
      reply(ack, { chat: { id: chatId, reference: chatId.slice(0, 8), status: 'queued' }, token: chatId, position: 1, estimatedWaitSeconds: 0 });
    });
    socket.on('message:send', (input, ack) => {
      const chatId = socket.data.chatId;
      if (!chatId) return fail(ack, 'UNAUTHENTICATED');
      reply(ack, { message: deliver(chatId, 'citizen', input?.clientId, input?.body) });
    });
  });

  agents.on('connection', (socket) => {
    socket.emit('agent:state', { user: { id: socket.id }, status: 'away', chats: [], waiting: [] });
    socket.on('agent:status', (_input, ack) => reply(ack, {}));
    socket.on('chat:accept', (input, ack) => {
      const chatId = input?.chatId;
      if (!chats.has(chatId)) return fail(ack, 'NOT_FOUND');
      socket.join(roomOf(chatId));
      citizens.to(roomOf(chatId)).emit('chat:assigned', { agentName: 'Relay agent' });
      reply(ack, { chat: { id: chatId, status: 'active' }, messages: [], citizen: null });
    });
    socket.on('chat:close', (input, ack) => {
      const chatId = input?.chatId;
      if (!socket.rooms.has(roomOf(chatId))) return fail(ack, 'FORBIDDEN');
      citizens.to(roomOf(chatId)).emit('chat:ended', { by: 'agent', outcome: input.outcome });
      socket.leave(roomOf(chatId));
      chats.delete(chatId);
      reply(ack, {});
    });
    socket.on('message:send', (input, ack) => {
      const chatId = input?.chatId;
      if (!socket.rooms.has(roomOf(chatId))) return fail(ack, 'FORBIDDEN');
      reply(ack, { message: deliver(chatId, 'agent', input.clientId, input.body) });
    });
  });
  return httpServer;
}

function reply(ack, payload) {
  if (typeof ack === 'function') ack({ ok: true, ...payload });
}

function fail(ack, code) {
  if (typeof ack === 'function') ack({ ok: false, error: { code, message: code } });
}

if (require.main === module) {
  const port = Number(process.env.PORT || 4000);
  const host = process.env.HOST || '127.0.0.1';
  const server = createRelay();
  server.listen(port, host, () => console.log(`relay listening on http://${host}:${port}`));
  process.on('SIGTERM', () => process.exit(0));
}

