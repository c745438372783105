import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { StaffActor } from './actor';
import { AuthService, SessionView } from './auth.service';
import { CurrentStaff } from './current-actor.decorator';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { PasswordChangeExempt } from './password-change-exempt.decorator';
import { Public } from './public.decorator';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Req() request: Request, @Body() body: LoginDto): Promise<SessionView> {
    return this.auth.login(request, body);
  }

  @Get('me')
  @PasswordChangeExempt()
  me(@Req() request: Request, @CurrentStaff() actor: StaffActor): SessionView {
    return {
      user: { id: actor.id, username: actor.username, displayName: actor.displayName, role: actor.role },
      csrfToken: request.session.csrfToken!,
      ...(actor.mustChangePassword ? { mustChangePassword: true } : {}),
    };
  }

  @Post('logout')
  @PasswordChangeExempt()
  @HttpCode(204)
  logout(@Req() request: Request): Promise<void> {
    return this.auth.logout(request);
  }

  @Post('password')
  @PasswordChangeExempt()
  @HttpCode(204)
  changePassword(@Req() request: Request, @CurrentStaff() actor: StaffActor, @Body() body: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(request, actor, body);
  }
}
