import 'express-session';
import type { CitizenIdentity, PendingIdportenLogin } from './idporten/citizen-identity';

declare module 'express-session' {
  interface SessionData {
    userId?: string;
    csrfToken?: string;
    /** A staff session's absolute end (epoch ms on the desk's clock): SESSION_MAX_HOURS after log-in. */
    endsAt?: number;
    /** The citizen proved this identity with ID-porten (set by /auth/idporten/callback). */
    citizenIdentity?: CitizenIdentity;
    /** PKCE verifier, state and nonce of an ID-porten log-in under way. */
    idportenLogin?: PendingIdportenLogin;
  }
}
