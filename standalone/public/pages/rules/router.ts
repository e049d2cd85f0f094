/** Paths inside the Rules app, relative to `/app/rules`. */
export const rulePaths = {
  list: () => '/',
  create: () => '/create',
  edit: (id: string) => `/edit/${encodeURIComponent(id)}`,
  detail: (id: string) => `/rule/${encodeURIComponent(id)}`,
};

// The host's pages route the way the Workflows app does; one router, not two copies.
export { matchPath, useLocation, useHistoryLink as useLink } from '../../../../public/application/router';
