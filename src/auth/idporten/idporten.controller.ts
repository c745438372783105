import { Controller, Get, Header, Query, Redirect, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../public.decorator';
import type { CitizenLoginView } from './citizen-identity';
import { IdportenLoginDto, IdportenReturnDto } from './idporten-login.dto';
import { IdportenLoginService } from './idporten-login.service';
import { safeReturnTo } from './return-to';

type RedirectTo = { url: string };

@ApiTags('citizen log-in (ID-porten)')
@Public()
@Controller('auth/idporten')
export class IdportenController {
  constructor(private readonly logins: IdportenLoginService) {}

  @Get('login')
  @Redirect()
  async login(@Req() request: Request, @Query() query: IdportenLoginDto): Promise<RedirectTo> {
    return { url: await this.logins.start(request, query) };
  }

  @Get('callback')
  @Redirect()
  async callback(@Req() request: Request): Promise<RedirectTo> {
    return { url: await this.logins.finish(request) };
  }

  @Get('logout')
  @Redirect()
  logout(@Req() request: Request, @Query() query: IdportenReturnDto): RedirectTo {
    this.logins.logout(request.session);
    return { url: safeReturnTo(query.returnTo) };
  }

  @Get('me')
  @Header('Cache-Control', 'no-store')
  me(@Req() request: Request): CitizenLoginView {
    return this.logins.me(request.session);
  }
}
