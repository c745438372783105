import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsNationalId, NormalizeNationalId } from '../../common/national-id.validator';
import { emptyToUndefined } from './contact.dto';
import { LANGUAGES, MAX_MESSAGE_LENGTH, TOPICS, type Language, type Topic } from '../ticket.types';

const STAFF_CHANNELS = ['phone', 'email'] as const;

/** A ticket an agent opens for a caller or an e-mail. */
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

  @ApiPropertyOptional({ description: "the caller's name" })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ description: 'where the answer goes by e-mail' })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @Length(3, 254)
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^\+?[0-9 ()-]{5,20}$/, { message: 'phone must be a phone number' })
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
