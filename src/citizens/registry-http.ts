import { Logger } from '@nestjs/common';
import { UNAVAILABLE, Unavailable } from './registry.types';

export const DEFAULT_REGISTRY_TIMEOUT_MS = 3000;

export interface RegistryEndpoint {
  url: string;
  token?: string;
  timeoutMs?: number;
}

export const joinUrl = (base: string, path: string) => `${base.replace(/\/+$/, '')}${path}`;

// No retries: an agent is better served by `unknown` now than by a register hammered while down. Never logs the number.
export async function postJson(endpoint: RegistryEndpoint, path: string, body: unknown, logger: Logger): Promise<unknown> {
  const url = joinUrl(endpoint.url, path);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        ...(endpoint.token ? { authorization: `Bearer ${endpoint.token}` } : {}),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(endpoint.timeoutMs ?? DEFAULT_REGISTRY_TIMEOUT_MS),
    });
    const text = await response.text();
    if (!response.ok) {
      logger.warn(`${url} answered ${response.status}`);
      return UNAVAILABLE;
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      logger.warn(`${url} answered with malformed JSON`);
      return UNAVAILABLE;
    }
  } catch (error) {
    // Not `instanceof Error`: the DOMException of a timeout may come from another realm.
    const { name, message } = (error ?? {}) as { name?: string; message?: string };
    const reason = name === 'TimeoutError' || name === 'AbortError' ? `timed out after ${endpoint.timeoutMs ?? DEFAULT_REGISTRY_TIMEOUT_MS} ms` : `failed (${message ?? String(error)})`;
    logger.warn(`${url} ${reason}`);
    return UNAVAILABLE;
  }
}

export const isUnavailable = (value: unknown): value is Unavailable => value === UNAVAILABLE;
