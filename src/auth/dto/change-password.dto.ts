import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @Length(1, 200)
  currentPassword: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @Length(12, 200, { message: 'newPassword must have 12 to 200 characters' })
  newPassword: string;
}
