import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, Length, Matches } from 'class-validator';

const trim = (value: unknown) => (typeof value === 'string' ? value.trim() : value);
export const emptyToUndefined = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? undefined : trim(value));

export const OptionalName = (description?: string) =>
  applyDecorators(ApiPropertyOptional({ description }), IsOptional(), Transform(emptyToUndefined), IsString(), Length(1, 100));

export const OptionalEmail = (description?: string) =>
  applyDecorators(ApiPropertyOptional({ description }), IsOptional(), Transform(emptyToUndefined), IsEmail({}, { message: 'email must be an e-mail address' }), Length(3, 254));

export const OptionalPhone = () =>
  applyDecorators(ApiPropertyOptional(), IsOptional(), Transform(emptyToUndefined), Matches(/^\+?[0-9 ()-]{5,20}$/, { message: 'phone must be a phone number' }));
