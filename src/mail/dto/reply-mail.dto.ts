import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length } from 'class-validator';

export const MAX_MAIL_REPLY_LENGTH = 10_000;

export class ReplyMailDto {
  @ApiProperty({ maxLength: MAX_MAIL_REPLY_LENGTH })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, MAX_MAIL_REPLY_LENGTH, { message: `body must have 1 to ${MAX_MAIL_REPLY_LENGTH} characters` })
  body: string;

  @ApiPropertyOptional({ description: 'The same id on a resend stores and sends nothing new' })
  @IsOptional()
  @IsString()
  @Length(1, 64, { message: 'clientId must have 1 to 64 characters' })
  clientId?: string;
}
