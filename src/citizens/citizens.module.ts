import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AppConfig } from '../config/app-config';
import { TicketsModule } from '../tickets/tickets.module';
import { CitizenContextService } from './citizen-context.service';
import { CitizensController } from './citizens.controller';
import { EarlierContactsController } from './earlier-contacts.controller';
import { EarlierContactsRepository } from './earlier-contacts.repository';
import { EarlierContactsService } from './earlier-contacts.service';
import { FixtureContactRegister, FixtureIdportenUsers, RegistryFixture } from './fixture-registry.adapters';
import { HttpContactRegister, HttpIdportenUsers } from './http-registry.adapters';
import { ContactRegister, IdportenUsers } from './registry-ports';

@Module({
  imports: [TicketsModule, AuditModule],
  controllers: [CitizensController, EarlierContactsController],
  providers: [
    { provide: RegistryFixture, inject: [AppConfig], useFactory: (config: AppConfig) => new RegistryFixture(config.registryFixture) },
    {
      provide: ContactRegister,
      inject: [AppConfig, RegistryFixture],
      useFactory: (config: AppConfig, fixture: RegistryFixture) => (config.krr ? new HttpContactRegister(config.krr) : new FixtureContactRegister(fixture)),
    },
    {
      provide: IdportenUsers,
      inject: [AppConfig, RegistryFixture],
      useFactory: (config: AppConfig, fixture: RegistryFixture) =>
        config.idportenUsers ? new HttpIdportenUsers(config.idportenUsers) : new FixtureIdportenUsers(fixture),
    },
    CitizenContextService,
    EarlierContactsRepository,
    EarlierContactsService,
  ],
  exports: [CitizenContextService, ContactRegister, IdportenUsers],
})
export class CitizensModule {}
