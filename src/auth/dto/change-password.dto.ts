import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @Length(1, 200)
  currentPassword: string;

  /** The same rule as for passwords an admin sets (staff/dto). */
  @ApiProperty({ minLength: 12 })
  @IsString()
  @Length(12, 200, { message: 'newPassword must have 12 to 200 characters' })
  newPassword: string;
}
