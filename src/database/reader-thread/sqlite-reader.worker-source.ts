export interface ReaderRequest {
  id: number;
  sql: string;
  params: unknown[];
  deadline: number;
  firstPerKey?: FirstPerKey;
}

// The other rows are never copied to the main thread.
export interface FirstPerKey {
  key: string;
  count: number;
}

export type ReaderReply = { id: number; rows: unknown[] } | { id: number; timedOut: true } | { id: number; error: string; code?: string };

// Plain JavaScript, so that it runs the same from the sources (tests) and from dist/.
export const READER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const statements = new Map();
function prepare(sql) {
  let statement = statements.get(sql);
  if (!statement) {
    if (statements.size >= 256) statements.clear();
    statement = db.prepare(sql);
    if (!statement.reader) throw new Error('The reader thread only reads');
    statements.set(sql, statement);
  }
  return statement;
}
function read(request) {
  if (Date.now() >= request.deadline) return { id: request.id, timedOut: true };
  const rows = [];
  const perKey = request.firstPerKey ? new Map() : null;
  for (const row of prepare(request.sql).iterate(...request.params)) {
    if (Date.now() >= request.deadline) return { id: request.id, timedOut: true };
    if (perKey) {
      const value = row[request.firstPerKey.key];
      const seen = perKey.get(value) || 0;
      if (seen >= request.firstPerKey.count) continue;
      perKey.set(value, seen + 1);
    }
    rows.push(row);
  }
  return { id: request.id, rows };
}
parentPort.on('message', (request) => {
  let reply;
  try {
    reply = read(request);
  } catch (error) {
    reply = { id: request.id, error: String(error && error.message), code: error && error.code };
  }
  parentPort.postMessage(reply);
});
`;
