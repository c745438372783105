// @ts-check
/*
 * The supervisor's live board. The server pushes `board:updated` on connect and on every change of
 * the desk; waits and ages tick here every second from the instants in the snapshot, measured on
 * the server's clock. One polite status line says what changed; the tables are not live regions.
 */
import { Transport } from '../chat/transport.js';
import { byId, el } from '../page/dom.js';
import { formatDuration, formatTime } from '../page/format.js';
import { data, text } from '../page/page-data.js';

/** @typedef {import('../page/types').LiveBoard} LiveBoard */
/** @typedef {import('../chat/types').AgentClientEventMap} ClientMap */
/** @typedef {import('../chat/types').AgentServerEventMap} ServerMap */

const TICK_MS = 1000;
/** @type {Record<string, number>} */
const STATUS_ORDER = { available: 0, away: 1, offline: 2 };
/** @type {Record<string, string>} */
const STATUS_COLORS = { available: 'success', away: 'warning', offline: 'neutral' };
// The server's clock may be set (FAKE_NOW); ages are measured on it, not on the browser's.
let clockOffset = data.serverNow ? Date.parse(data.serverNow) - Date.now() : 0;

const ui = {
  conn: byId('conn-status'),
  connText: byId('conn-text'),
  summary: byId('board-summary'),
  queue: byId('stat-queue'),
  wait: byId('stat-wait'),
  started: byId('stat-started'),
  closed: byId('stat-closed'),
  abandoned: byId('stat-abandoned'),
  tickets: byId('stat-tickets'),
  email: byId('stat-email'),
  chats: byId('board-chats'),
  chatsTable: byId('board-chats-table'),
  chatsEmpty: byId('board-chats-empty'),
  agents: byId('board-agents'),
  agentsTable: byId('board-agents-table'),
  agentsEmpty: byId('board-agents-empty'),
  updated: byId('board-updated'),
};

/** @type {LiveBoard | null} */
let board = null;
/** @type {number | null} */
let oldestWaitingSince = null;

const serverNow = () => Date.now() + clockOffset;

/** @param {number} ms */
const secondsSince = (ms) => Math.max(0, Math.floor((serverNow() - ms) / 1000));

/** "45 s", "4 min 05 s", "1 h 04 min": for the ticking figures. */
const duration = (/** @type {number} */ seconds) => formatDuration(seconds, 'board');

/**
 * "under 1 min", "4 min": for the spoken summary, which must not change every second.
 * @param {number} seconds
 */
function roughDuration(seconds) {
  const minutes = Math.floor(seconds / 60);
  return minutes < 1 ? text('board.duration.underMinute') : text('board.duration.wholeMinutes', { m: minutes });
}

/* ----- rendering ----- */

/** @param {LiveBoard['inProgress'][number]} chat @param {number} startedMs */
function chatRow(chat, startedMs) {
  const link = el('a', { className: 'ds-link', href: `/supervisor/chats/${encodeURIComponent(chat.chatId)}`, dataset: { chatId: chat.chatId } }, [
    text('board.open'),
    el('span', { className: 'ds-sr-only' }, [` ${text('board.openChat', { reference: chat.reference })}`]),
  ]);
  /** @type {(string | HTMLElement)[]} */
  const topic = [text(`topic.${chat.topic}`)];
  if (chat.verified) topic.push(' ', el('span', { className: 'ds-tag', 'data-color': 'success', 'data-size': 'sm' }, [text('board.verified')]));
  return el('tr', null, [
    el('th', { scope: 'row' }, [chat.reference]),
    el('td', null, topic),
    el('td', null, [chat.agentName || text('board.noAgent')]),
    el('td', { dataset: { since: String(startedMs) } }, [duration(secondsSince(startedMs))]),
    el('td', null, [link]),
  ]);
}

/** @param {LiveBoard['agents'][number]} agent */
function agentRow(agent) {
  const status = STATUS_COLORS[agent.status] ? agent.status : 'offline';
  return el('tr', null, [
    el('th', { scope: 'row' }, [agent.displayName, el('span', { className: 'board-role' }, [` (${text(`role.${agent.role}`)})`])]),
    el('td', null, [el('span', { className: 'ds-tag', 'data-color': STATUS_COLORS[status], 'data-size': 'sm' }, [text(`agentStatus.${status}`)])]),
    el('td', { className: 'num' }, [String(agent.load)]),
  ]);
}

function focusedChatId() {
  const active = /** @type {HTMLElement | null} */ (document.activeElement);
  return active && ui.chats.contains(active) && active.dataset ? active.dataset.chatId : null;
}

/** @param {LiveBoard} board @param {number} atMs */
function renderChats(board, atMs) {
  const keep = focusedChatId();
  ui.chats.textContent = '';
  for (const chat of board.inProgress) ui.chats.appendChild(chatRow(chat, atMs - chat.ageSeconds * 1000));
  ui.chatsTable.hidden = board.inProgress.length === 0;
  ui.chatsEmpty.hidden = board.inProgress.length > 0;
  if (keep) {
    const again = ui.chats.querySelector(`a[data-chat-id="${keep}"]`);
    // The chat that had focus has ended: keep the keyboard user in the section.
    (again || byId('board-chats-heading')).focus();
  }
}

/** @param {LiveBoard} board */
function renderAgents(board) {
  const agents = board.agents.slice().sort((a, b) => (STATUS_ORDER[a.status] || 0) - (STATUS_ORDER[b.status] || 0) || a.displayName.localeCompare(b.displayName));
  ui.agents.textContent = '';
  for (const agent of agents) ui.agents.appendChild(agentRow(agent));
  ui.agentsTable.hidden = agents.length === 0;
  ui.agentsEmpty.hidden = agents.length > 0;
}

/** @param {LiveBoard} board */
function summaryText(board) {
  const available = board.agents.filter((a) => a.status === 'available').length;
  const queue =
    board.queue.length > 0
      ? text('board.summary.queue', { waiting: board.queue.length, wait: roughDuration(board.queue.longestWaitSeconds) })
      : text('board.summary.noQueue');
  return `${queue} ${text('board.summary.rest', { chats: board.inProgress.length, available, agents: board.agents.length })}`;
}

/** @param {LiveBoard} snapshot */
function render(snapshot) {
  board = snapshot;
  let atMs = Date.parse(snapshot.at);
  if (!isNaN(atMs)) clockOffset = atMs - Date.now();
  else atMs = serverNow();
  oldestWaitingSince = snapshot.queue.oldestWaitingSince ? Date.parse(snapshot.queue.oldestWaitingSince) : null;
  ui.queue.textContent = String(snapshot.queue.length);
  ui.started.textContent = String(snapshot.today.chatsStarted);
  ui.closed.textContent = String(snapshot.today.chatsClosed);
  ui.abandoned.textContent = String(snapshot.today.chatsAbandoned);
  ui.tickets.textContent = String(snapshot.today.offlineTickets);
  ui.email.textContent = String(snapshot.today.emailTickets);
  renderChats(snapshot, atMs);
  renderAgents(snapshot);
  tick();
  // Only a real change is spoken: the same sentence again would be repeated by some readers.
  const summary = summaryText(snapshot);
  if (ui.summary.textContent !== summary) ui.summary.textContent = summary;
  ui.updated.textContent = text('board.updatedAt', { time: formatTime(snapshot.at) });
}

function tick() {
  if (!board) return;
  ui.wait.textContent = oldestWaitingSince && !isNaN(oldestWaitingSince) ? duration(secondsSince(oldestWaitingSince)) : text('board.noWait');
  for (const cell of ui.chats.querySelectorAll('td[data-since]')) {
    cell.textContent = duration(secondsSince(Number(/** @type {HTMLElement} */ (cell).dataset.since)));
  }
}

/* ----- socket ----- */

/** @type {Transport<ClientMap, ServerMap>} */
const transport = new Transport('/agent', {
  onState: (state) => {
    ui.conn.dataset.state = state;
    ui.connText.textContent = text(`conn.${state}`);
  },
  onRefused: (error) => {
    if (error.message !== 'UNAUTHENTICATED') return false;
    window.location.assign(`/login?next=${encodeURIComponent('/supervisor')}`);
    return true;
  },
});
transport.on('board:updated', (snapshot) => {
  if (snapshot && snapshot.queue) render(snapshot);
});

window.setInterval(tick, TICK_MS);
