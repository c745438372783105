import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'ticket id', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ticket?: string;

  @ApiPropertyOptional({ description: 'id of the staff member who looked', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  user?: string;

  @ApiPropertyOptional({ description: 'ISO 8601, inclusive', format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'ISO 8601, inclusive', format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
