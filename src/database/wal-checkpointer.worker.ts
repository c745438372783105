import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { WalCheckpointLoop, type CheckpointResult } from './wal-checkpoint-loop';

export interface CheckpointerData {
  file: string;
  intervalMs: number;
  restartAtPages: number;
}

export type CheckpointerMessage =
  | { type: 'large'; log: number }
  | { type: 'failed'; message: string }
  | { type: 'done'; id: number; result?: CheckpointResult; error?: string };

// A restart is refused while a reader is still in the old WAL: asked again after a while, not every round.
const ASK_AGAIN_MS = 1_000;

const data = workerData as CheckpointerData;
const loop = new WalCheckpointLoop(new Database(data.file), new Database(data.file));
const post = (message: CheckpointerMessage) => parentPort!.postMessage(message);
let refusedAt = 0;

setInterval(() => {
  try {
    const result = loop.tick();
    if (result.log >= data.restartAtPages && Date.now() - refusedAt >= ASK_AGAIN_MS) post({ type: 'large', log: result.log });
  } catch (error) {
    post({ type: 'failed', message: String((error as Error)?.message) });
  }
}, data.intervalMs);

parentPort!.on('message', (request: { id: number }) => {
  try {
    const { restarted, ...result } = loop.restart();
    if (!restarted) refusedAt = Date.now();
    post({ type: 'done', id: request.id, result });
  } catch (error) {
    post({ type: 'done', id: request.id, error: String((error as Error)?.message) });
  }
});
