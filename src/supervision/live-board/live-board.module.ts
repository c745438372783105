import { Module } from '@nestjs/common';
import { ChatModule } from '../../chat/chat.module';
import { StaffModule } from '../../staff/staff.module';
import { TicketsModule } from '../../tickets/tickets.module';
import { LiveBoardGateway } from './live-board.gateway';
import { LiveBoardService } from './live-board.service';

@Module({
  imports: [ChatModule, StaffModule, TicketsModule],
  providers: [LiveBoardService, LiveBoardGateway],
  exports: [LiveBoardService],
})
export class LiveBoardModule {}
