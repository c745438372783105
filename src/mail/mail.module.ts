import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TicketsModule } from '../tickets/tickets.module';
import { AttachmentEntity } from './attachment.entity';
import { Acknowledger } from './inbound/acknowledger';
import { MailFetcher } from './inbound/mail-fetcher';
import { MailImporter } from './inbound/mail-importer';
import { MailEntity } from './mail.entity';
import { MailStore } from './mail-store';

/**
 * The e-mail channel: the support mailbox read over IMAP into tickets (inbound/), and mail from
 * the desk sent over SMTP through a durable outbox (outbound/). Depends on tickets, never the reverse.
 */
@Module({
  imports: [TicketsModule, TypeOrmModule.forFeature([MailEntity, AttachmentEntity])],
  providers: [MailStore, Acknowledger, MailImporter, MailFetcher],
  exports: [MailStore, MailImporter],
})
export class MailModule {}
