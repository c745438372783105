import type { ImapFlowOptions } from 'imapflow';

export interface DovecotServer {
  port: number;
  user: string;
  password: string;
  url(folder?: string): string;
  clientOptions(): ImapFlowOptions;
  log(): string;
  kick(): void;
  stop(): Promise<void>;
}

export function startDovecotServer(options?: { user?: string; password?: string }): Promise<DovecotServer>;
