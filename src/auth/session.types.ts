import 'express-session';
import type { CitizenIdentity, PendingIdportenLogin } from './idporten/citizen-identity';

declare module 'express-session' {
  interface SessionData {
    userId?: string;
    csrfToken?: string;
    /** The citizen proved this identity with ID-porten (set by /auth/idporten/callback). */
    citizenIdentity?: CitizenIdentity;
    /** PKCE verifier, state and nonce of an ID-porten log-in under way. */
    idportenLogin?: PendingIdportenLogin;
  }
}
