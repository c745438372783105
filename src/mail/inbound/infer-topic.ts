import type { Topic } from '../../tickets/ticket.types';

const MAILBOX = /\b(digipost|e-?boks|digital(e)? postkass\w*|postkass\w*)\b/i;
const LOGIN = /\b(id-?porten|innlogging|logge? inn|bankid|minid|buypass|commfides)\b/i;

export function inferTopic(subject: string, text: string): Topic {
  const words = `${subject}\n${text.slice(0, 2000)}`;
  const mailbox = MAILBOX.test(words);
  const login = LOGIN.test(words);
  if (mailbox === login) return 'other';
  return mailbox ? 'digital-mailbox' : 'id-porten';
}
