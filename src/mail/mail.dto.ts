import type { MessageDto } from '../tickets/ticket.dto';
import type { AttachmentEntity } from './attachment.entity';
import type { MailEntity } from './mail.entity';
import type { MailConfig } from '../config/app-config';

export interface MailDto {
  id: string;
  messageId?: string;
  direction: MailEntity['direction'];
  kind: MailEntity['kind'];
  from: string;
  to: string;
  subject: string;
  status: MailEntity['status'];
  attempts: number;
  lastError?: string;
  sentAt?: string;
  nextAttemptAt?: string;
  createdAt: string;
}

export interface AttachmentDto {
  id: string;
  messageId: string;
  filename: string;
  contentType: string;
  size: number;
}

export interface TicketMailDto {
  canReply: boolean;
  replyTo?: string;
  outbound: MailConfig['outbound'];
  mails: MailDto[];
  attachments: AttachmentDto[];
}

export interface SentMailDto {
  message: MessageDto;
  mail: MailDto;
}

export const mapMail = (m: MailEntity): MailDto => ({
  id: m.id,
  ...(m.messageId ? { messageId: m.messageId } : {}),
  direction: m.direction,
  kind: m.kind,
  from: m.fromAddress,
  to: m.toAddress,
  subject: m.subject,
  status: m.status,
  attempts: m.attempts,
  ...(m.lastError ? { lastError: m.lastError } : {}),
  ...(m.sentAt ? { sentAt: m.sentAt.toISOString() } : {}),
  ...(m.nextAttemptAt && m.status === 'queued' ? { nextAttemptAt: m.nextAttemptAt.toISOString() } : {}),
  createdAt: m.createdAt.toISOString(),
});

export const mapAttachment = (a: AttachmentEntity): AttachmentDto => ({
  id: a.id,
  messageId: a.messageId,
  filename: a.filename,
  contentType: a.contentType,
  size: a.size,
});
