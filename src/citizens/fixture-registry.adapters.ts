import { Logger } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { ContactRegister, IdportenUsers } from './registry-ports';
import { parseIdportenUsers, parseKrrResponse } from './registry-parsing';
import { IdportenLookup, KrrLookup, UNAVAILABLE, Unavailable } from './registry.types';

interface FixtureContent {
  krr: unknown;
  idporten: unknown;
}

// A missing or broken file makes every look-up unavailable instead of stopping the application.
export class RegistryFixture {
  private readonly logger = new Logger('RegistryFixture');
  private content?: Promise<FixtureContent | Unavailable>;

  constructor(readonly path: string) {}

  load(): Promise<FixtureContent | Unavailable> {
    this.content ??= this.read();
    return this.content;
  }

  private async read(): Promise<FixtureContent | Unavailable> {
    try {
      const parsed = JSON.parse(await readFile(this.path, 'utf8')) as unknown;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a JSON object');
      const { krr, idporten } = parsed as Record<string, unknown>;
      return { krr: krr ?? {}, idporten: idporten ?? [] };
    } catch (error) {
      this.logger.warn(`registry fixture ${this.path} is not usable: ${(error as Error).message}`);
      return UNAVAILABLE;
    }
  }
}

export class FixtureContactRegister extends ContactRegister {
  constructor(private readonly fixture: RegistryFixture) {
    super();
  }

  async lookup(nationalId: string): Promise<KrrLookup> {
    const content = await this.fixture.load();
    return content === UNAVAILABLE ? UNAVAILABLE : parseKrrResponse(content.krr, nationalId);
  }
}

export class FixtureIdportenUsers extends IdportenUsers {
  constructor(private readonly fixture: RegistryFixture) {
    super();
  }

  async search(nationalId: string): Promise<IdportenLookup> {
    const content = await this.fixture.load();
    if (content === UNAVAILABLE) return UNAVAILABLE;
    if (!Array.isArray(content.idporten)) return UNAVAILABLE;
    // Unlike the real service, the fixture holds everyone: an account must name its person to count.
    const own = content.idporten.filter((u: unknown) => typeof u === 'object' && u !== null && (u as Record<string, unknown>).person_identifier === nationalId);
    return parseIdportenUsers(own, nationalId);
  }
}
