import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The built desk (`node dist/main.js`) in a child process, as it runs in production. */
export interface DeskProcess {
  url: string;
  port: number;
  child: ChildProcess;
  dataDir: string;
  output: string[];
}

export const ROOT = join(__dirname, '../..');
export const ADMIN_PASSWORD = 'e2e-admin-password-for-tests';

/** Builds dist/, unless the test command already did (DESK_BUILT): two builds at once would clash. */
export function buildDesk(): void {
  if (process.env.DESK_BUILT) return;
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'pipe' });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the built server with the test defaults (open desk, fixture registry, SQLite in a temp dir) and `env` on top. */
export async function startDesk(env: Record<string, string> = {}, port?: number): Promise<DeskProcess> {
  const listenOn = port ?? (await freePort());
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-process-'));
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dataDir,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(listenOn),
      DATA_DIR: dataDir,
      DATABASE_URL: `sqlite:${join(dataDir, 'desk.sqlite')}`,
      REGISTRY_FIXTURE: join(ROOT, 'data/registry.sample.json'),
      FAKE_NOW: '2026-11-24T10:00:00Z',
      ADMIN_PASSWORD,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const desk: DeskProcess = { url: `http://127.0.0.1:${listenOn}`, port: listenOn, child, dataDir, output: [] };
  child.stdout!.on('data', (chunk: Buffer) => desk.output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => desk.output.push(chunk.toString()));

  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${desk.output.join('')}`);
    try {
      if ((await fetch(`${desk.url}/health`)).ok) return desk;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start in time:\n${desk.output.join('')}`);
}

/** SIGTERM, then SIGKILL after 5 s; removes its data directory. */
export async function stopDesk(desk: DeskProcess): Promise<void> {
  if (desk.child.exitCode === null && desk.child.signalCode === null) {
    const exited = new Promise<void>((resolve) => desk.child.once('exit', () => resolve()));
    desk.child.kill('SIGTERM');
    const timer = setTimeout(() => desk.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(desk.dataDir, { recursive: true, force: true });
}

/** Killed outright, as a crashed machine would be: no shutdown hooks, no goodbye to clients. */
export async function killDesk(desk: DeskProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => desk.child.once('exit', () => resolve()));
  desk.child.kill('SIGKILL');
  await exited;
}
