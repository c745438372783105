import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { ROLES, type Role } from '../roles';

export class CreateStaffUserDto {
  @ApiProperty({ example: 'kari' })
  @IsString()
  @Matches(/^[a-z0-9._-]{2,64}$/i, { message: 'username must be 2–64 letters, digits, dots, dashes or underscores' })
  username: string;

  @ApiProperty({ example: 'Kari Nordmann' })
  @IsString()
  @Length(1, 100)
  displayName: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @Length(12, 200, { message: 'password must have 12 to 200 characters' })
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;
}
