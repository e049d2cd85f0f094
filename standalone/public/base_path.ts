import type { IBasePath } from '@kbn/core/public';

export const createBasePath = (serverBasePath: string): IBasePath => {
  const base = serverBasePath.replace(/\/$/, '');
  const isPrefixed = (path: string) => base !== '' && (path === base || path.startsWith(`${base}/`));
  return {
    serverBasePath: base,
    get: () => base,
    prepend: (path) => (path.startsWith('/') && !isPrefixed(path) ? `${base}${path}` : path),
    remove: (path) => (isPrefixed(path) ? path.slice(base.length) || '/' : path),
  };
};
