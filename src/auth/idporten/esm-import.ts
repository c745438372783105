/**
 * `openid-client` and `oidc-provider` are ESM-only. With module=commonjs TypeScript would turn
 * `await import('x')` into `require('x')`, which fails on them, so the import is hidden from the
 * compiler. Called only when an ID-porten route is first used: Jest's CommonJS runtime (the
 * in-process e2e app) never has to load them.
 */
export const esmImport = new Function('specifier', 'return import(specifier)') as <T>(specifier: string) => Promise<T>;

/** Loads an ESM module once and keeps the promise; a failed load is retried next time. */
export function lazyEsm<T>(specifier: string): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= esmImport<T>(specifier).catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
