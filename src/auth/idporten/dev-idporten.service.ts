import { Injectable, Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type Provider from 'oidc-provider';
import type { Configuration, InteractionResults, KoaContextWithOIDC } from 'oidc-provider';
import { isValidNationalId, normalizeNationalId } from '../../common/national-id';
import { AppConfig } from '../../config/app-config';
import { acrFor, type Level, LEVELS } from './citizen-identity';
import { LEVEL_CHOICES, renderErrorPage, renderLoginPage } from './dev-idporten-pages';
import { lazyEsm } from './esm-import';

export const DEV_IDPORTEN_PATH = '/dev-idporten';
export const CALLBACK_PATH = '/auth/idporten/callback';

type OidcProviderModule = typeof import('oidc-provider');
const loadOidcProvider = lazyEsm<OidcProviderModule>('oidc-provider');

// Built on the first request, so neither start-up nor the in-process test app loads the ESM package.
@Injectable()
export class DevIdporten {
  readonly enabled: boolean;
  readonly clientId = 'support-desk-dev';
  readonly clientSecret = randomBytes(32).toString('base64url');
  readonly handler: RequestHandler;
  private readonly logger = new Logger('DevIdporten');
  private provider?: Promise<Provider>;

  constructor(private readonly config: AppConfig) {
    this.enabled = !config.idporten && !config.isProduction;
    this.handler = this.buildRouter();
  }

  get issuer(): string {
    return `${this.config.publicUrl}${DEV_IDPORTEN_PATH}`;
  }

  private buildRouter(): RequestHandler {
    const router = express.Router();
    const form = express.urlencoded({ extended: false, limit: '8kb' });
    router.use((_req, _res, next) => (this.enabled && !this.config.isProduction ? next() : next('router')));
    router.get('/interaction/:uid', this.safely((req, res) => this.showLogin(req, res)));
    router.post('/interaction/:uid', form, this.safely((req, res) => this.submitLogin(req, res)));
    router.post('/interaction/:uid/cancel', this.safely((req, res) => this.cancel(req, res)));
    router.use(this.safely(async (req, res) => (await this.getProvider()).callback()(req, res)));
    return router;
  }

  private safely(handle: (req: Request, res: Response) => Promise<unknown>): RequestHandler {
    return (req: Request, res: Response, _next: NextFunction) => {
      handle(req, res).catch((error: unknown) => {
        const expired = (error as { name?: string }).name === 'SessionNotFound';
        if (!expired) this.logger.error(`Development log-in failed: ${(error as Error).message}`, (error as Error).stack);
        if (res.headersSent) return;
        res
          .status(expired ? 400 : 500)
          .type('html')
          .send(
            renderErrorPage(
              expired ? 'The log-in has expired' : 'The development log-in failed',
              expired ? 'Start the log-in again from the support page.' : 'Something went wrong in the development log-in. See the server log.',
            ),
          );
      });
    };
  }

  private async showLogin(req: Request, res: Response): Promise<void> {
    const provider = await this.getProvider();
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== req.params.uid) throw Object.assign(new Error('interaction mismatch'), { name: 'SessionNotFound' });
    res.type('html').send(renderLoginPage({ ...this.formUrls(details.uid), levels: levelsAllowed(details.params.acr_values) }));
  }

  private async submitLogin(req: Request, res: Response): Promise<void> {
    const provider = await this.getProvider();
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== req.params.uid) throw Object.assign(new Error('interaction mismatch'), { name: 'SessionNotFound' });
    const levels = levelsAllowed(details.params.acr_values);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const typedPid = typeof body.typedPid === 'string' ? normalizeNationalId(body.typedPid) : '';
    const chosenPid = typeof body.pid === 'string' ? body.pid : undefined;
    const pid = typedPid || chosenPid || '';
    const level = typeof body.level === 'string' && (levels as string[]).includes(body.level) ? (body.level as Level) : undefined;

    const errors: { field: 'pid' | 'level'; message: string }[] = [];
    if (!pid) errors.push({ field: 'pid', message: 'Choose a person or type a national identity number.' });
    else if (!isValidNationalId(pid)) errors.push({ field: 'pid', message: `${typedPid ? 'The number you typed' : 'That number'} is not a valid national identity number (11 digits, valid date and check digits).` });
    if (!level) errors.push({ field: 'level', message: `Choose a level of assurance: ${levels.join(' or ')}.` });
    if (errors.length > 0) {
      res
        .status(400)
        .type('html')
        .send(renderLoginPage({ ...this.formUrls(details.uid), levels, chosenPid, typedPid: typeof body.typedPid === 'string' ? body.typedPid : '', chosenLevel: level, errors }));
      return;
    }

    const result: InteractionResults = {
      login: { accountId: pid, acr: acrFor(level!), amr: LEVEL_CHOICES[level!].amr, remember: false },
    };
    res.redirect(303, await provider.interactionResult(req, res, result, { mergeWithLastSubmission: false }));
  }

  private async cancel(req: Request, res: Response): Promise<void> {
    const provider = await this.getProvider();
    const result: InteractionResults = { error: 'access_denied', error_description: 'The citizen cancelled the log-in' };
    res.redirect(303, await provider.interactionResult(req, res, result, { mergeWithLastSubmission: false }));
  }

  private formUrls(uid: string) {
    const action = `${DEV_IDPORTEN_PATH}/interaction/${encodeURIComponent(uid)}`;
    return { action, cancelAction: `${action}/cancel` };
  }

  private getProvider(): Promise<Provider> {
    this.provider ??= this.createProvider().catch((error: unknown) => {
      this.provider = undefined;
      throw error;
    });
    return this.provider;
  }

  private async createProvider(): Promise<Provider> {
    if (this.config.isProduction) throw new Error('The development log-in is never available in production');
    const oidc = await loadOidcProvider();
    const { Check, base } = oidc.interactionPolicy;
    const policy = base();
    // Like TestID, ask every time (no single sign-on), so switching person needs no browser restart.
    policy.get('login')!.checks.add(new Check('dev_always_login', 'The development log-in asks every time', (ctx) => !ctx.oidc.result?.login));

    const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
    const configuration: Configuration = {
      clients: [
        {
          client_id: this.clientId,
          client_secret: this.clientSecret,
          redirect_uris: [`${this.config.publicUrl}${CALLBACK_PATH}`],
          response_types: ['code'],
          grant_types: ['authorization_code'],
          token_endpoint_auth_method: 'client_secret_basic',
          require_auth_time: true,
        },
      ],
      pkce: { required: () => true, methods: ['S256'] },
      scopes: ['openid', 'profile'],
      claims: { acr: null, auth_time: null, sid: null, iss: null, openid: ['sub', 'pid', 'acr', 'amr'], profile: ['locale'] },
      conformIdTokenClaims: false,
      acrValues: LEVELS.map(acrFor),
      findAccount: (_ctx, sub) => (isValidNationalId(sub) ? { accountId: sub, claims: () => ({ sub, pid: sub, locale: 'nb' }) } : undefined),
      interactions: { policy, url: (_ctx, interaction) => `${DEV_IDPORTEN_PATH}/interaction/${interaction.uid}` },
      loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
        const { oidc: o } = ctx;
        const grantId = (o.result?.consent as { grantId?: string } | undefined)?.grantId ?? o.session!.grantIdFor(o.client!.clientId);
        if (grantId) {
          const existing = await o.provider.Grant.find(grantId);
          if (existing) return existing;
        }
        const grant = new o.provider.Grant({ clientId: o.client!.clientId, accountId: o.session!.accountId! });
        grant.addOIDCScope('openid profile');
        await grant.save();
        return grant;
      },
      features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: false } },
      ttl: { Interaction: 600, Session: 3600, Grant: 3600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
      cookies: { keys: [randomBytes(32).toString('base64url')] },
      jwks: { keys: [{ ...signingKey, kid: 'dev-idporten-1', use: 'sig', alg: 'RS256' }] },
      renderError: (ctx, out) => {
        ctx.type = 'html';
        ctx.body = renderErrorPage('The development log-in failed', `${out.error}: ${out.error_description ?? ''}`);
      },
    };
    const provider = new oidc.default(this.issuer, configuration);
    provider.on('server_error', (_ctx: unknown, error: Error) => this.logger.error(`Provider error: ${error.message}`, error.stack));
    this.logger.log(`Development ID-porten (TestID stand-in) ready at ${this.issuer}`);
    return provider;
  }
}

function levelsAllowed(acrValues: unknown): Level[] {
  const asked = typeof acrValues === 'string' ? acrValues.split(' ') : [];
  if (asked.length > 0 && !asked.includes(acrFor('substantial'))) return ['high'];
  return [...LEVELS];
}

// Before the session middleware: it keeps its own cookies.
export function mountDevIdporten(app: NestExpressApplication): void {
  const dev = app.get(DevIdporten);
  if (!dev.enabled) return;
  if (app.get(AppConfig).isProduction) throw new Error('The development log-in must never be mounted in production');
  app.use(DEV_IDPORTEN_PATH, dev.handler);
}
