import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { CHANNELS, TICKET_STATUSES, TOPICS, type Channel, type TicketStatus, type Topic } from '../ticket.types';

export class TicketQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TICKET_STATUSES })
  @IsOptional()
  @IsIn(TICKET_STATUSES)
  status?: TicketStatus;

  @ApiPropertyOptional({ enum: TOPICS })
  @IsOptional()
  @IsIn(TOPICS)
  topic?: Topic;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({ description: 'reference, name, e-mail or summary contains' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}
