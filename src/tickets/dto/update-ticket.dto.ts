import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { STAFF_OUTCOMES, TOPICS, type StaffOutcome, type Topic } from '../ticket.types';

const EDITABLE_STATUSES = ['open', 'pending', 'closed'] as const;

export class UpdateTicketDto {
  @ApiPropertyOptional({ enum: EDITABLE_STATUSES })
  @IsOptional()
  @IsIn(EDITABLE_STATUSES)
  status?: (typeof EDITABLE_STATUSES)[number];

  @ApiPropertyOptional({ enum: STAFF_OUTCOMES })
  @IsOptional()
  @IsIn(STAFF_OUTCOMES)
  outcome?: StaffOutcome;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsUUID()
  assigneeId?: string | null;

  @ApiPropertyOptional({ enum: TOPICS })
  @IsOptional()
  @IsIn(TOPICS)
  topic?: Topic;
}
