import { createRoot } from 'react-dom/client';
import { EuiButton, EuiPageTemplate } from '@elastic/eui';
import type { AppMountParameters } from '@kbn/core/public';
import { I18nProvider } from '@kbn/i18n-react';
import { HostEuiProvider } from '../../eui_provider';
import type { RulesAppDeps } from './index';
import { RuleDetailPage } from './rule_detail_page';
import { RuleFormPage } from './rule_form_page';
import { RuleListPage } from './rule_list_page';
import { matchPath, rulePaths, useLink, useLocation } from './router';
import { RulesApi } from './rules_api';
import { RulesServicesProvider, useRulesServices, type RulesServices } from './rules_services';

const ROUTES: Array<{ path: string; render(params: Record<string, string>): JSX.Element }> = [
  { path: '/', render: () => <RuleListPage /> },
  { path: '/create', render: () => <RuleFormPage /> },
  { path: '/edit/:id', render: ({ id }) => <RuleFormPage key={id} ruleId={id} /> },
  { path: '/rule/:id', render: ({ id }) => <RuleDetailPage key={id} ruleId={id} /> },
];

const RulesApp = () => {
  const { history } = useRulesServices();
  const { pathname } = useLocation(history);
  const link = useLink(history);
  for (const route of ROUTES) {
    const params = matchPath(route.path, pathname);
    if (params) return route.render(params);
  }
  return (
    <EuiPageTemplate>
      <EuiPageTemplate.EmptyPrompt title={<h2>Page not found</h2>} actions={<EuiButton {...link(rulePaths.list())}>Back to rules</EuiButton>} />
    </EuiPageTemplate>
  );
};

export const renderRulesApp = ({ element, history }: AppMountParameters, { http, toasts, triggersActionsUi }: RulesAppDeps) => {
  const services: RulesServices = {
    api: new RulesApi(http),
    toasts,
    history,
    actionTypeRegistry: triggersActionsUi.actionTypeRegistry,
    absoluteUrl: (path) => new URL(http.basePath.prepend(path), window.location.origin).href,
  };
  const root = createRoot(element);
  root.render(
    <I18nProvider>
      <HostEuiProvider>
        <RulesServicesProvider services={services}>
          <RulesApp />
        </RulesServicesProvider>
      </HostEuiProvider>
    </I18nProvider>,
  );
  return () => root.unmount();
};
