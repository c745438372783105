import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { type Level, LEVELS } from './citizen-identity';

export class IdportenReturnDto {
  @ApiPropertyOptional({ description: 'A path on this site to come back to, e.g. /?lang=nn; anything else becomes /' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  returnTo?: string;
}

export class IdportenLoginDto extends IdportenReturnDto {
  @ApiPropertyOptional({ enum: LEVELS, description: 'Minimum level of assurance (acr_values idporten-loa-…)' })
  @IsOptional()
  @IsIn(LEVELS)
  level?: Level;

  @ApiPropertyOptional({ enum: ['nb', 'nn', 'en'], description: 'Language of the ID-porten pages (ui_locales)' })
  @IsOptional()
  @IsIn(['nb', 'nn', 'en'])
  lang?: 'nb' | 'nn' | 'en';
}
