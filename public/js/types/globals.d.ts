import type { io } from 'socket.io-client';
import type { DeskApi } from '../chat/types';

declare global {
  interface Window {
    io: typeof io;
    Desk: DeskApi;
  }
}
