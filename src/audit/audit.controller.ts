import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { StaffActor } from '../auth/actor';
import { CurrentStaff } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import type { AuditPage } from './audit.dto';
import { AuditService } from './audit.service';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('audit')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission('audit:read')
  search(@CurrentStaff() actor: StaffActor, @Query() query: AuditQueryDto): Promise<AuditPage> {
    return this.audit.search(actor, query);
  }
}
