'use strict';

const { randomBytes } = require('node:crypto');
const { deskEnvironment, startDesk } = require('./desk');

/**
 * `count` desk processes on one PostgreSQL database and one Redis (DATABASE_URL, REDIS_URL), as
 * behind a load balancer, with the interface of one server (bench/lib/server-process.js) so the
 * chat bench drives them as one: `urls` lists them, CPU is summed, memory and stalls are the
 * largest of any instance, profiles are written per instance.
 */
async function startDeskGroup(count, { keep = false } = {}) {
  if (!process.env.DATABASE_URL?.startsWith('postgres') || !process.env.REDIS_URL) {
    throw new Error('--instances > 1 needs DATABASE_URL=postgres://… and REDIS_URL=redis://… (the instances share both)');
  }
  const first = deskEnvironment({ keep });
  const shared = { SESSION_SECRET: `bench-${randomBytes(24).toString('base64url')}` };
  const environments = [first, ...Array.from({ length: count - 1 }, () => deskEnvironment({ keep }))].map((environment) => ({
    ...environment,
    admin: first.admin,
    env: { ...environment.env, ...shared, ADMIN_USERNAME: first.admin.username, ADMIN_PASSWORD: first.admin.password },
  }));
  // The first migrates the database alone; the others start on it together.
  const desks = [await startDesk({ keep, environment: environments[0] })];
  desks.push(...(await Promise.all(environments.slice(1).map((environment) => startDesk({ keep, environment })))));
  return new DeskGroup(desks);
}

class DeskGroup {
  constructor(desks) {
    this.desks = desks;
    this.urls = desks.map((desk) => desk.url);
    this.url = this.urls[0];
    this.pid = desks.map((desk) => desk.pid).join(', ');
    this.dataDir = desks.map((desk) => desk.dataDir).join(', ');
    this.database = `PostgreSQL, ${desks.length} instances`;
    this.redis = true;
    this.admin = desks[0].admin;
    this.sampler = {
      mark: () => desks.map((desk) => desk.sampler.mark()),
      since: (marks) => combineUsage(desks.map((desk, i) => desk.sampler.since(marks[i]))),
      resetPeak: () => desks.every((desk) => desk.sampler.resetPeak()),
    };
  }

  async request(cmd, params = {}) {
    const answers = await Promise.all(
      this.desks.map((desk, i) => desk.request(cmd, params.file ? { ...params, file: params.file.replace(/(\.\w+)$/, `-instance${i + 1}$1`) } : params)),
    );
    if (cmd === 'loopStalls') {
      const most = (key) => Math.max(...answers.map((a) => a[key]).filter(Number.isFinite));
      return { ...answers[0], max: most('max'), stalledShare: most('stalledShare'), cpuWaitShare: most('cpuWaitShare'), longStallsCpuWaitShare: most('longStallsCpuWaitShare') };
    }
    if (cmd === 'gcPauses') return { minorShare: Math.max(...answers.map((a) => a.minorShare)), majorShare: Math.max(...answers.map((a) => a.majorShare)) };
    return answers[0];
  }

  async waitUntilIdle(options) {
    const waited = await Promise.all(this.desks.map((desk) => desk.waitUntilIdle(options)));
    return Math.max(...waited);
  }

  async stop() {
    await Promise.all(this.desks.map((desk) => desk.stop()));
  }
}

function combineUsage(usages) {
  return {
    ...usages[0],
    maxRssKb: Math.max(...usages.map((u) => u.maxRssKb)),
    hwmKb: Math.max(...usages.map((u) => u.hwmKb)),
    serverCpu: usages.reduce((sum, u) => sum + u.serverCpu, 0),
    serverCpuWait: usages.reduce((sum, u) => sum + u.serverCpuWait, 0),
    loadMax: Math.max(...usages.map((u) => u.loadMax)),
  };
}

/** Instance for a client: agent socket i on i mod n; the citizen of chat i so that half the chats cross instances. */
const agentUrl = (target, i) => (target.urls ? target.urls[i % target.urls.length] : target.url);
const citizenUrl = (target, chatIndex) => (target.urls ? target.urls[Math.floor(chatIndex / 2) % target.urls.length] : target.url);

module.exports = { startDeskGroup, agentUrl, citizenUrl };
