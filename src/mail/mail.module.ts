import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChatModule } from '../chat/chat.module';
import { AppConfig } from '../config/app-config';
import { ReferralsModule } from '../referrals/referrals.module';
import { TicketsModule } from '../tickets/tickets.module';
import { AttachmentEntity } from './attachment.entity';
import { Acknowledger } from './inbound/acknowledger';
import { MailFetcher } from './inbound/mail-fetcher';
import { MailImporter } from './inbound/mail-importer';
import { MailController } from './mail.controller';
import { MailEntity } from './mail.entity';
import { MailStore } from './mail-store';
import { createMailTransport, MailTransport } from './outbound/mail-transport';
import { Outbox } from './outbound/outbox';
import { OutboxWorker } from './outbound/outbox-worker';
import { TicketMailer } from './outbound/ticket-mailer';
import { OutboxSignal } from './outbox-signal';
import { TicketMailService } from './ticket-mail.service';

// Depends on tickets, never the reverse.
@Module({
  imports: [TicketsModule, ChatModule, ReferralsModule, TypeOrmModule.forFeature([MailEntity, AttachmentEntity])],
  controllers: [MailController],
  providers: [
    MailStore,
    Acknowledger,
    MailImporter,
    MailFetcher,
    OutboxSignal,
    Outbox,
    OutboxWorker,
    TicketMailer,
    TicketMailService,
    { provide: MailTransport, inject: [AppConfig], useFactory: (config: AppConfig) => createMailTransport(config.mail) },
  ],
  exports: [MailStore, MailImporter, OutboxSignal],
})
export class MailModule {}
