import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { StaffActor } from '../auth/actor';
import { CurrentStaff } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { ReferralDto } from '../chat/dto/referral.dto';
import { sendAttachment } from './attachment-download';
import { ReplyMailDto } from './dto/reply-mail.dto';
import type { MailDto, SentMailDto, TicketMailDto } from './mail.dto';
import { TicketMailService } from './ticket-mail.service';

@ApiTags('tickets')
@Controller('api/tickets')
export class MailController {
  constructor(private readonly mail: TicketMailService) {}

  @Get(':id/mail')
  @RequirePermission('ticket:read')
  overview(@CurrentStaff() actor: StaffActor, @Param('id') id: string): Promise<TicketMailDto> {
    return this.mail.overview(actor, id);
  }

  @Post(':id/mail')
  @HttpCode(201)
  @RequirePermission('ticket:write')
  reply(@CurrentStaff() actor: StaffActor, @Param('id') id: string, @Body() body: ReplyMailDto): Promise<SentMailDto> {
    return this.mail.reply(actor, id, body.body, body.clientId);
  }

  @Post(':id/mail/referral')
  @HttpCode(201)
  @RequirePermission('ticket:write')
  refer(@CurrentStaff() actor: StaffActor, @Param('id') id: string, @Body() body: ReferralDto): Promise<SentMailDto> {
    return this.mail.refer(actor, id, body.provider);
  }

  @Post(':id/mail/:mailId/retry')
  @HttpCode(200)
  @RequirePermission('ticket:write')
  retry(@CurrentStaff() actor: StaffActor, @Param('id') id: string, @Param('mailId') mailId: string): Promise<{ mail: MailDto }> {
    return this.mail.retry(actor, id, mailId);
  }

  @Get(':id/attachments/:attachmentId')
  @RequirePermission('ticket:read')
  @ApiProduces('application/octet-stream')
  async attachment(@CurrentStaff() actor: StaffActor, @Param('id') id: string, @Param('attachmentId') attachmentId: string, @Res() response: Response): Promise<void> {
    sendAttachment(response, await this.mail.attachment(actor, id, attachmentId));
  }
}
