import { readFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { HttpContactRegister, HttpIdportenUsers } from '../../src/citizens/http-registry.adapters';
import { idportenStatus } from '../../src/citizens/idporten-status';
import { mailboxStatus } from '../../src/citizens/mailbox-status';

/**
 * The HTTP adapters against small stand-ins for KRR and ID-porten's user service on 127.0.0.1,
 * serving the people of data/registry.sample.json (who is who: src/citizens/registry-fixture.spec.ts).
 */
const SAMPLE = JSON.parse(readFileSync(join(__dirname, '../../data/registry.sample.json'), 'utf8')) as {
  krr: { personer: Array<{ personidentifikator: string }> };
  idporten: Array<{ person_identifier: string }>;
};

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

interface Stub {
  url: string;
  requests: Array<{ method?: string; url?: string; authorization?: string; body: string }>;
  close(): Promise<void>;
}

async function startStub(handler: Handler): Promise<Stub> {
  const requests: Stub['requests'] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      requests.push({ method: request.method, url: request.url, authorization: request.headers.authorization, body });
      handler(request, body, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const json = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
};

/** A fake KRR: answers only for the numbers asked about, like the real one. */
const fakeKrr: Handler = (request, body, response) => {
  if (request.method !== 'POST' || request.url !== '/rest/v2/personer') return json(response, 404, { error: 'no such route' });
  const asked = (JSON.parse(body) as { personidentifikatorer: string[] }).personidentifikatorer;
  json(response, 200, { personer: SAMPLE.krr.personer.filter((p) => asked.includes(p.personidentifikator)) });
};

/** A fake user service: the accounts of one person. */
const fakeUsers: Handler = (request, body, response) => {
  if (request.method !== 'POST' || request.url !== '/admin/v1/users/.search') return json(response, 404, { error: 'no such route' });
  const asked = (JSON.parse(body) as { person_identifier: string }).person_identifier;
  json(response, 200, SAMPLE.idporten.filter((u) => u.person_identifier === asked));
};

describe('registry HTTP adapters', () => {
  let krrStub: Stub;
  let usersStub: Stub;

  beforeAll(async () => {
    krrStub = await startStub(fakeKrr);
    usersStub = await startStub(fakeUsers);
  });

  afterAll(async () => {
    await krrStub.close();
    await usersStub.close();
  });

  it.each([
    ['17858500060', 'digipost', false],
    ['17858507472', 'e-boks', false],
    ['22859197810', 'e-boks', false],
    ['26826499361', 'none', false],
    ['04846697271', 'reserved', false],
    ['41819000032', 'reserved', false],
    ['03899210041', 'not-registered', false],
    ['15927610016', 'deleted', false],
    ['28858810096', 'digipost', true],
    ['09840110041', 'not-registered', false],
  ])('KRR: %s → mailbox %s (contact outdated: %s)', async (id, state, contactOutdated) => {
    const krr = new HttpContactRegister({ url: krrStub.url, token: 'krr-token' });
    expect(mailboxStatus(await krr.lookup(id))).toMatchObject({ state, contactOutdated });
  });

  it('KRR: asks with the documented body and the bearer token, and shows the mailbox address', async () => {
    const krr = new HttpContactRegister({ url: `${krrStub.url}/`, token: 'krr-secret-token' });
    const before = krrStub.requests.length;
    expect(mailboxStatus(await krr.lookup('17858507472'))).toEqual({ state: 'e-boks', address: 'kari.nordmann#EB01', contactOutdated: false, suggestedReferral: 'e-boks' });
    const request = krrStub.requests[before];
    expect(request).toMatchObject({ method: 'POST', url: '/rest/v2/personer', authorization: 'Bearer krr-secret-token' });
    expect(JSON.parse(request.body)).toEqual({ personidentifikatorer: ['17858507472'] });
  });

  it('KRR: sends no Authorization header when no token is configured', async () => {
    const krr = new HttpContactRegister({ url: krrStub.url });
    const before = krrStub.requests.length;
    await krr.lookup('17858500060');
    expect(krrStub.requests[before].authorization).toBeUndefined();
  });

  it('ID-porten: active with several e-IDs, closed, never seen', async () => {
    const users = new HttpIdportenUsers({ url: usersStub.url, token: 'users-token' });
    expect(idportenStatus(await users.search('17858500060'))).toEqual({
      state: 'active',
      lastLogin: '2026-11-23T07:05:00.000Z',
      logins: [
        { eid: 'BankID', firstLogin: '2020-01-15T12:00:00.000Z', lastLogin: '2026-11-23T07:05:00.000Z' },
        { eid: 'MinID', firstLogin: '2019-03-04T08:12:00.000Z', lastLogin: '2026-11-20T17:40:00.000Z' },
      ],
    });
    expect(idportenStatus(await users.search('17858507472'))).toEqual({
      state: 'closed',
      closedCode: 'SPERRET',
      closedAt: '2026-10-02T08:00:00.000Z',
      lastLogin: '2026-09-30T19:15:00.000Z',
      logins: [{ eid: 'MinID', firstLogin: '2021-06-01T08:00:00.000Z', lastLogin: '2026-09-30T19:15:00.000Z' }],
    });
    expect(idportenStatus(await users.search('22859197810'))).toEqual({ state: 'never-seen', logins: [] });

    const last = usersStub.requests[usersStub.requests.length - 1];
    expect(last).toMatchObject({ method: 'POST', url: '/admin/v1/users/.search', authorization: 'Bearer users-token' });
    expect(JSON.parse(last.body)).toEqual({ person_identifier: '22859197810' });
  });

  describe('a register that fails gives unknown', () => {
    const failures: Array<[string, Handler]> = [
      ['a 500', (_req, _body, res) => json(res, 500, { error: 'boom' })],
      ['a 503 with an HTML page', (_req, _body, res) => json(res, 503, '<html>down</html>')],
      ['malformed JSON', (_req, _body, res) => json(res, 200, '{"personer": [')],
      ['JSON of the wrong shape', (_req, _body, res) => json(res, 200, '"personer"')],
    ];

    it.each(failures)('%s', async (_name, handler) => {
      const stub = await startStub(handler);
      try {
        expect(mailboxStatus(await new HttpContactRegister({ url: stub.url }).lookup('17858500060'))).toEqual({ state: 'unknown', contactOutdated: false, suggestedReferral: null });
        expect(idportenStatus(await new HttpIdportenUsers({ url: stub.url }).search('17858500060'))).toEqual({ state: 'unknown', logins: [] });
      } finally {
        await stub.close();
      }
    });

    it('a register that never answers, after the timeout', async () => {
      const stub = await startStub(() => undefined);
      try {
        const started = Date.now();
        const [person, users] = await Promise.all([
          new HttpContactRegister({ url: stub.url, timeoutMs: 300 }).lookup('17858500060'),
          new HttpIdportenUsers({ url: stub.url, timeoutMs: 300 }).search('17858500060'),
        ]);
        expect(Date.now() - started).toBeLessThan(2500);
        expect(mailboxStatus(person).state).toBe('unknown');
        expect(idportenStatus(users).state).toBe('unknown');
        expect(stub.requests).toHaveLength(2); // no retries
      } finally {
        await stub.close();
      }
    });

    it('nobody listening', async () => {
      const stub = await startStub(() => undefined);
      await stub.close();
      await expect(new HttpContactRegister({ url: stub.url, timeoutMs: 300 }).lookup('17858500060')).resolves.toBe('unavailable');
      await expect(new HttpIdportenUsers({ url: stub.url, timeoutMs: 300 }).search('17858500060')).resolves.toBe('unavailable');
    });
  });
});
