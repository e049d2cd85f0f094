import { useCallback, useEffect, useState, type MouseEvent } from 'react';
import type { Location, ScopedHistory } from '@kbn/core/public';

/** Paths inside the Rules app, relative to `/app/rules`. */
export const rulePaths = {
  list: () => '/',
  create: () => '/create',
  edit: (id: string) => `/edit/${encodeURIComponent(id)}`,
  detail: (id: string) => `/rule/${encodeURIComponent(id)}`,
};

/** `/edit/:id` against `/edit/abc` gives `{ id: 'abc' }`; null when the path does not match. */
export const matchPath = (pattern: string, pathname: string): Record<string, string> | null => {
  const expected = pattern.split('/').filter(Boolean);
  const actual = pathname.split('/').filter(Boolean);
  if (expected.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (const [index, segment] of expected.entries()) {
    if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(actual[index]);
    else if (segment !== actual[index]) return null;
  }
  return params;
};

export const useLocation = (history: ScopedHistory): Location => {
  const [location, setLocation] = useState(history.location);
  useEffect(() => history.listen((next) => setLocation(next)), [history]);
  return location;
};

const isPlainLeftClick = (event: MouseEvent) => event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;

/** `href` + `onClick` for in-app links: a real URL for new tabs, history navigation for plain clicks. */
export const useLink = (history: ScopedHistory) =>
  useCallback(
    (path: string) => ({
      href: history.createHref({ pathname: path }),
      onClick: (event: MouseEvent) => {
        if (!isPlainLeftClick(event)) return;
        event.preventDefault();
        history.push(path);
      },
    }),
    [history],
  );
