import { Injectable } from '@nestjs/common';

const INTERVAL_MS = 300;

interface ChatTyping {
  sentAt: number;
  sent?: boolean;
  pending?: boolean;
  timer?: NodeJS.Timeout;
}

// Only the latest held state is sent, so the other side never keeps a stuck "typing".
@Injectable()
export class TypingThrottle {
  private readonly bySocket = new WeakMap<object, Map<string, ChatTyping>>();

  forward(socket: object, chatId: string, typing: boolean, deliver: (typing: boolean) => void): void {
    let chats = this.bySocket.get(socket);
    if (!chats) this.bySocket.set(socket, (chats = new Map()));
    let state = chats.get(chatId);
    if (!state) chats.set(chatId, (state = { sentAt: -Infinity }));
    const now = performance.now();
    if (state.timer) {
      state.pending = typing;
    } else if (now - state.sentAt >= INTERVAL_MS) {
      send(state, typing, deliver);
    } else {
      state.pending = typing;
      const held = state;
      held.timer = setTimeout(() => {
        held.timer = undefined;
        const latest = held.pending;
        held.pending = undefined;
        if (latest !== undefined && latest !== held.sent) send(held, latest, deliver);
      }, INTERVAL_MS - (now - state.sentAt));
    }
  }
}

function send(state: ChatTyping, typing: boolean, deliver: (typing: boolean) => void): void {
  state.sentAt = performance.now();
  state.sent = typing;
  deliver(typing);
}
