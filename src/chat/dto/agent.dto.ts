import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';
import { MAX_MESSAGE_LENGTH, STAFF_OUTCOMES, type StaffOutcome } from '../../tickets/ticket.types';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const BODY_RULE = { message: `body must have 1 to ${MAX_MESSAGE_LENGTH} characters` };

export class AgentStatusDto {
  @IsIn(['available', 'away'], { message: 'status must be available or away' })
  status: 'available' | 'away';
}

export class ChatRefDto {
  @IsUUID('all', { message: 'chatId must be a chat id' })
  chatId: string;
}

export class JoinChatDto extends ChatRefDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  afterSeq?: number;
}

export class AgentSendDto extends ChatRefDto {
  @IsString()
  @Length(1, 64, { message: 'clientId must have 1 to 64 characters' })
  clientId: string;

  @Transform(trim)
  @IsString(BODY_RULE)
  @Length(1, MAX_MESSAGE_LENGTH, BODY_RULE)
  body: string;
}

export class AddChatNoteDto extends ChatRefDto {
  @Transform(trim)
  @IsString(BODY_RULE)
  @Length(1, MAX_MESSAGE_LENGTH, BODY_RULE)
  body: string;
}

export class TransferChatDto extends ChatRefDto {
  @IsUUID('all', { message: 'toUserId must be a staff member id' })
  toUserId: string;
}

export class CloseChatDto extends ChatRefDto {
  @IsIn(STAFF_OUTCOMES, { message: `outcome must be one of ${STAFF_OUTCOMES.join(', ')}` })
  outcome: StaffOutcome;
}

export class AgentTypingDto extends ChatRefDto {
  @IsBoolean()
  typing: boolean;
}
