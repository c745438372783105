import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { OpeningStatus } from './opening-hours';
import { OpeningHoursService } from './opening-hours.service';

@ApiTags('opening-hours')
@Controller('api/opening-hours')
export class OpeningHoursController {
  constructor(private readonly service: OpeningHoursService) {}

  @Public()
  @Get()
  @ApiOkResponse({
    description: 'Whether the desk is open now; opensAt when closed, closesAt when open',
    schema: {
      type: 'object',
      required: ['open', 'now', 'timezone'],
      properties: {
        open: { type: 'boolean' },
        now: { type: 'string', format: 'date-time' },
        timezone: { type: 'string', example: 'Europe/Oslo' },
        opensAt: { type: 'string', format: 'date-time' },
        closesAt: { type: 'string', format: 'date-time' },
        reason: { type: 'string', enum: ['weekend', 'holiday', 'closed-date', 'before-hours', 'after-hours'] },
        holiday: { type: 'string', example: 'Første juledag' },
      },
    },
  })
  status(): OpeningStatus {
    return this.service.status();
  }
}
