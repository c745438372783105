import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { StaffActor } from '../auth/actor';
import { CurrentStaff } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { ChatReferralService, ReferralResult } from './chat-referral.service';
import { ReferralDto } from './dto/referral.dto';

@ApiTags('tickets')
@Controller('api/tickets')
export class ReferralController {
  constructor(private readonly referrals: ChatReferralService) {}

  @Post(':id/referral')
  @HttpCode(201)
  @RequirePermission('ticket:write')
  refer(@CurrentStaff() actor: StaffActor, @Param('id') id: string, @Body() body: ReferralDto): Promise<ReferralResult> {
    return this.referrals.referTicket(actor, id, body.provider);
  }
}
