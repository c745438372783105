import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { StaffActor } from '../auth/actor';
import { CurrentStaff } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import type { CitizenContext } from './citizen-context.types';
import { CitizenContextService } from './citizen-context.service';

export const TICKET_VIEW_PURPOSE = 'ticket view';

@ApiTags('tickets')
@Controller('api/tickets')
export class CitizensController {
  constructor(private readonly context: CitizenContextService) {}

  @Get(':id/citizen')
  @RequirePermission('citizen:lookup')
  citizen(@CurrentStaff() actor: StaffActor, @Param('id') id: string): Promise<CitizenContext> {
    return this.context.forTicket(actor, id, TICKET_VIEW_PURPOSE);
  }
}
