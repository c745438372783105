import { ApiProperty } from '@nestjs/swagger';
import { IsNationalId, NormalizeNationalId } from '../../common/national-id.validator';

/** In a body, never a URL: a number does not belong in logs or history. */
export class CitizenSearchDto {
  @ApiProperty({ description: '11 digits' })
  @NormalizeNationalId()
  @IsNationalId()
  nationalId: string;
}
