import { CitizenSocketIdentity } from './citizen-socket-identity';
import { DevIdporten } from './dev-idporten.service';
import { IdportenClient } from './idporten-client';
import { IdportenLoginService } from './idporten-login.service';
import { IdportenController } from './idporten.controller';

export type { CitizenIdentity } from './citizen-identity';
export { CitizenSocketIdentity } from './citizen-socket-identity';
export { mountDevIdporten } from './dev-idporten.service';

export const IDPORTEN_CONTROLLERS = [IdportenController];
export const IDPORTEN_PROVIDERS = [DevIdporten, IdportenClient, IdportenLoginService, CitizenSocketIdentity];
