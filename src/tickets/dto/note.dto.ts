import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { MAX_MESSAGE_LENGTH } from '../ticket.types';

export class AddNoteDto {
  @ApiProperty()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, MAX_MESSAGE_LENGTH, { message: `body must have 1 to ${MAX_MESSAGE_LENGTH} characters` })
  body: string;
}
