import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { CitizenIdentity } from '../auth/idporten';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';

/** Long enough to start a chat after logging in, short enough that a leaked code soon is worth nothing. */
export const LOGIN_CODE_MINUTES = 60;

/**
 * The ID-porten log-in, carried from the log-in popup to the widget's frame. The frame runs on the
 * host site, where the desk's session cookie is a third-party cookie the browser does not send;
 * so the popup (a top-level page with the session) hands the frame this code instead. It is
 * encrypted and authenticated (AES-256-GCM with a key derived from SESSION_SECRET): the browser
 * cannot read the national identity number in it, nor forge or alter one. Any instance can read it.
 */
@Injectable()
export class WidgetLoginCodes {
  private readonly key: Buffer;

  constructor(
    config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', config.sessionSecret, Buffer.alloc(0), 'desk widget login code', 32));
  }

  issue(identity: CitizenIdentity): string {
    const expires = this.clock.now().getTime() + LOGIN_CODE_MINUTES * 60_000;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(JSON.stringify({ identity, expires }), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
  }

  /** The identity in a valid code that has not expired; null for anything else. */
  read(code: string): CitizenIdentity | null {
    try {
      const raw = Buffer.from(code, 'base64url');
      if (raw.length < 29) return null;
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const { identity, expires } = JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8'));
      if (typeof expires !== 'number' || expires <= this.clock.now().getTime()) return null;
      return identity as CitizenIdentity;
    } catch {
      return null;
    }
  }
}
