'use strict';

const { io } = require('socket.io-client');

/** Opens one Socket.IO connection (WebSocket only, no reconnection) and resolves once connected. */
function connect(url, namespace, { headers, auth, timeoutMs = 20_000 } = {}) {
  return new Promise((resolve, reject) => {
    const socket = io(`${url}${namespace}`, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      timeout: timeoutMs,
      ...(headers ? { extraHeaders: headers } : {}),
      ...(auth ? { auth } : {}),
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(new Error(`${namespace}: ${error.message}`));
    });
  });
}

/** Emits and resolves with the acknowledgement; rejects when it is `ok: false` or late. */
async function ask(socket, event, payload = {}, timeoutMs = 20_000) {
  const ack = await socket.timeout(timeoutMs).emitWithAck(event, payload);
  if (!ack || ack.ok !== true) {
    const error = new Error(`${event}: ${ack?.error?.code ?? 'no ok'} ${ack?.error?.message ?? ''}`);
    error.code = ack?.error?.code;
    throw error;
  }
  return ack;
}

/** Resolves with the next payload of an event (optionally the first that matches). */
function next(socket, event, matches = () => true, timeoutMs = 20_000) {
  return new Promise((resolve, reject) => {
    const listener = (payload) => {
      if (!matches(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no "${event}" within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on(event, listener);
  });
}

/** Runs `fn` over `items` with at most `limit` at a time; results in input order. */
async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let nextIndex = 0;
  const worker = async () => {
    while (nextIndex < items.length) {
      const index = nextIndex++;
      results[index] = await fn(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function closeAll(sockets) {
  for (const socket of sockets) socket.close();
}

module.exports = { connect, ask, next, mapLimit, closeAll };
