import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { HoldsNoNationalId, IsNationalId, NormalizeNationalId } from '../../common/national-id.validator';
import { OptionalEmail, OptionalPhone } from '../../tickets/dto/contact-fields';
import { LANGUAGES, MAX_MESSAGE_LENGTH, TOPICS, type Language, type Topic } from '../../tickets/ticket.types';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const blankToUndefined = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? undefined : trim({ value }));
const MESSAGE_RULE = { message: `message must have 1 to ${MAX_MESSAGE_LENGTH} characters` };

export class StartChatDto {
  @IsIn(TOPICS, { message: `topic must be one of ${TOPICS.join(', ')}` })
  topic: Topic;

  @Transform(trim)
  @IsString(MESSAGE_RULE)
  @Length(1, MAX_MESSAGE_LENGTH, MESSAGE_RULE)
  message: string;

  @IsOptional()
  @Transform(blankToUndefined)
  @IsString()
  @Length(1, 100, { message: 'name must have at most 100 characters' })
  name?: string;

  @IsOptional()
  @Transform(blankToUndefined)
  @NormalizeNationalId()
  @IsNationalId()
  nationalId?: string;

  @IsOptional()
  @IsIn(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` })
  language?: Language;
}

export class ResumeChatDto {
  @IsString()
  @Length(10, 200)
  token: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  afterSeq?: number;
}

export class CitizenSendDto {
  @IsString()
  @Length(1, 64, { message: 'clientId must have 1 to 64 characters' })
  clientId: string;

  @Transform(trim)
  @IsString({ message: `body must have 1 to ${MAX_MESSAGE_LENGTH} characters` })
  @Length(1, MAX_MESSAGE_LENGTH, { message: `body must have 1 to ${MAX_MESSAGE_LENGTH} characters` })
  body: string;
}

export class TypingDto {
  @IsBoolean()
  typing: boolean;
}

export class EndChatDto {}

export class RateChatDto {
  @IsInt({ message: 'score must be a whole number from 1 to 5' })
  @Min(1, { message: 'score must be a whole number from 1 to 5' })
  @Max(5, { message: 'score must be a whole number from 1 to 5' })
  score: number;

  @IsOptional()
  @Transform(blankToUndefined)
  @IsString()
  @Length(1, 1000)
  comment?: string;
}

/** The way back the citizen leaves when the chat became a ticket; at least one of the two (checked by the service). */
export class TicketContactDto {
  @OptionalEmail()
  @HoldsNoNationalId()
  email?: string;

  @OptionalPhone()
  @HoldsNoNationalId()
  phone?: string;
}
