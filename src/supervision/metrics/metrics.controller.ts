import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { StaffActor } from '../../auth/actor';
import { CurrentStaff } from '../../auth/current-actor.decorator';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { MetricsQueryDto } from './dto/metrics-query.dto';
import type { MetricsSummary } from './metrics.dto';
import { MetricsService } from './metrics.service';

@ApiTags('metrics')
@Controller('api/metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get('summary')
  @RequirePermission('metrics:read')
  summary(@CurrentStaff() actor: StaffActor, @Query() query: MetricsQueryDto): Promise<MetricsSummary> {
    return this.metrics.summary(actor, query);
  }
}
