import { io, type Socket } from 'socket.io-client';
import { ADMIN_PASSWORD, buildDesk, type DeskProcess, startDesk, stopDesk } from './desk-process';
import { queryPostgres } from './postgres';
import { ask, VALID_CHAT } from './test-app';

/**
 * Instances of the built desk on one PostgreSQL database of their own and one Redis, as behind a
 * load balancer (multi-instance tier). Needs TEST_POSTGRES_URL and TEST_REDIS_URL.
 */
export interface ClusterStaff {
  id: string;
  cookie: string;
  csrfToken: string;
}

const SESSION_SECRET = 'a-session-secret-shared-by-every-instance';

export class DeskCluster {
  readonly instances: DeskProcess[] = [];
  readonly sockets: Socket[] = [];
  admin!: ClusterStaff;
  private staffCount = 0;

  private constructor(
    private readonly server: string,
    private readonly redis: string,
    readonly database: string,
    private readonly env: Record<string, string>,
  ) {}

  /** A fresh database and `count` instances started on it at once (one migrates, the others wait). */
  static async start(count: number, env: Record<string, string> = {}): Promise<DeskCluster> {
    const server = process.env.TEST_POSTGRES_URL;
    const redis = process.env.TEST_REDIS_URL;
    if (!server || !redis) throw new Error('TEST_POSTGRES_URL and TEST_REDIS_URL must be set: run scripts/services.sh start');
    buildDesk();
    const cluster = new DeskCluster(server, redis, `desk_multi_${process.pid}_${Date.now()}`, env);
    await queryPostgres(server, `CREATE DATABASE ${cluster.database}`);
    await Promise.all(Array.from({ length: count }, () => cluster.startInstance()));
    cluster.admin = await cluster.logIn(cluster.instances[0], 'admin', ADMIN_PASSWORD);
    return cluster;
  }

  /** The cluster's own database (for reading what the instances decided). */
  get databaseUrl(): string {
    const url = new URL(this.server);
    url.pathname = `/${this.database}`;
    return url.toString();
  }

  async startInstance(): Promise<DeskProcess> {
    const desk = await startDesk({
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: this.redis,
      SESSION_SECRET,
      RATE_LIMIT_STARTS: '100000',
      RATE_LIMIT_LOGINS: '100000',
      ...this.env,
    });
    this.instances.push(desk);
    return desk;
  }

  async logIn(desk: DeskProcess, username: string, password: string): Promise<ClusterStaff> {
    const response = await fetch(`${desk.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (response.status !== 200) throw new Error(`log-in as ${username} failed: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { csrfToken: string; user: { id: string } };
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    return { id: body.user.id, cookie, csrfToken: body.csrfToken };
  }

  /** An agent account created through instance `via`, logged in on instance `loginOn`. */
  async newAgent(via: DeskProcess, loginOn: DeskProcess): Promise<ClusterStaff> {
    this.staffCount += 1;
    const username = `agent${this.staffCount}`;
    const password = `agent-password-${this.staffCount}-long-enough`;
    const created = await fetch(`${via.url}/api/admin/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: this.admin.cookie, 'x-csrf-token': this.admin.csrfToken },
      body: JSON.stringify({ username, password, displayName: `Agent ${this.staffCount}`, role: 'agent' }),
    });
    if (created.status !== 201) throw new Error(`creating ${username} failed: ${created.status} ${await created.text()}`);
    return this.logIn(loginOn, username, password);
  }

  connect(desk: DeskProcess, namespace: '/citizen' | '/agent', options: Parameters<typeof io>[1] = {}): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = io(`${desk.url}${namespace}`, { transports: ['websocket'], reconnection: false, forceNew: true, ...options });
      this.sockets.push(socket);
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  }

  async availableAgent(desk: DeskProcess, staff: ClusterStaff): Promise<Socket> {
    const socket = await this.connect(desk, '/agent', { extraHeaders: { cookie: staff.cookie } });
    const answer = await ask(socket, 'agent:status', { status: 'available' });
    if (!answer.ok) throw new Error(`agent:status failed: ${JSON.stringify(answer)}`);
    return socket;
  }

  async startChat(desk: DeskProcess, message = VALID_CHAT.message): Promise<{ socket: Socket; chatId: string; token: string; position: number }> {
    const socket = await this.connect(desk, '/citizen');
    const started = await ask(socket, 'chat:start', { ...VALID_CHAT, message });
    if (!started.ok) throw new Error(`chat:start failed: ${JSON.stringify(started)}`);
    return { socket, chatId: started.chat.id, token: started.token, position: started.position };
  }

  disconnectAll(): void {
    this.sockets.splice(0).forEach((socket) => socket.disconnect());
  }

  async stop(): Promise<void> {
    this.disconnectAll();
    await Promise.all(this.instances.map(stopDesk));
    await queryPostgres(this.server, `DROP DATABASE IF EXISTS ${this.database} WITH (FORCE)`);
  }
}
