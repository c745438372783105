// @ts-check
/**
 * A chat's messages as the server numbered them: each seq once, in seq order, whatever order they
 * arrive in (a push, an acknowledgement, a resume after a gap). `lastSeq` is the highest seq up
 * to which nothing is missing: what a resume or a join asks to continue after.
 */

/** @typedef {import('./types').MessageDto} MessageDto */

export class MessageLog {
  /** @param {string | null} [chatId] messages of another chat are ignored once it is known */
  constructor(chatId = null) {
    this.chatId = chatId;
    /** @type {MessageDto[]} sorted by seq */
    this.messages = [];
    /** @type {Set<number>} */
    this.seqs = new Set();
    /** @type {Set<string>} */
    this.clientIds = new Set();
    this.lastSeq = 0;
  }

  /**
   * Adds a message if it is new. Returns the seq of the message it goes before (null: at the end),
   * or undefined when it was already there (or not a message of this chat).
   * @param {MessageDto} message
   * @returns {number | null | undefined}
   */
  add(message) {
    if (!message || typeof message.seq !== 'number') return undefined;
    if (this.chatId && message.chatId && message.chatId !== this.chatId) return undefined;
    if (this.seqs.has(message.seq)) return undefined;
    this.seqs.add(message.seq);
    if (message.clientId) this.clientIds.add(message.clientId);
    let index = this.messages.length;
    while (index > 0 && this.messages[index - 1].seq > message.seq) index -= 1;
    this.messages.splice(index, 0, message);
    while (this.seqs.has(this.lastSeq + 1)) this.lastSeq += 1;
    const after = this.messages[index + 1];
    return after ? after.seq : null;
  }

  /** @param {string} clientId */
  hasClientId(clientId) {
    return this.clientIds.has(clientId);
  }
}
