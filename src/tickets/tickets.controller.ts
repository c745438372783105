import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { StaffActor } from '../auth/actor';
import { CurrentStaff } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { CreateTicketDto } from './dto/create-ticket.dto';
import { AddNoteDto } from './dto/note.dto';
import { TicketQueryDto } from './dto/ticket-query.dto';
import { UpdateTicketDto } from './dto/update-ticket.dto';
import type { NoteDto, TicketDetailDto } from './ticket.dto';
import { TicketPage, TicketsService } from './tickets.service';

@ApiTags('tickets')
@Controller('api/tickets')
export class TicketsController {
  constructor(private readonly tickets: TicketsService) {}

  @Get()
  @RequirePermission('ticket:read')
  list(@Query() query: TicketQueryDto): Promise<TicketPage> {
    return this.tickets.list(query);
  }

  @Post()
  @HttpCode(201)
  @RequirePermission('ticket:write')
  create(@CurrentStaff() actor: StaffActor, @Body() body: CreateTicketDto): Promise<TicketDetailDto> {
    return this.tickets.openForCaller(actor, body);
  }

  @Get(':id')
  @RequirePermission('ticket:read')
  get(@CurrentStaff() actor: StaffActor, @Param('id') id: string): Promise<TicketDetailDto> {
    return this.tickets.get(actor, id);
  }

  @Patch(':id')
  @RequirePermission('ticket:write')
  update(@CurrentStaff() actor: StaffActor, @Param('id') id: string, @Body() body: UpdateTicketDto): Promise<TicketDetailDto> {
    return this.tickets.update(actor, id, body);
  }

  @Post(':id/read')
  @HttpCode(200)
  @RequirePermission('ticket:read')
  markRead(@CurrentStaff() actor: StaffActor, @Param('id') id: string): Promise<{ unread: false }> {
    return this.tickets.markRead(actor, id);
  }

  @Post(':id/notes')
  @HttpCode(201)
  @RequirePermission('ticket:write')
  async addNote(@CurrentStaff() actor: StaffActor, @Param('id') id: string, @Body() body: AddNoteDto): Promise<{ note: NoteDto }> {
    return { note: await this.tickets.addNote(actor, id, body.body) };
  }
}
