import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Equals, IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsNationalId, NormalizeNationalId } from '../../common/national-id.validator';
import { emptyToUndefined, OptionalEmail, OptionalPhone } from '../../tickets/dto/contact-fields';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** One person, by any of the keys the desk stores: at least one is required (checked in person.ts). */
export class PersonDto {
  @ApiPropertyOptional({ description: '11 digits; sent in the body only, never in a URL' })
  @IsOptional()
  @Transform(emptyToUndefined)
  @NormalizeNationalId()
  @IsNationalId()
  nationalId?: string;

  @OptionalEmail()
  email?: string;

  @OptionalPhone()
  phone?: string;
}

export const EXPORT_FORMATS = ['json', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class ExportDto extends PersonDto {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS, { message: 'format must be json or html' })
  format: ExportFormat;
}

export const REASON_MIN = 5;
export const REASON_MAX = 200;

export class EraseDto extends PersonDto {
  @ApiProperty({ minLength: REASON_MIN, maxLength: REASON_MAX, description: 'Why the person is erased (kept in the audit log)' })
  @Transform(trim)
  @IsString()
  @Length(REASON_MIN, REASON_MAX, { message: `reason must have ${REASON_MIN} to ${REASON_MAX} characters` })
  reason: string;

  @ApiProperty({ description: 'The token the dry run gave for this person and these counts' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  confirmation?: string;

  @ApiProperty({ description: 'The second confirmation: must be true' })
  @IsBoolean()
  @Equals(true, { message: 'confirm must be true' })
  confirm: boolean;
}
