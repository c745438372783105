'use strict';

const { connect, ask, next, mapLimit } = require('./sockets');
const { agentUrl, citizenUrl } = require('./desk-group');

/**
 * Agent sockets, one per agent account (desk) or per simulated agent (relay), each set available.
 * On the desk every socket of an agent joins all of that agent's chats, so one socket per account.
 */
async function connectAgents(target, count) {
  const sessions = target.agentSessions || [];
  return mapLimit(Array.from({ length: count }, (_, i) => i), 20, async (i) => {
    const headers = sessions[i] ? { cookie: sessions[i].cookie } : undefined;
    const socket = await connect(agentUrl(target, i), '/agent', { headers });
    socket.benchSide = 'agent';
    await ask(socket, 'agent:status', { status: 'available' });
    return socket;
  });
}

/**
 * `count` chats, each a citizen socket that started it and an agent socket that accepted it
 * (pair i goes to agent i mod agents.length). Opened in batches so the queue stays short.
 */
async function openPairs(target, agents, count, { firstIndex = 0, batchSize = 100 } = {}) {
  const pairs = [];
  for (let start = 0; start < count; start += batchSize) {
    const indexes = Array.from({ length: Math.min(batchSize, count - start) }, (_, i) => firstIndex + start + i);
    const batch = await Promise.all(indexes.map((index) => startChat(target, index)));
    await Promise.all(batch.map((pair) => acceptChat(pair, agents[pair.index % agents.length])));
    pairs.push(...batch);
  }
  return pairs;
}

async function startChat(target, index) {
  const citizen = await connect(citizenUrl(target, index), '/citizen');
  citizen.benchSide = 'citizen';
  const started = await ask(citizen, 'chat:start', { topic: 'other', message: `Benchmark chat ${index}: jeg finner ikke brevet i postkassen.`, language: 'nb' });
  return { index, chatId: started.chat.id, citizen, agent: null, sent: { citizen: 0, agent: 0 }, acked: 0 };
}

async function acceptChat(pair, agent) {
  const assigned = next(pair.citizen, 'chat:assigned');
  assigned.catch(() => undefined); // reported below, unless the accept itself failed first
  await ask(agent, 'chat:accept', { chatId: pair.chatId });
  await assigned;
  pair.agent = agent;
}

/** The agents close their chats (outcome resolved) and the citizens disconnect; returns how many closes failed. */
async function closePairs(pairs) {
  const failures = await mapLimit(pairs, 50, async (pair) => {
    try {
      if (pair.agent?.connected) await ask(pair.agent, 'chat:close', { chatId: pair.chatId, outcome: 'resolved' });
      return 0;
    } catch {
      return 1;
    } finally {
      pair.citizen.close();
    }
  });
  return failures.reduce((a, b) => a + b, 0);
}

module.exports = { connectAgents, openPairs, closePairs };
