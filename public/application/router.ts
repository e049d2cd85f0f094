import { useCallback, useEffect, useState, type MouseEvent } from 'react';
import type { Location, ScopedHistory } from '@kbn/core/public';
import { useServices } from './services';

/** Paths inside the app, relative to `/app/workflows`. */
export const appPaths = {
  list: () => '/',
  create: () => '/create',
  edit: (workflowId: string) => `/edit/${encodeURIComponent(workflowId)}`,
  executions: (workflowId: string) => `/executions/${encodeURIComponent(workflowId)}`,
  execution: (executionId: string) => `/execution/${encodeURIComponent(executionId)}`,
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
export const useHistoryLink = (history: ScopedHistory) =>
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

export const useAppLink = () => useHistoryLink(useServices().history);
