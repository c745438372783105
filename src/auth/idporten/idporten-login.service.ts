import { Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import type { Session, SessionData } from 'express-session';
import { Clock } from '../../common/clock';
import '../session.types';
import { acrFor, citizenLoginView, type CitizenLoginView, identityFromClaims, type PendingIdportenLogin } from './citizen-identity';
import { IdportenClient } from './idporten-client';
import type { IdportenLoginDto } from './idporten-login.dto';
import { safeReturnTo, withLoginResult } from './return-to';

const PENDING_LOGIN_MAX_AGE_MS = 30 * 60 * 1000;
const UI_LOCALES = { nb: 'nb', nn: 'nn', en: 'en' } as const;

@Injectable()
export class IdportenLoginService {
  private readonly logger = new Logger('IdportenLogin');

  constructor(
    private readonly client: IdportenClient,
    private readonly clock: Clock,
  ) {}

  async start(request: Request, input: IdportenLoginDto): Promise<string> {
    const returnTo = safeReturnTo(input.returnTo);
    try {
      const [configuration, oidc] = await Promise.all([this.client.discover(), this.client.openIdClient()]);
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const pending: PendingIdportenLogin = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        codeVerifier,
        returnTo,
        ...(input.level ? { level: input.level } : {}),
        startedAt: this.clock.now().getTime(),
      };
      const url = oidc.buildAuthorizationUrl(configuration, {
        redirect_uri: this.client.redirectUri,
        scope: 'openid profile',
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
        ...(input.level ? { acr_values: acrFor(input.level) } : {}),
        ...(input.lang ? { ui_locales: UI_LOCALES[input.lang] } : {}),
      });
      request.session.idportenLogin = pending;
      return url.href;
    } catch (error) {
      this.logger.error(`ID-porten log-in could not start: ${(error as Error).message}`);
      return withLoginResult(returnTo, 'failed');
    }
  }

  async finish(request: Request): Promise<string> {
    const pending = request.session.idportenLogin;
    delete request.session.idportenLogin;
    if (!pending) {
      this.logger.warn('ID-porten callback without a log-in under way (expired session or a forged request)');
      return withLoginResult('/', 'failed');
    }
    try {
      if (this.clock.now().getTime() - pending.startedAt > PENDING_LOGIN_MAX_AGE_MS) throw new Error('the log-in took too long');
      const [configuration, oidc] = await Promise.all([this.client.discover(), this.client.openIdClient()]);
      const currentUrl = new URL(this.client.redirectUri);
      currentUrl.search = new URL(request.originalUrl, 'http://callback.invalid').search;
      const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const identity = identityFromClaims({ ...tokens.claims() }, pending.level);
      await renewSession(request);
      request.session.citizenIdentity = identity;
      this.logger.log(`Citizen logged in with ID-porten (${identity.acr ?? 'no acr'}, ${identity.amr.join(', ') || 'no amr'})`);
      // Checked again on the way out: the stored target must still be a path of this site.
      return safeReturnTo(pending.returnTo);
    } catch (error) {
      this.logger.warn(`ID-porten log-in failed: ${(error as Error).message}`);
      return withLoginResult(pending.returnTo, 'failed');
    }
  }

  logout(session: Session & Partial<SessionData>): void {
    delete session.citizenIdentity;
  }

  me(session: Partial<SessionData> | undefined): CitizenLoginView {
    return citizenLoginView(session?.citizenIdentity);
  }
}

// Against session fixation.
async function renewSession(request: Request): Promise<void> {
  const kept: Partial<SessionData> = { ...(request.session as Partial<SessionData>) };
  delete kept.cookie;
  await new Promise<void>((resolve, reject) => request.session.regenerate((err) => (err ? reject(err) : resolve())));
  Object.assign(request.session, kept);
}
