import { Logger } from '@nestjs/common';
import { ContactRegister, IdportenUsers } from './registry-ports';
import { isUnavailable, postJson, RegistryEndpoint } from './registry-http';
import { parseIdportenUsers, parseKrrResponse } from './registry-parsing';
import type { IdportenLookup, KrrLookup } from './registry.types';

export class HttpContactRegister extends ContactRegister {
  private readonly logger = new Logger('ContactRegister');

  constructor(private readonly endpoint: RegistryEndpoint) {
    super();
  }

  async lookup(nationalId: string): Promise<KrrLookup> {
    const body = await postJson(this.endpoint, '/rest/v2/personer', { personidentifikatorer: [nationalId] }, this.logger);
    return isUnavailable(body) ? body : parseKrrResponse(body, nationalId);
  }
}

export class HttpIdportenUsers extends IdportenUsers {
  private readonly logger = new Logger('IdportenUsers');

  constructor(private readonly endpoint: RegistryEndpoint) {
    super();
  }

  async search(nationalId: string): Promise<IdportenLookup> {
    const body = await postJson(this.endpoint, '/admin/v1/users/.search', { person_identifier: nationalId }, this.logger);
    return isUnavailable(body) ? body : parseIdportenUsers(body, nationalId);
  }
}
