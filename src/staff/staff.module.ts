import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminUsersController } from './admin-users.controller';
import { AlertPreferencesController } from './alert-preferences.controller';
import { PasswordHasher } from './password-hasher';
import { StaffAccessEvents } from './staff-access-events';
import { StaffUserEntity } from './staff-user.entity';
import { StaffRepository } from './staff.repository';
import { StaffService } from './staff.service';

@Module({
  imports: [TypeOrmModule.forFeature([StaffUserEntity])],
  controllers: [AdminUsersController, AlertPreferencesController],
  providers: [StaffService, StaffRepository, PasswordHasher, StaffAccessEvents],
  exports: [StaffService, StaffRepository, StaffAccessEvents],
})
export class StaffModule {}
