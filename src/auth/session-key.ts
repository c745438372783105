import { createHash } from 'node:crypto';

// Socket rooms travel through Redis: they must not give away the session id.
export const sessionKey = (sid: string): string => createHash('sha256').update(sid).digest('base64url').slice(0, 22);
