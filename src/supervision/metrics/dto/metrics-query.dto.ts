import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

export class MetricsQueryDto {
  @ApiPropertyOptional({ description: 'start of the period, inclusive (ISO 8601); default 30 days before `to`', format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'end of the period, exclusive (ISO 8601); default now', format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
