import { createHash } from 'node:crypto';

/** Names a session in socket rooms (which travel through Redis) without giving away its id. */
export const sessionKey = (sid: string): string => createHash('sha256').update(sid).digest('base64url').slice(0, 22);
