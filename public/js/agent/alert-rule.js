// @ts-check
/**
 * When the agent console alerts, as pure functions of what arrived and what the agent sees: a chat
 * entering the queue alerts an available agent; a citizen's message in one of the agent's chats
 * alerts unless the agent is looking at that chat (selected, on a visible and focused page).
 */

/** @typedef {import('../chat/types').WaitingChat} WaitingChat */

/**
 * @typedef {object} ViewState
 * @property {'available' | 'away' | null} status
 * @property {string | null} selectedChatId the chat card the agent last clicked or moved focus into
 * @property {boolean} pageVisible
 * @property {boolean} pageFocused
 */

/** @param {ViewState} view @param {string} chatId */
export function looksAt(view, chatId) {
  return view.pageVisible && view.pageFocused && view.selectedChatId === chatId;
}

/**
 * The chats that entered the queue since the last list. Nothing for the first list after the page
 * loads or the agent becomes available (`known` null): those chats were already waiting.
 * @param {ReadonlySet<string> | null} known the chat ids of the last list
 * @param {WaitingChat[]} waiting
 * @param {ViewState} view
 */
export function newInQueue(known, waiting, view) {
  if (view.status !== 'available' || known === null) return [];
  return waiting.filter((entry) => !known.has(entry.chatId));
}

/**
 * @param {{ chatId: string, author: string }} message
 * @param {boolean} open the chat is one of the agent's, on the console
 * @param {ViewState} view
 */
export function messageAlerts(message, open, view) {
  return open && message.author === 'citizen' && !looksAt(view, message.chatId);
}

/** "(3) Chat console – …"; the plain title at 0. @param {string} base @param {number} count */
export function titleWithCount(base, count) {
  return count > 0 ? `(${count}) ${base}` : base;
}
