import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface ReceivedMail {
  /** The message as it came over the wire. */
  raw: string;
  envelope: { from: string; to: string[] };
}

/**
 * The receiving end of the desk's outgoing mail in tests: an SMTP server on a free loopback port
 * that keeps what it receives. It can be stopped and started again on the same port (the mail
 * server is down, then back) and told to answer every mail with an error (4xx or 5xx).
 */
export class SmtpReceiver {
  readonly received: ReceivedMail[] = [];
  private server: SMTPServer | null = null;
  private refusal: { code: number; text: string } | null = null;

  private constructor(private port = 0) {}

  static async start(): Promise<SmtpReceiver> {
    const receiver = new SmtpReceiver();
    await receiver.listen();
    return receiver;
  }

  /** The SMTP_URL the desk sends to. */
  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Answers every mail from now on with this SMTP code and text, e.g. 451 or 550. */
  refuseWith(code: number, text: string): void {
    this.refusal = { code, text };
  }

  acceptAll(): void {
    this.refusal = null;
  }

  /** Stops listening: connections are refused until `restart`. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Listens again on the same port. */
  async restart(): Promise<void> {
    if (!this.server) await this.listen();
  }

  /** The received mails, parsed. */
  parsed(): Promise<ParsedMail[]> {
    return Promise.all(this.received.map((mail) => simpleParser(mail.raw)));
  }

  /** The header block of a received mail, as sent. */
  static headerBlock(mail: ReceivedMail): string {
    return mail.raw.split(/\r?\n\r?\n/)[0];
  }

  private async listen(): Promise<void> {
    const options: SMTPServerOptions = {
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (this.refusal) {
            callback(Object.assign(new Error(this.refusal.text), { responseCode: this.refusal.code }));
            return;
          }
          this.received.push({
            raw: Buffer.concat(chunks).toString('utf8'),
            envelope: { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((rcpt) => rcpt.address) },
          });
          callback();
        });
      },
    };
    const server = new SMTPServer(options);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }
}
