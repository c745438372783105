import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { StaffActor } from '../auth/actor';
import { CurrentStaff } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { CitizenSearchDto } from './dto/citizen-search.dto';
import { EarlierContactsService } from './earlier-contacts.service';
import type { EarlierContacts } from './earlier-contacts.types';

@ApiTags('tickets')
@Controller('api')
export class EarlierContactsController {
  constructor(private readonly earlier: EarlierContactsService) {}

  @Get('tickets/:id/earlier-contacts')
  @RequirePermission('citizen:lookup')
  forTicket(@CurrentStaff() actor: StaffActor, @Param('id') id: string): Promise<EarlierContacts> {
    return this.earlier.forTicket(actor, id);
  }

  @Post('citizens/search')
  @HttpCode(200)
  @RequirePermission('citizen:search')
  search(@CurrentStaff() actor: StaffActor, @Body() body: CitizenSearchDto): Promise<EarlierContacts> {
    return this.earlier.search(actor, body.nationalId);
  }
}
