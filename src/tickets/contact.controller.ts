import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../auth/public.decorator';
import { CitizenThrottle } from '../common/citizen-throttle';
import { ContactDto } from './dto/contact.dto';
import { TicketsService } from './tickets.service';

@ApiTags('citizen')
@Controller('api/contact')
export class ContactController {
  constructor(
    private readonly tickets: TicketsService,
    private readonly throttle: CitizenThrottle,
  ) {}

  @Public()
  @Post()
  @HttpCode(201)
  async leaveMessage(@Req() request: Request, @Body() body: ContactDto): Promise<{ reference: string }> {
    await this.throttle.consumeStart(request.ip ?? 'unknown');
    return this.tickets.leaveMessage(body);
  }
}
