import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { StaffActor } from '../auth/actor';
import { CurrentStaff } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { Clock } from '../common/clock';
import { notFound } from '../common/errors';
import { Transactions } from '../database/transactions';
import { AlertPreferences, AlertPreferencesDto } from './dto/alert-preferences.dto';
import { StaffRepository } from './staff.repository';

/** The logged-in staff member's own alert preferences on the agent console. */
@ApiTags('staff')
@Controller('api/me/alert-preferences')
export class AlertPreferencesController {
  constructor(
    private readonly staff: StaffRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  @Get()
  @RequirePermission('chat:handle')
  async get(@CurrentStaff() actor: StaffActor): Promise<{ preferences: AlertPreferences }> {
    const preferences = await this.staff.alertPreferences(actor.id);
    if (!preferences) throw notFound('Staff member');
    return { preferences };
  }

  @Put()
  @RequirePermission('chat:handle')
  async put(@CurrentStaff() actor: StaffActor, @Body() body: AlertPreferencesDto): Promise<{ preferences: AlertPreferences }> {
    const preferences = { sound: body.sound, notifications: body.notifications, title: body.title };
    const changed = await this.transactions.run((db) => this.staff.setAlertPreferences(db, actor.id, preferences, this.clock.now()));
    if (!changed) throw notFound('Staff member');
    return { preferences };
  }
}
