#!/usr/bin/env node
'use strict';

/**
 * Mail import: how fast the desk takes mails in from a real IMAP server (Dovecot on loopback),
 * and what the import does to live chat meanwhile. One desk (`node dist/main.js`) reads the
 * mailbox; chats run at a fixed rate the whole time.
 *   1. N mails of realistic shape (Norwegian text, quoted replies, HTML alternatives, ISO-8859-1,
 *      a few PDF attachments) are put in a staging folder (not measured).
 *   2. Baseline: chat load alone, p99 of message delivery.
 *   3. Import: the same chat load on fresh chats; at the start of the window every staged mail is
 *      moved into INBOX in one IMAP command; the desk sees them (IDLE) and imports them. Measured:
 *      mails per second until the last one is stored, and chat p99 during the window.
 * The chat figures are compared within this run (ratio import/baseline): machines are noisy.
 *
 *   npm run build && node bench/mail-import.js [--mails 1000] [--pairs 200] [--rate 1] [--duration 30]
 */
const path = require('node:path');
const { randomBytes } = require('node:crypto');
const { ImapFlow } = require('imapflow');
const MailComposer = require('nodemailer/lib/mail-composer');
const { parseArgs } = require('./lib/args');
const { deskEnvironment, startDesk, login, createAgents, buildInfo } = require('./lib/desk');
const { sleep } = require('./lib/server-process');
const { connectAgents, openPairs, closePairs } = require('./lib/pairs');
const { LoadRecorder, runFixedRate } = require('./lib/load');
const { closeAll } = require('./lib/sockets');
const { fmtMs, fmtRatio, table } = require('./lib/stats');
const { machineLine, metOrMissed } = require('./lib/report');
const { summariseProfile, formatSummary } = require('./lib/profile-summary');
const { startDovecotServer } = require('../test/support/dovecot-server');

const DEFAULTS = {
  mails: 1000,
  pairs: 200, // chats running during both phases (fresh chats each phase)
  rate: 1, // messages per second per side
  warmup: 5,
  duration: 30, // measured seconds per phase; the import must end inside it
  chatsPerAgent: 10,
  attachmentShare: 0.05, // share of mails with a PDF attachment (~150 KB)
  profile: false, // CPU-profile the desk during the import (summary printed)
  ackTimeout: 10,
  drain: 10,
  targetMailsPerSecond: 50,
  keep: false,
};

const FIRST_NAMES = ['Kari', 'Ola', 'Åse', 'Bjørn', 'Ingrid', 'Håkon', 'Sølvi', 'Øystein', 'Marte', 'Jørgen'];
const LAST_NAMES = ['Nordmann', 'Hansen', 'Ødegård', 'Bråten', 'Sæther', 'Løvås', 'Aas', 'Kvåle'];
const OPENINGS = [
  'Jeg har fått beskjed om at det ligger et brev fra Skatteetaten i den digitale postkassen min, men jeg finner det ikke.',
  'Jeg prøver å logge inn med MinID, men får feilmelding hver gang etter at jeg har skrevet inn koden fra SMS.',
  'Hvordan bytter jeg fra Digipost til e-Boks? Jeg vil ha all post fra det offentlige på ett sted.',
  'Moren min er 87 år og har ikke digital postkasse. Kan hun reservere seg mot digital post?',
  'Eg har mista BankID og får ikkje logga inn på ID-porten. Kva gjer eg no?',
  'I moved to Norway last year and I do not understand which digital mailbox I should choose.',
];
const QUOTE_LEADS = ['Den {date} skrev Brukerstøtte Digdir <brukerstotte@digdir.no>:', 'On {date} Brukerstøtte Digdir <brukerstotte@digdir.no> wrote:'];

const USAGE = `usage: node bench/mail-import.js [options]   (after npm run build)
  --mails N          mails imported                                   (${DEFAULTS.mails})
  --pairs N          chats running during each phase                  (${DEFAULTS.pairs})
  --rate R           chat messages/s per side                         (${DEFAULTS.rate})
  --duration S       measured seconds per phase                       (${DEFAULTS.duration})
  --warmup S         warm-up seconds per phase                        (${DEFAULTS.warmup})
  --attachment-share share of mails with a ~150 KB PDF                (${DEFAULTS.attachmentShare})
  --profile          CPU-profile the desk during the import (file in the desk's directory, summary printed)
  --keep             keep the desk's temporary directory
Environment: DATABASE_URL and REDIS_URL are passed to the desk (default: SQLite in a fresh temporary directory).`;

async function main() {
  const options = parseArgs(process.argv.slice(2), DEFAULTS);
  if (options.help) return console.log(USAGE);
  console.log(`mail-import · ${machineLine()}`);
  console.log(`command: node bench/mail-import.js ${process.argv.slice(2).join(' ')}`.trim());
  const build = buildInfo();
  console.log(`desk build: dist/ built ${build.builtAt}, hash ${build.hash}`);

  const dovecot = await startDovecotServer({ user: 'support', password: `bench-${randomBytes(6).toString('hex')}` });
  let server;
  let agents = [];
  try {
    const staged = await stageMails(dovecot, options);
    console.log(`dovecot: ${staged.count} mails (${(staged.bytes / 1048576).toFixed(1)} MiB, ${staged.withAttachment} with attachments) staged in ${staged.seconds.toFixed(1)} s`);

    const environment = deskEnvironment({ keep: options.keep });
    Object.assign(environment.env, { IMAP_URL: dovecot.url('INBOX'), MAIL_POLL_SECONDS: '30' });
    server = await startDesk({ keep: options.keep, environment });
    console.log(`desk: pid ${server.pid} on ${server.url} (${server.database}, ${server.dataDir})`);
    const target = { kind: 'desk', url: server.url, admin: await login(server.url, server.admin.username, server.admin.password) };
    target.agentSessions = await createAgents(server.url, target.admin, Math.ceil(options.pairs / options.chatsPerAgent));
    agents = await connectAgents(target, target.agentSessions.length);

    const baseline = await chatPhase('baseline', target, agents, 0, options, async () => undefined);
    const counter = mailCounter(server, environment);
    const profileFile = options.profile ? path.join(server.dataDir, 'mail-import.cpuprofile') : null;
    const importing = await chatPhase('import', target, agents, options.pairs, options, (window) => importDuring(server, counter, dovecot, staged.count, window, profileFile)).finally(() => counter.close());
    report(options, baseline, importing);
    if (profileFile) console.log(`\n${formatSummary(summariseProfile(profileFile))}`);
  } finally {
    closeAll(agents);
    await server?.stop();
    await dovecot.stop();
  }
}

/** Opens fresh chats, runs the fixed-rate load, and runs `during` at the start of the window. */
async function chatPhase(name, target, agents, firstIndex, options, during) {
  const pairs = await openPairs(target, agents, options.pairs, { firstIndex });
  const recorder = new LoadRecorder(pairs, { ackTimeoutMs: options.ackTimeout * 1000 });
  const driving = runFixedRate(recorder, pairs, { rate: options.rate, warmupSeconds: options.warmup, durationSeconds: options.duration });
  await sleep(Math.max(0, recorder.windowStart - performance.now()));
  const side = await during({ start: recorder.windowStart, end: recorder.windowEnd });
  await driving;
  await recorder.drain(options.drain * 1000);
  recorder.detach();
  const result = { ...recorder.result(), side };
  await closePairs(pairs);
  console.log(`${name}: chat p99 ${fmtMs(result.e2e.p99)} (p50 ${fmtMs(result.e2e.p50)}), ${result.errors} errors`);
  return result;
}

/** Moves the staged mails into INBOX at once and waits until the desk has stored every one. */
async function importDuring(server, counter, dovecot, count, window, profileFile) {
  if (profileFile) await server.request('profileStart');
  const client = new ImapFlow(dovecot.clientOptions());
  await client.connect();
  const lock = await client.getMailboxLock('Staging');
  const moved = performance.now();
  try {
    await client.messageMove('1:*', 'INBOX');
  } finally {
    lock.release();
    await client.logout();
  }
  let stored = 0;
  while (stored < count && performance.now() - moved < 600_000) {
    await sleep(200);
    stored = await counter.count();
  }
  const seconds = (performance.now() - moved) / 1000;
  if (profileFile) await server.request('profileStop', { file: profileFile });
  const stalls = await server.request('loopStalls', { from: performance.timeOrigin + window.start, to: performance.timeOrigin + moved + seconds * 1000 }).catch(() => null);
  return { stored, seconds, mailsPerSecond: stored / seconds, insideWindow: moved + seconds * 1000 <= window.end, stalls };
}

/** Inbound mails the desk has stored, read from its database (SQLite file or PostgreSQL). */
function mailCounter(server, environment) {
  const query = "SELECT count(*) AS n FROM mails WHERE direction = 'in'";
  if (server.database === 'SQLite') {
    const Database = require('better-sqlite3');
    const db = new Database(environment.env.DATABASE_URL.slice('sqlite:'.length), { readonly: true, fileMustExist: true });
    const statement = db.prepare(query);
    return { count: async () => Number(statement.get().n), close: async () => db.close() };
  }
  const { Client } = require('pg');
  const client = new Client({ connectionString: environment.env.DATABASE_URL });
  const connected = client.connect();
  return {
    count: async () => (await connected, Number((await client.query(query)).rows[0].n)),
    close: () => client.end(),
  };
}

async function stageMails(dovecot, options) {
  const started = performance.now();
  const client = new ImapFlow(dovecot.clientOptions());
  await client.connect();
  await client.mailboxCreate('Staging');
  const mails = Array.from({ length: options.mails }, (_, i) => i);
  let bytes = 0;
  let withAttachment = 0;
  for (const i of mails) {
    const attach = i < options.mails * options.attachmentShare;
    const raw = await composeMail(i, attach);
    bytes += raw.length;
    if (attach) withAttachment += 1;
    await client.append('Staging', raw);
  }
  await client.logout();
  return { count: mails.length, bytes, withAttachment, seconds: (performance.now() - started) / 1000 };
}

/** One citizen's mail: a new question, or (every third) an answer quoting our earlier reply. */
function composeMail(i, attach) {
  const first = FIRST_NAMES[i % FIRST_NAMES.length];
  const last = LAST_NAMES[(i * 7) % LAST_NAMES.length];
  const from = `${first} ${last} <${first.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.${i}@example.no>`;
  const opening = OPENINGS[i % OPENINGS.length];
  let text = `Hei!\n\n${opening}\n\nJeg har prøvd flere ganger i dag, både på mobil og på PC.\n\nMvh\n${first} ${last}\n`;
  if (i % 3 === 2) {
    const lead = QUOTE_LEADS[i % 2].replace('{date}', '3. desember 2026 kl. 10:15');
    text += `\n${lead}\n> Hei, og takk for henvendelsen.\n> Har du sjekket at du er logget inn med riktig fødselsnummer?\n> Vennlig hilsen\n> Brukerstøtte\n`;
  }
  const message = {
    from,
    to: 'Brukerstøtte Digdir <brukerstotte@digdir.no>',
    subject: `${i % 3 === 2 ? 'SV: ' : ''}Spørsmål om ${i % 2 ? 'digital postkasse' : 'innlogging'} (${i})`,
    messageId: `<bench-${i}-${randomBytes(4).toString('hex')}@example.no>`,
    text,
    textEncoding: i % 4 === 1 ? 'quoted-printable' : 'base64',
    ...(i % 4 === 3 ? { html: `<p>${text.replace(/\n/g, '<br>')}</p>` } : {}),
    ...(i % 5 === 4 ? { headers: { 'Content-Language': 'nb' } } : {}),
    attachments: attach ? [{ filename: `skjermbilde-${i}.pdf`, content: Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(150 * 1024)]) }] : [],
  };
  if (i % 4 === 2) return Promise.resolve(latin1Mail(message));
  return new MailComposer(message).compile().build();
}

/** Older mail programs still send ISO-8859-1: quoted-printable body, encoded-word subject. */
function latin1Mail({ from, subject, messageId, text }) {
  const word = (value) => `=?ISO-8859-1?Q?${[...Buffer.from(value, 'latin1')].map((b) => (b > 126 || b < 33 || b === 61 || b === 63 || b === 95 ? `=${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b))).join('')}?=`;
  const body = [...Buffer.from(text.replace(/\n/g, '\r\n'), 'latin1')]
    .map((b) => (b === 13 || b === 10 ? String.fromCharCode(b) : b > 126 || b === 61 ? `=${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b)))
    .join('');
  const name = from.replace(/ <.*$/, '');
  const address = /<(.*)>/.exec(from)[1];
  return Buffer.from(
    [`From: ${word(name)} <${address}>`, 'To: brukerstotte@digdir.no', `Subject: ${word(subject)}`, `Message-ID: ${messageId}`, 'Date: Thu, 03 Dec 2026 10:20:00 +0100', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=ISO-8859-1', 'Content-Transfer-Encoding: quoted-printable', '', body].join('\r\n'),
    'latin1',
  );
}

function report(options, baseline, importing) {
  const imported = importing.side;
  const ratio = importing.e2e.p99 / baseline.e2e.p99;
  console.log(
    `\n${table([
        ['figure', 'value'],
        ['mails imported', `${imported.stored} of ${options.mails}`],
        ['import time', `${imported.seconds.toFixed(1)} s${imported.insideWindow ? '' : ' (longer than the measured window)'}`],
        ['mails per second', imported.mailsPerSecond.toFixed(1)],
        ['chat p99, baseline', fmtMs(baseline.e2e.p99)],
        ['chat p99, during import', fmtMs(importing.e2e.p99)],
        ['p99 ratio import / baseline', fmtRatio(ratio)],
        ['chat errors (baseline, import)', `${baseline.errors}, ${importing.errors}`],
        ['event-loop stalls during import', imported.stalls ? JSON.stringify(imported.stalls) : 'n/a'],
      ])}`,
  );
  console.log(`${metOrMissed(imported.mailsPerSecond >= options.targetMailsPerSecond && imported.stored === options.mails)} ≥ ${options.targetMailsPerSecond} mails/s, all imported`);
  console.log(`${metOrMissed(importing.errors === 0)} no chat message lost or refused during the import`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
