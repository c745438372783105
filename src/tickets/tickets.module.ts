import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CitizenThrottle } from '../common/citizen-throttle';
import { StaffModule } from '../staff/staff.module';
import { ContactController } from './contact.controller';
import { MessageEntity } from './entities/message.entity';
import { NoteEntity } from './entities/note.entity';
import { TicketEventEntity } from './entities/ticket-event.entity';
import { TicketEntity } from './entities/ticket.entity';
import { MessageStore } from './message-store/message-store';
import { messageStoreProvider } from './message-store/message-store.provider';
import { NationalIdHashBackfill } from './national-id-hash-backfill';
import { NoteRepository } from './note.repository';
import { TicketEventRepository } from './ticket-event.repository';
import { TicketRepository } from './ticket.repository';
import { TicketWriter } from './ticket-writer';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';

@Module({
  imports: [StaffModule, TypeOrmModule.forFeature([TicketEntity, MessageEntity, NoteEntity, TicketEventEntity])],
  controllers: [TicketsController, ContactController],
  providers: [TicketsService, TicketRepository, messageStoreProvider, NoteRepository, TicketEventRepository, TicketWriter, CitizenThrottle, NationalIdHashBackfill],
  exports: [TicketsService, TicketRepository, MessageStore, NoteRepository, TicketEventRepository, TicketWriter, CitizenThrottle],
})
export class TicketsModule {}
