import { plainToInstance } from 'class-transformer';
import { IsOptional, validateSync } from 'class-validator';
import { IsNationalId, NATIONAL_ID_MESSAGE, NormalizeNationalId } from './national-id.validator';

class Dto {
  @IsOptional()
  @NormalizeNationalId()
  @IsNationalId()
  nationalId?: unknown;
}

function errorsFor(nationalId: unknown): string[] {
  const dto = plainToInstance(Dto, { nationalId });
  return validateSync(dto).flatMap((e) => Object.values(e.constraints ?? {}));
}

describe('@IsNationalId', () => {
  it('accepts a valid synthetic number', () => {
    expect(errorsFor('17858500060')).toEqual([]);
    expect(errorsFor('41819000032')).toEqual([]);
  });

  it('accepts a number typed with spaces once normalised', () => {
    expect(errorsFor(' 178585 00060 ')).toEqual([]);
  });

  it.each(['17858500061', '1785850006', 'abc', '', 17858500060, {}])('rejects %p with the message', (value) => {
    expect(errorsFor(value)).toEqual([NATIONAL_ID_MESSAGE]);
  });

  it('uses the documented message', () => {
    expect(NATIONAL_ID_MESSAGE).toBe(
      'nationalId must be a valid Norwegian national identity number (11 digits with valid check digits)',
    );
  });
});
