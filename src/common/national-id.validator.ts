import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isValidNationalId, normalizeNationalId } from './national-id';
import { findNationalIds } from './national-id-in-text';

export const IS_NATIONAL_ID = 'isNationalId';
export const NATIONAL_ID_MESSAGE =
  'nationalId must be a valid Norwegian national identity number (11 digits with valid check digits)';

export function IsNationalId(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_NATIONAL_ID,
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && isValidNationalId(value),
        defaultMessage: (): string => NATIONAL_ID_MESSAGE,
      },
    },
    validationOptions,
  );
}

export function NormalizeNationalId(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? normalizeNationalId(value) : value,
  );
}

/** For fields that must never hold an identity number (contact details): one typed there is refused, not stored. */
export function HoldsNoNationalId(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'holdsNoNationalId',
      validator: {
        validate: (value: unknown): boolean => typeof value !== 'string' || findNationalIds(value).length === 0,
        defaultMessage: (args): string => `${args?.property ?? 'this field'} must not hold a national identity number`,
      },
    },
    validationOptions,
  );
}
