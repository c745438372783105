import { IsString, Length } from 'class-validator';

export class WidgetVerifyDto {
  /** The chat's token (proof of owning the chat). */
  @IsString()
  @Length(1, 200)
  token: string;

  /** The code the log-in popup handed to the frame. */
  @IsString()
  @Length(1, 2000)
  code: string;
}
