import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsNationalId, NormalizeNationalId } from '../../common/national-id.validator';
import { emptyToUndefined, OptionalEmail, OptionalName, OptionalPhone } from './contact-fields';
import { LANGUAGES, MAX_MESSAGE_LENGTH, TOPICS, type Language, type Topic } from '../ticket.types';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ContactDto {
  @ApiProperty({ enum: TOPICS })
  @IsIn(TOPICS, { message: `topic must be one of ${TOPICS.join(', ')}` })
  topic: Topic;

  @ApiProperty({ maxLength: MAX_MESSAGE_LENGTH })
  @Transform(trim)
  @IsString()
  @Length(1, MAX_MESSAGE_LENGTH, { message: `message must have 1 to ${MAX_MESSAGE_LENGTH} characters` })
  message: string;

  @OptionalName()
  name?: string;

  @OptionalEmail()
  email?: string;

  @OptionalPhone()
  phone?: string;

  @ApiPropertyOptional({ description: '11 digits' })
  @IsOptional()
  @Transform(emptyToUndefined)
  @NormalizeNationalId()
  @IsNationalId()
  nationalId?: string;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}
