import { Worker, WorkerOptions } from 'node:worker_threads';

// jest does not reach into worker threads, so from the sources a thread compiles its `.ts` files itself.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
if (workerData.entry.endsWith('.ts')) {
  const { readFileSync } = require('node:fs');
  const ts = require(workerData.typescript);
  const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
  require.extensions['.ts'] = (module, fileName) =>
    module._compile(ts.transpileModule(readFileSync(fileName, 'utf8'), { compilerOptions, fileName }).outputText, fileName);
}
require(workerData.entry);
`;

/** A worker thread running `entry` (a resolved module path), from `dist/` or from the sources alike. */
export function startWorker(entry: string, data: object, options: Omit<WorkerOptions, 'eval' | 'workerData'> = {}): Worker {
  const workerData: Record<string, unknown> = { ...data, entry };
  if (entry.endsWith('.ts')) workerData.typescript = require.resolve('typescript');
  return new Worker(BOOTSTRAP, { ...options, eval: true, workerData });
}
