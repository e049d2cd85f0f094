import { useCallback, useEffect, useState, type MouseEvent } from 'react';
import {
  EuiFlexGroup,
  EuiHeader,
  EuiHeaderLink,
  EuiHeaderLinks,
  EuiHeaderSection,
  EuiHeaderSectionItem,
  EuiIcon,
  EuiPageTemplate,
  EuiTitle,
} from '@elastic/eui';
import type { BehaviorSubject } from 'rxjs';
import type { CoreTheme, MountPoint } from '@kbn/core/public';
import type { ApplicationService } from './application';
import type { BrowserHistory } from './history';
import type { ToastsService } from './toasts';
import { AppContainer } from './app_container';
import { HostEuiProvider } from './eui_provider';
import { MountPointPortal } from './mount_point_portal';
import { ToastList } from './toast_list';

interface ChromeProps {
  application: ApplicationService;
  history: BrowserHistory;
  toasts: ToastsService;
  theme$: BehaviorSubject<CoreTheme>;
}

const useCurrentPathname = (history: BrowserHistory) => {
  const [pathname, setPathname] = useState(history.location.pathname);
  useEffect(() => history.listen((location) => setPathname(location.pathname)), [history]);
  return pathname;
};

/** The page around the apps: a header with a link per registered app, the mounted app, the toasts. */
export const Chrome = ({ application, history, toasts, theme$ }: ChromeProps) => {
  const pathname = useCurrentPathname(history);
  const [headerMenu, setHeaderMenu] = useState<MountPoint | undefined>();
  const onHeaderActionMenu = useCallback((mount: MountPoint | undefined) => setHeaderMenu(() => mount), []);
  const { navigateToApp, getUrlForApp } = application.start();
  const apps = application.list();
  const app = application.appForPath(pathname);
  const defaultAppId = apps[0]?.id;

  useEffect(() => {
    // Unknown paths (like the bare site root) land on the first app, as Kibana lands on its default route.
    if (!app && defaultAppId) navigateToApp(defaultAppId, { replace: true });
    if (application.currentAppId$.value !== app?.id) application.currentAppId$.next(app?.id);
  }, [app, defaultAppId, application, navigateToApp]);

  return (
    <HostEuiProvider root>
      <EuiHeader position="fixed">
        <EuiHeaderSection>
          <EuiHeaderSectionItem>
            <a href={defaultAppId ? getUrlForApp(defaultAppId) : undefined} style={{ padding: '0 16px', color: 'inherit' }}>
              <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
                <EuiIcon type="workflowsApp" size="l" />
                <EuiTitle size="xxs">
                  <span>Workflows for Kibana</span>
                </EuiTitle>
              </EuiFlexGroup>
            </a>
          </EuiHeaderSectionItem>
          <EuiHeaderSectionItem>
            <EuiHeaderLinks>
              {apps.map(({ id, title }) => (
                <EuiHeaderLink
                  key={id}
                  isActive={id === app?.id}
                  href={getUrlForApp(id)}
                  onClick={(event: MouseEvent) => {
                    event.preventDefault();
                    navigateToApp(id);
                  }}
                >
                  {title}
                </EuiHeaderLink>
              ))}
            </EuiHeaderLinks>
          </EuiHeaderSectionItem>
        </EuiHeaderSection>
        <EuiHeaderSection side="right">{headerMenu && <MountPointPortal mount={headerMenu} />}</EuiHeaderSection>
      </EuiHeader>
      {/* Apps lay out with EuiPageTemplate, which keeps clear of the fixed header by itself. */}
      <main>
        {app ? (
          <AppContainer
            key={app.id}
            app={app}
            application={application}
            history={history}
            theme$={theme$}
            onHeaderActionMenu={onHeaderActionMenu}
          />
        ) : (
          <EuiPageTemplate>
            <EuiPageTemplate.EmptyPrompt title={<h2>No application is registered for {pathname}</h2>} />
          </EuiPageTemplate>
        )}
      </main>
      <ToastList toasts={toasts} />
    </HostEuiProvider>
  );
};
