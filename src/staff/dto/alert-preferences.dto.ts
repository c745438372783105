import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

/** Which of the agent console's alerts a staff member wants; all three are given on every change. */
export class AlertPreferencesDto {
  @ApiProperty({ description: 'A short sound' })
  @IsBoolean()
  sound: boolean;

  @ApiProperty({ description: 'A desktop notification, once the browser allows it' })
  @IsBoolean()
  notifications: boolean;

  @ApiProperty({ description: "A count in the tab's title" })
  @IsBoolean()
  title: boolean;
}

export type AlertPreferences = Pick<AlertPreferencesDto, 'sound' | 'notifications' | 'title'>;
