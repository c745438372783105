import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { StaffActor } from '../auth/actor';
import { CurrentStaff } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { CreateStaffUserDto } from './dto/create-staff-user.dto';
import { UpdateStaffUserDto } from './dto/update-staff-user.dto';
import { mapStaffMember, mapStaffUser, StaffMemberDto, StaffUserDto } from './staff-user.dto';
import { StaffService } from './staff.service';

@ApiTags('admin')
@Controller('api/admin/users')
export class AdminUsersController {
  constructor(private readonly staff: StaffService) {}

  @Post()
  @HttpCode(201)
  @RequirePermission('staff:manage')
  async create(@Body() body: CreateStaffUserDto): Promise<{ user: StaffUserDto }> {
    return { user: mapStaffUser(await this.staff.create(body)) };
  }

  @Get()
  @RequirePermission('staff:manage')
  async list(): Promise<{ users: StaffMemberDto[] }> {
    return { users: (await this.staff.listAll()).map(mapStaffMember) };
  }

  @Patch(':id')
  @RequirePermission('staff:manage')
  async update(
    @CurrentStaff() actor: StaffActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateStaffUserDto,
  ): Promise<{ user: StaffMemberDto }> {
    return { user: mapStaffMember(await this.staff.update(actor.id, id, body)) };
  }
}
