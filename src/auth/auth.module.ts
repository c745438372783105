import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StaffModule } from '../staff/staff.module';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { CitizenSocketIdentity, IDPORTEN_CONTROLLERS, IDPORTEN_PROVIDERS } from './idporten';
import { LoginThrottle } from './login-throttle';
import { SessionEntity } from './session.entity';
import { SessionMiddlewareProvider } from './session-middleware.provider';
import { SessionRevoker } from './session-revoker';
import { StaffSocketAuth } from './staff-socket-auth';

@Module({
  imports: [StaffModule, TypeOrmModule.forFeature([SessionEntity])],
  controllers: [AuthController, ...IDPORTEN_CONTROLLERS],
  providers: [AuthService, LoginThrottle, SessionMiddlewareProvider, SessionRevoker, StaffSocketAuth, ...IDPORTEN_PROVIDERS, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AuthService, SessionMiddlewareProvider, SessionRevoker, StaffSocketAuth, CitizenSocketIdentity],
})
export class AuthModule {}
