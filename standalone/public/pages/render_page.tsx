import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { CoreStart } from '@kbn/core/public';

/** Renders a page into the app's element with the host's EUI theme and i18n; returns the unmount. */
export const renderPage = (coreStart: CoreStart, element: HTMLElement, page: ReactNode) => {
  const root = createRoot(element);
  root.render(coreStart.rendering.addContext(page));
  return () => root.unmount();
};
