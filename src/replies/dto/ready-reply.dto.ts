import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, ValidateIf } from 'class-validator';
import { LANGUAGES, TOPICS, type Language, type Topic } from '../../tickets/ticket.types';
import type { ReadyReplyEntity } from '../ready-reply.entity';

export const MAX_TITLE_LENGTH = 120;
export const MAX_BODY_LENGTH = 4000;

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ReplyQueryDto {
  @ApiPropertyOptional({ description: 'title or body contains (case-insensitive)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}

export class CreateReplyDto {
  @ApiProperty({ minLength: 1, maxLength: MAX_TITLE_LENGTH })
  @Transform(trim)
  @IsString()
  @Length(1, MAX_TITLE_LENGTH)
  title: string;

  @ApiProperty({ minLength: 1, maxLength: MAX_BODY_LENGTH })
  @Transform(trim)
  @IsString()
  @Length(1, MAX_BODY_LENGTH)
  body: string;

  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES)
  language: Language;

  @ApiPropertyOptional({ enum: TOPICS, nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsIn(TOPICS)
  topic?: Topic | null;
}

export class UpdateReplyDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: MAX_TITLE_LENGTH })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, MAX_TITLE_LENGTH)
  title?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: MAX_BODY_LENGTH })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, MAX_BODY_LENGTH)
  body?: string;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ enum: TOPICS, nullable: true, description: 'null removes the topic' })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsIn(TOPICS)
  topic?: Topic | null;
}

export interface ReadyReplyDto {
  id: string;
  title: string;
  body: string;
  language: Language;
  topic: Topic | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ReadyReplyList {
  items: ReadyReplyDto[];
}

export function mapReply(reply: ReadyReplyEntity): ReadyReplyDto {
  return {
    id: reply.id,
    title: reply.title,
    body: reply.body,
    language: reply.language,
    topic: reply.topic,
    createdBy: reply.createdBy,
    createdAt: reply.createdAt.toISOString(),
    updatedAt: reply.updatedAt.toISOString(),
  };
}
