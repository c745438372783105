// ESM-only packages: with module=commonjs TypeScript would turn `import()` into `require()`, which fails on them.
export const esmImport = new Function('specifier', 'return import(specifier)') as <T>(specifier: string) => Promise<T>;

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
