import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsNationalId, NormalizeNationalId } from '../../common/national-id.validator';
import { LANGUAGES, MAX_MESSAGE_LENGTH, TOPICS, type Language, type Topic } from '../ticket.types';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** A blank optional field counts as not given; the rest is trimmed. */
export const emptyToUndefined = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? undefined : trim({ value }));

/** The offline form: a message left when the chat is closed. */
export class ContactDto {
  @ApiProperty({ enum: TOPICS })
  @IsIn(TOPICS, { message: `topic must be one of ${TOPICS.join(', ')}` })
  topic: Topic;

  @ApiProperty({ maxLength: MAX_MESSAGE_LENGTH })
  @Transform(trim)
  @IsString()
  @Length(1, MAX_MESSAGE_LENGTH, { message: `message must have 1 to ${MAX_MESSAGE_LENGTH} characters` })
  message: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional()
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
