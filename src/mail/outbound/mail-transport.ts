import { Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { MailConfig } from '../../config/app-config';
import { headerSafe } from '../mail-headers';
import type { ClaimedMail } from './outbox';
import { UnsendableMail } from './smtp-failure';

export abstract class MailTransport {
  abstract readonly kind: MailConfig['outbound'];
  abstract send(mail: ClaimedMail, date: Date): Promise<void>;
  close(): void {}
}

// Nothing a mail program could read as a second recipient or a display name.
const SINGLE_ADDRESS = /^[^\s@,;<>()"\\[\]]{1,64}@[^\s@,;<>()"\\[\]]{1,253}$/;

export const isSingleAddress = (address: string): boolean => SINGLE_ADDRESS.test(address);

export class SmtpTransport extends MailTransport {
  readonly kind = 'smtp' as const;
  private readonly transporter: Transporter;

  constructor(private readonly config: MailConfig) {
    super();
    this.transporter = createTransport({
      url: config.smtpUrl,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  }

  async send(mail: ClaimedMail, date: Date): Promise<void> {
    if (!isSingleAddress(mail.toAddress)) throw new UnsendableMail('The recipient is not one e-mail address');
    await this.transporter.sendMail({
      from: this.config.from,
      to: mail.toAddress,
      subject: headerSafe(mail.subject),
      text: mail.body,
      date,
      messageId: mail.headerMessageId,
      ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
      ...(mail.references ? { references: mail.references } : {}),
      // RFC 3834: well-behaved responders do not answer an automatic answer.
      ...(mail.kind === 'ack' ? { headers: { 'Auto-Submitted': 'auto-replied' } } : {}),
    });
  }

  override close(): void {
    this.transporter.close();
  }
}

export class DevMailboxTransport extends MailTransport {
  readonly kind = 'dev-mailbox' as const;

  send(): Promise<void> {
    return Promise.resolve();
  }
}

export class NoTransport extends MailTransport {
  readonly kind = 'none' as const;

  send(): Promise<void> {
    return Promise.reject(new UnsendableMail('No SMTP server is configured (SMTP_URL)'));
  }
}

export function createMailTransport(config: MailConfig): MailTransport {
  if (config.outbound === 'smtp') return new SmtpTransport(config);
  if (config.outbound === 'dev-mailbox') {
    new Logger('Mail').log('No SMTP_URL: outgoing mail is kept in the development mailbox (/dev/mail)');
    return new DevMailboxTransport();
  }
  return new NoTransport();
}
