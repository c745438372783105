import { createHash, randomBytes } from 'node:crypto';

// Only its hash is stored.
export const newChatToken = (): string => randomBytes(32).toString('base64url');
export const hashChatToken = (token: string): string => createHash('sha256').update(token).digest('hex');
