import type { io } from 'socket.io-client';
import type { DeskApi } from '../chat/types';

declare global {
  interface Window {
    io: typeof io;
    Desk: DeskApi;
    /** citizen-panel.js and reply-picker.js: classic scripts shared with the ticket page. */
    DeskCitizen: any;
    DeskReplies: any;
  }
}
