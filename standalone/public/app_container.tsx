import { useEffect, useRef } from 'react';
import { BehaviorSubject } from 'rxjs';
import type { App, AppMountParameters, CoreTheme, MountPoint } from '@kbn/core/public';
import type { ApplicationService } from './application';
import { AppScopedHistory, type BrowserHistory } from './history';

interface AppContainerProps {
  app: App;
  application: ApplicationService;
  history: BrowserHistory;
  theme$: BehaviorSubject<CoreTheme>;
  onHeaderActionMenu(mount: MountPoint | undefined): void;
}

/** Mounts one app into its own element and unmounts it when another app takes over. */
export const AppContainer = ({ app, application, history, theme$, onHeaderActionMenu }: AppContainerProps) => {
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const target = element.current;
    if (!target) return;
    const appPath = application.appRoute(app);
    const params: AppMountParameters = {
      element: target,
      history: new AppScopedHistory(history, appPath),
      appBasePath: appPath,
      onAppLeave: (handler) => application.setLeaveHandler(app.id, handler),
      setHeaderActionMenu: onHeaderActionMenu,
      theme$,
    };
    let unmount: (() => void) | undefined;
    let cancelled = false;
    Promise.resolve(app.mount(params)).then(
      (appUnmount) => {
        if (cancelled) appUnmount();
        else unmount = appUnmount;
      },
      (error: unknown) => {
        target.textContent = `Failed to load the ${app.title} app: ${error instanceof Error ? error.message : String(error)}`;
      },
    );
    return () => {
      cancelled = true;
      unmount?.();
      application.setLeaveHandler(app.id, undefined);
      onHeaderActionMenu(undefined);
    };
  }, [app, application, history, theme$, onHeaderActionMenu]);

  return <div ref={element} className="kbnAppWrapper" data-test-subj={`appContainer-${app.id}`} />;
};
