'use strict';

/**
 * Puts N chats in the desk's queue before the server starts, through the application's own code
 * (dist/: TicketWriter.open inside Transactions.run, the same write chat:start does, in batches),
 * in this process. Returns each chat's id and citizen token, oldest first; citizens then connect with
 * `auth: {token}`, the desk's reconnect path, which joins them to their chat without a queue push.
 *
 * Why not chat:start: every start makes the desk read the whole queue (its position) and push
 * chat:queued to every waiting citizen, so N starts cost O(N²) (see bench/README.md).
 */
const path = require('node:path');
const { ROOT } = require('./desk');

const dist = path.join(ROOT, 'dist');

async function seedQueuedChats(env, count, { batch = 500 } = {}) {
  require('reflect-metadata');
  const { NestFactory } = require('@nestjs/core');
  const { AppModule } = require(path.join(dist, 'app.module'));
  const { loadConfig } = require(path.join(dist, 'config/load-config'));
  const { TicketWriter } = require(path.join(dist, 'tickets/ticket-writer'));
  const { Transactions } = require(path.join(dist, 'database/transactions'));
  const { newChatToken, hashChatToken } = require(path.join(dist, 'chat/chat-token'));

  const config = loadConfig({ ...env, RETENTION_DAYS: '36500' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const writer = app.get(TicketWriter);
    const transactions = app.get(Transactions);
    const firstQueuedAt = new Date(env.FAKE_NOW).getTime() - count * 10; // 10 ms apart, before the clock starts
    const tokens = [];
    for (let start = 0; start < count; start += batch) {
      const size = Math.min(batch, count - start);
      await transactions.run(async (db) => {
        for (let i = start; i < start + size; i += 1) {
          const token = newChatToken();
          const chat = await writer.open(db, {
            channel: 'chat',
            topic: 'digital-mailbox',
            status: 'queued',
            language: 'nb',
            firstMessage: `Venter i kø ${i}: jeg finner ikke brevet i postkassen.`,
            tokenHash: hashChatToken(token),
            at: new Date(firstQueuedAt + i * 10),
          });
          tokens.push({ token, chatId: chat.id });
        }
      });
    }
    return tokens;
  } finally {
    await app.close();
  }
}

module.exports = { seedQueuedChats };
