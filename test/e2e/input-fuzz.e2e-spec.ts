import { ConsoleLogger } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';
import type { Socket } from 'socket.io-client';
import type { Test } from 'supertest';
import { startTestApp, type StaffLogin, type TestApp, VALID_CHAT } from '../support/test-app';
import { seededRandom as prng } from '../support/seeded-random';

/**
 * Hostile payloads on every socket event of both namespaces and every JSON route the OpenAPI
 * document lists: deep, wide and odd. Whatever a client sends, the answer is a 4xx code (never a
 * 500 or INTERNAL) and the log gets no stack trace. The routes and events are read from the running
 * app, so a new one is fuzzed without touching this file; the PRNG is seeded, so a failure repeats.
 */

const SEED = 20261205;

const deepObjectJson = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const deepArrayJson = (depth: number) => '['.repeat(depth) + '1' + ']'.repeat(depth);
const wideArrayJson = (items: number) => `[${Array.from({ length: items }, () => '0').join(',')}]`;
const wideObjectJson = (keys: number) => `{${Array.from({ length: keys }, (_, i) => `"k${i}":0`).join(',')}}`;

/** Raw JSON texts (what a hostile client can put on the wire), each well under the 64 KB limit. */
function oddJsonTexts(fields: string[], random: () => number): string[] {
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const oddValues = [
    deepObjectJson(3000),
    deepArrayJson(5000),
    'null',
    '12345',
    '-1e309',
    '"text"',
    'true',
    '[]',
    '{}',
    '{"__proto__":{"admin":true}}',
    '{"constructor":{"prototype":{"admin":true}}}',
    wideArrayJson(20000),
    '"nul\\u0000inside"',
  ];
  const texts = [
    deepObjectJson(5000),
    deepObjectJson(3000),
    deepArrayJson(5000),
    `{"x":${deepArrayJson(4000)}}`,
    wideArrayJson(30000),
    wideObjectJson(5000),
    `{"items":${wideArrayJson(25000)}}`,
    'null',
    '42',
    '"a string"',
    'true',
    '[]',
    '[{}]',
    '{}',
    '{"__proto__":{"role":"admin","isAdmin":true}}',
    '{"constructor":{"prototype":{"role":"admin"}}}',
    '{"prototype":{}}',
    '{"\\u0000":"\\u0000"}',
  ];
  for (const field of fields) {
    texts.push(`{${JSON.stringify(field)}:${pick(oddValues)}}`);
    texts.push(`{${JSON.stringify(field)}:${pick(oddValues)},"__proto__":{"x":1}}`);
    texts.push(`{${fields.map((f) => `${JSON.stringify(f)}:${pick(oddValues)}`).join(',')}}`);
  }
  return texts;
}

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  fields: string[];
  queryFields: string[];
}

/** Odd query strings: repeated keys (an array where a string is expected), NUL, huge numbers, bracket keys. */
function oddQueries(fields: string[], random: () => number): string[] {
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const values = ['', '%00', '-1', '1e309', 'NaN', '99999999999999999999999', '%ff%fe', 'x'.repeat(5000), '%2e%2e%2f', '*'.repeat(200), '"\'', '{}', '[]'];
  const queries = ['__proto__[x]=1', 'constructor[prototype][x]=1', 'a[b][c][d][e][f]=1'];
  for (const field of fields) {
    queries.push(`${field}=1&${field}=2`, `${field}[]=1`, `${field}[x]=1`, `${field}=${pick(values)}`);
  }
  if (fields.length > 0) queries.push(fields.map((field) => `${field}=${pick(values)}`).join('&'));
  return queries;
}

/** The Nest logger, captured: every error and warning the app writes while the test runs. */
class CapturingLogger extends ConsoleLogger {
  readonly lines: string[] = [];
  override error(message: unknown, ...rest: unknown[]): void {
    this.lines.push([message, ...rest].map(String).join(' '));
  }
  override warn(message: unknown, ...rest: unknown[]): void {
    this.lines.push([message, ...rest].map(String).join(' '));
  }
  override log(): void {}
}

const STACK_LINE = /\n\s+at |RangeError|Maximum call stack/;

describe('hostile payloads (seeded fuzz)', () => {
  let desk: TestApp;
  let logger: CapturingLogger;
  let admin: StaffLogin;

  beforeAll(async () => {
    desk = await startTestApp();
    logger = new CapturingLogger();
    desk.app.useLogger(logger);
    admin = await desk.login('admin');
  });

  afterAll(async () => {
    await desk.close();
  });

  afterEach(() => {
    const stacks = logger.lines.filter((line) => STACK_LINE.test(line));
    logger.lines.length = 0;
    expect(stacks).toEqual([]);
  });

  it('refuses a body nested 5,000 deep, and one over 64 KB, as VALIDATION (400)', async () => {
    for (const path of ['/api/auth/login', '/api/tickets']) {
      const deep = await desk.http().post(path).set('cookie', admin.cookie).set('x-csrf-token', admin.csrfToken).set('content-type', 'application/json').send(deepObjectJson(5000));
      expect({ status: deep.status, code: deep.body.error?.code }).toEqual({ status: 400, code: 'VALIDATION' });
    }
    const wide = await desk.http().post('/api/auth/login').set('content-type', 'application/json').send(wideArrayJson(100_000));
    expect({ status: wide.status, code: wide.body.error?.code }).toEqual({ status: 400, code: 'VALIDATION' });
  });

  it('refuses a body of 30,000 array items or 5,000 keys (within 64 KB) before validation: one error, not one per value', async () => {
    for (const body of [wideArrayJson(30_000), wideObjectJson(5000), `{"username":"a","password":"b","list":${wideArrayJson(20_000)}}`]) {
      const response = await desk.http().post('/api/auth/login').set('content-type', 'application/json').send(body);
      expect({ status: response.status, code: response.body.error?.code, details: response.body.error?.details }).toEqual({ status: 400, code: 'VALIDATION', details: undefined });
    }
    const citizen = await desk.citizen();
    const answer = await citizen.emitWithAck('chat:start', JSON.parse(wideObjectJson(5000)));
    expect(answer).toEqual({ ok: false, error: { code: 'VALIDATION', message: expect.any(String) } });
  });

  it.each([
    ['truncated JSON', { 'content-type': 'application/json' }, '{"username":"a","password":'],
    ['a lone surrogate and a NUL', { 'content-type': 'application/json' }, '{"username":"\\ud800\\u0000","password":"x"}'],
    ['an unknown charset', { 'content-type': 'application/json; charset=klingon' }, '{}'],
    ['UTF-16 declared', { 'content-type': 'application/json; charset=utf-16' }, '{}'],
    ['a bogus content encoding', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, 'not gzip at all'],
    ['an unknown content encoding', { 'content-type': 'application/json', 'content-encoding': 'zstd-of-the-future' }, '{}'],
  ])('answers a body with %s with a 4xx code and no stack', async (_name, headers, body) => {
    const response = await desk.http().post('/api/auth/login').set(headers).send(body);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it('refuses an event nested 3,000 deep with a VALIDATION acknowledgement, and the socket stays usable', async () => {
    const citizen = await desk.citizen();
    expect(await citizen.emitWithAck('chat:start', JSON.parse(deepObjectJson(3000)))).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await citizen.emitWithAck('chat:start', { topic: 'digital-mailbox', message: 'Hei', extra: JSON.parse(deepArrayJson(33)) })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    const deepWithBinary = JSON.parse(deepObjectJson(3000).replace('1', '{"b":0}')) as Record<string, unknown>;
    let bottom = deepWithBinary;
    while (typeof bottom.a === 'object') bottom = bottom.a as Record<string, unknown>;
    bottom.a = Buffer.from('binary');
    expect(await citizen.emitWithAck('chat:start', deepWithBinary)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await citizen.emitWithAck('chat:start', { ...VALID_CHAT, name: 'Eve\u0000' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await citizen.emitWithAck('chat:start', VALID_CHAT, JSON.parse(deepArrayJson(3000)))).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await citizen.emitWithAck('chat:start', { topic: 'digital-mailbox', message: 'Hei' })).toMatchObject({ ok: true });
  });

  async function operations(): Promise<Operation[]> {
    const document = (await desk.http().get('/api/docs/openapi.json').expect(200)).body as {
      paths: Record<
        string,
        Record<string, { parameters?: { in: string; name: string }[]; requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> } }>
      >;
      components?: { schemas?: Record<string, { properties?: Record<string, unknown> }> };
    };
    const found: Operation[] = [];
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const ref = operation.requestBody?.content?.['application/json']?.schema?.$ref;
        const schema = ref ? document.components?.schemas?.[ref.split('/').pop()!] : undefined;
        const queryFields = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        found.push({ method: method as Operation['method'], path, fields: Object.keys(schema?.properties ?? {}), queryFields });
      }
    }
    // Logging out ends the session the other requests ride on: last.
    return found.sort((a, b) => Number(a.path.includes('logout')) - Number(b.path.includes('logout')));
  }

  /** Sends every request, a few at a time; the routes that end the session go last. Returns what answered 5xx or INTERNAL. */
  async function fuzzRoutes(requestsFor: (op: Operation, path: string) => { label: string; send: (call: Test) => Test }[]): Promise<string[]> {
    const staff = await desk.login('admin');
    const ops = await operations();
    expect(ops.length).toBeGreaterThan(20);
    expect(ops.map((op) => `${op.method} ${op.path}`)).toEqual(expect.arrayContaining(['post /api/auth/login', 'post /api/tickets']));
    const failures: string[] = [];
    const run = async (op: Operation) => {
      const path = op.path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      for (const { label, send } of requestsFor(op, path)) {
        let call = desk.http()[op.method](label.startsWith('?') ? `${path}${label}` : path).set('accept', 'application/json');
        if (op.path !== '/api/auth/login') call = call.set('cookie', staff.cookie).set('x-csrf-token', staff.csrfToken);
        const response = await send(call);
        if (response.status >= 500 || response.body?.error?.code === 'INTERNAL') {
          failures.push(`${op.method.toUpperCase()} ${op.path} ${label.slice(0, 60)}… → ${response.status} ${JSON.stringify(response.body).slice(0, 120)}`);
        }
      }
    };
    const endsSession = (op: Operation) => op.path.includes('logout');
    const queue = ops.filter((op) => !endsSession(op));
    await Promise.all(Array.from({ length: 4 }, async () => {
      for (let op = queue.shift(); op; op = queue.shift()) await run(op);
    }));
    for (const op of ops.filter(endsSession)) await run(op);
    return failures;
  }

  it('answers every JSON route, given deep, wide and odd bodies, with a 4xx code, never a 500, and logs no stack', async () => {
    const random = prng(SEED);
    const failures = await fuzzRoutes((op) =>
      oddJsonTexts(op.fields, random).map((text) => ({ label: text, send: (call: Test) => call.set('content-type', 'application/json').send(text) })),
    );
    expect(failures).toEqual([]);
  });

  it('answers every route, given odd query strings, with a 4xx code, never a 500, and logs no stack', async () => {
    const random = prng(SEED + 3);
    const failures = await fuzzRoutes((op) => oddQueries(op.queryFields, random).map((query) => ({ label: `?${query}`, send: (call: Test) => call })));
    expect(failures).toEqual([]);
  });

  /** Every event the gateways subscribe to, with the fields of the DTO its handler validates. */
  function socketEvents(): Map<string, Map<string, string[]>> {
    const byNamespace = new Map<string, Map<string, string[]>>();
    for (const module of desk.app.get(ModulesContainer).values()) {
      for (const wrapper of module.providers.values()) {
        const type = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
        const options = type && (Reflect.getMetadata('websockets:gateway_options', type) as { namespace?: string } | undefined);
        if (!type || !options?.namespace) continue;
        const events = byNamespace.get(options.namespace) ?? new Map<string, string[]>();
        for (const name of Object.getOwnPropertyNames(type.prototype)) {
          const handler = (type.prototype as Record<string, unknown>)[name];
          const event = typeof handler === 'function' ? (Reflect.getMetadata('message', handler) as string | undefined) : undefined;
          if (!event) continue;
          const params = (Reflect.getMetadata('design:paramtypes', type.prototype, name) as (new () => unknown)[] | undefined) ?? [];
          const fields = params.flatMap((dto) => getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false).map((m) => m.propertyName));
          events.set(event, [...new Set(fields)]);
        }
        byNamespace.set(options.namespace, events);
      }
    }
    return byNamespace;
  }

  async function fuzzSocket(connect: () => Promise<Socket>, events: Map<string, string[]>, random: () => number): Promise<string[]> {
    const failures: string[] = [];
    let socket = await connect();
    for (const [event, fields] of events) {
      for (const text of oddJsonTexts(fields, random)) {
        if (!socket.connected) socket = await connect();
        const payload: unknown = JSON.parse(text);
        // Events that succeed answer nothing (typing): an unanswered event is fine, an INTERNAL is not.
        const answer = (await socket
          .timeout(2000)
          .emitWithAck(event, payload)
          .catch(() => undefined)) as { error?: { code?: string } } | undefined;
        if (answer?.error?.code === 'INTERNAL') failures.push(`${event} ${text.slice(0, 60)}… → INTERNAL`);
      }
    }
    socket.disconnect();
    return failures;
  }

  it('answers every /citizen event (anonymous) with no INTERNAL and logs no stack', async () => {
    const events = socketEvents().get('/citizen')!;
    expect([...events.keys()]).toEqual(expect.arrayContaining(['chat:start', 'message:send', 'typing']));
    expect(await fuzzSocket(() => desk.citizen(), events, prng(SEED + 1))).toEqual([]);
  });

  it('answers every /agent event (logged in) with no INTERNAL and logs no stack', async () => {
    const events = socketEvents().get('/agent')!;
    expect([...events.keys()]).toEqual(expect.arrayContaining(['chat:accept', 'message:send', 'board:get']));
    const supervisor = await desk.login('supervisor');
    expect(await fuzzSocket(() => desk.agent(supervisor), events, prng(SEED + 2))).toEqual([]);
  });
});
