import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminUsersController } from './admin-users.controller';
import { PasswordHasher } from './password-hasher';
import { StaffUserEntity } from './staff-user.entity';
import { StaffRepository } from './staff.repository';
import { StaffService } from './staff.service';

@Module({
  imports: [TypeOrmModule.forFeature([StaffUserEntity])],
  controllers: [AdminUsersController],
  providers: [StaffService, StaffRepository, PasswordHasher],
  exports: [StaffService, StaffRepository],
})
export class StaffModule {}
