import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { StaffActor } from '../../auth/actor';
import { CurrentStaff } from '../../auth/current-actor.decorator';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { HistoryFilterDto, HistoryQueryDto } from './dto/history-query.dto';
import type { HistoryPage } from './history.dto';
import { HistoryService } from './history.service';

@ApiTags('history')
@Controller('api/history')
export class HistoryController {
  constructor(private readonly history: HistoryService) {}

  @Get()
  @RequirePermission('history:read')
  search(@CurrentStaff() actor: StaffActor, @Query() query: HistoryQueryDto): Promise<HistoryPage> {
    return this.history.search(actor, query);
  }

  @Get('export.csv')
  @RequirePermission('history:read')
  @ApiProduces('text/csv')
  async export(@CurrentStaff() actor: StaffActor, @Query() query: HistoryFilterDto): Promise<StreamableFile> {
    return new StreamableFile(await this.history.exportCsv(actor, query), {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="history.csv"',
    });
  }
}
