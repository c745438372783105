import 'express-session';
import type { CitizenIdentity, PendingIdportenLogin } from './idporten/citizen-identity';

declare module 'express-session' {
  interface SessionData {
    userId?: string;
    csrfToken?: string;
    // Epoch ms on the desk's clock.
    endsAt?: number;
    citizenIdentity?: CitizenIdentity;
    idportenLogin?: PendingIdportenLogin;
  }
}
