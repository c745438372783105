import type { Socket } from 'socket.io-client';
import { ask, StaffLogin, TestApp, VALID_CHAT } from './test-app';

export interface AcceptedChat {
  login: StaffLogin;
  agent: Socket;
  citizen: Socket;
  /** The citizen's `chat:start` answer (chat, token, position). */
  started: any;
  /** The agent's `chat:accept` answer (chat, messages, citizen). */
  accepted: any;
  chatId: string;
}

/** An agent logged in with their socket, and a citizen's chat they have accepted. */
export async function acceptedChat(desk: TestApp, options: { login?: StaffLogin; chat?: Record<string, unknown> } = {}): Promise<AcceptedChat> {
  const login = options.login ?? (await desk.login('agent'));
  const agent = await desk.agent(login);
  const citizen = await desk.citizen();
  const started = await ask(citizen, 'chat:start', { ...VALID_CHAT, ...options.chat });
  if (!started.ok) throw new Error(`chat:start failed: ${JSON.stringify(started)}`);
  const accepted = await ask(agent, 'chat:accept', { chatId: started.chat.id });
  if (!accepted.ok) throw new Error(`chat:accept failed: ${JSON.stringify(accepted)}`);
  return { login, agent, citizen, started, accepted, chatId: started.chat.id };
}
