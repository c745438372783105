// The old name, still imported by test/browser/mail-pages.browser-spec.ts; use MessageStore.
export { MessageStore as MessageRepository } from './message-store/message-store';
