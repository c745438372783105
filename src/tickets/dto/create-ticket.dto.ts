import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsNationalId, NormalizeNationalId } from '../../common/national-id.validator';
import { OptionalEmail, OptionalName, OptionalPhone } from './contact-fields';
import { LANGUAGES, MAX_MESSAGE_LENGTH, TOPICS, type Language, type Topic } from '../ticket.types';

const STAFF_CHANNELS = ['phone', 'email'] as const;

export class CreateTicketDto {
  @ApiProperty({ enum: STAFF_CHANNELS })
  @IsIn(STAFF_CHANNELS)
  channel: 'phone' | 'email';

  @ApiProperty({ enum: TOPICS })
  @IsIn(TOPICS)
  topic: Topic;

  @ApiProperty()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, MAX_MESSAGE_LENGTH)
  summary: string;

  @OptionalName("the caller's name")
  name?: string;

  @OptionalEmail('where the answer goes by e-mail')
  email?: string;

  @OptionalPhone()
  phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @NormalizeNationalId()
  @IsNationalId()
  nationalId?: string;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}
