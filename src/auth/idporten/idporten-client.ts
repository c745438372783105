import { Injectable } from '@nestjs/common';
import type { Configuration } from 'openid-client';
import { AppConfig } from '../../config/app-config';
import { CALLBACK_PATH, DevIdporten } from './dev-idporten.service';
import { lazyEsm } from './esm-import';

export type OpenIdClientModule = typeof import('openid-client');
export const loadOpenIdClient = lazyEsm<OpenIdClientModule>('openid-client');

const DISCOVERY_TIMEOUT_SECONDS = 10;

export class IdportenUnavailableError extends Error {}

@Injectable()
export class IdportenClient {
  private configuration?: Promise<Configuration>;

  constructor(
    private readonly config: AppConfig,
    private readonly dev: DevIdporten,
  ) {}

  get redirectUri(): string {
    return `${this.config.publicUrl}${CALLBACK_PATH}`;
  }

  async openIdClient(): Promise<OpenIdClientModule> {
    return loadOpenIdClient();
  }

  discover(): Promise<Configuration> {
    this.configuration ??= this.runDiscovery().catch((error: unknown) => {
      this.configuration = undefined;
      throw error;
    });
    return this.configuration;
  }

  private async runDiscovery(): Promise<Configuration> {
    const settings = this.settings();
    const client = await loadOpenIdClient();
    const issuer = new URL(settings.issuer);
    const insecure = issuer.protocol === 'http:' && !this.config.isProduction;
    return client.discovery(issuer, settings.clientId, { redirect_uris: [this.redirectUri] }, client.ClientSecretBasic(settings.clientSecret), {
      timeout: DISCOVERY_TIMEOUT_SECONDS,
      ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
    });
  }

  private settings(): { issuer: string; clientId: string; clientSecret: string } {
    if (this.config.idporten) return this.config.idporten;
    if (this.dev.enabled) return { issuer: this.dev.issuer, clientId: this.dev.clientId, clientSecret: this.dev.clientSecret };
    throw new IdportenUnavailableError('ID-porten log-in is not configured (set IDPORTEN_ISSUER, IDPORTEN_CLIENT_ID and IDPORTEN_CLIENT_SECRET)');
  }
}
