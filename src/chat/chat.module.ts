import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { CitizensModule } from '../citizens/citizens.module';
import { OpeningHoursModule } from '../opening-hours/opening-hours.module';
import { ReferralsModule } from '../referrals/referrals.module';
import { StaffModule } from '../staff/staff.module';
import { TicketEntity } from '../tickets/entities/ticket.entity';
import { TicketsModule } from '../tickets/tickets.module';
import { AgentPresenceService } from './agent-presence.service';
import { AgentGateway } from './agent.gateway';
import { ChatAccess } from './chat-access.service';
import { ChatIdentityService } from './chat-identity.service';
import { ChatContactService } from './chat-contact.service';
import { ChatLifecycleService } from './chat-lifecycle.service';
import { ChatMessagesService } from './chat-messages.service';
import { ChatNotifier } from './chat-notifier';
import { ChatQueueService } from './chat-queue.service';
import { ChatReferralService } from './chat-referral.service';
import { ChatStartService } from './chat-start.service';
import { ChatTimeline } from './chat-timeline';
import { ChatIdleService } from './chat-idle.service';
import { CitizenPresenceRepository } from './citizen-presence.repository';
import { CitizenPresenceService } from './citizen-presence.service';
import { TypingThrottle } from './typing-throttle';
import { ChatSweeper } from './chat-sweeper';
import { CitizenGateway } from './citizen.gateway';
import { ClosingTimeService } from './closing-time.service';
import { DeskEvents } from './desk-events';
import { DeskSocketServer } from './desk-socket-server';
import { StaffNamespaceAuth } from './staff-namespace-auth';
import { ReferralController } from './referral.controller';
import { TranscriptController } from './transcript.controller';
import { TranscriptService } from './transcript.service';

@Module({
  imports: [AuthModule, StaffModule, TicketsModule, OpeningHoursModule, ReferralsModule, CitizensModule, TypeOrmModule.forFeature([TicketEntity])],
  controllers: [TranscriptController, ReferralController],
  providers: [
    DeskEvents,
    ChatAccess,
    ChatTimeline,
    ChatStartService,
    TypingThrottle,
    ChatMessagesService,
    ChatQueueService,
    ChatLifecycleService,
    ChatContactService,
    AgentPresenceService,
    CitizenPresenceRepository,
    CitizenPresenceService,
    ChatIdleService,
    ClosingTimeService,
    ChatNotifier,
    ChatSweeper,
    TranscriptService,
    ChatReferralService,
    ChatIdentityService,
    DeskSocketServer,
    StaffNamespaceAuth,
    CitizenGateway,
    AgentGateway,
  ],
  exports: [DeskEvents, ChatIdentityService, ChatReferralService, ChatQueueService, ChatMessagesService, ChatAccess, ChatSweeper, ClosingTimeService, AgentPresenceService, CitizenPresenceService, ChatIdleService],
})
export class ChatModule {}
