import { useMemo } from 'react';
import { EuiButton, EuiPageTemplate } from '@elastic/eui';
import type { HttpStart, IToasts, ScopedHistory } from '@kbn/core/public';
import type { TriggersAndActionsUIPublicPluginStart } from '@kbn/triggers-actions-ui-plugin/public';
import { RuleDetailPage } from './rule_detail_page';
import { RuleFormPage } from './rule_form_page';
import { RuleListPage } from './rule_list_page';
import { matchPath, rulePaths, useLink, useLocation } from './router';
import { RulesApi } from './rules_api';
import { RulesServicesProvider, type RulesServices } from './rules_services';

const ROUTES: Array<{ path: string; render(params: Record<string, string>): JSX.Element }> = [
  { path: '/', render: () => <RuleListPage /> },
  { path: '/create', render: () => <RuleFormPage /> },
  { path: '/edit/:id', render: ({ id }) => <RuleFormPage key={id} ruleId={id} /> },
  { path: '/rule/:id', render: ({ id }) => <RuleDetailPage key={id} ruleId={id} /> },
];

interface RulesAppProps {
  http: HttpStart;
  toasts: IToasts;
  history: ScopedHistory;
  triggersActionsUi: TriggersAndActionsUIPublicPluginStart;
}

/** `/` lists the rules, `/create` and `/edit/<id>` show the form, `/rule/<id>` one rule. */
export const RulesApp = ({ http, toasts, history, triggersActionsUi }: RulesAppProps) => {
  const { pathname } = useLocation(history);
  const link = useLink(history);
  const services = useMemo<RulesServices>(
    () => ({
      api: new RulesApi(http),
      toasts,
      history,
      actionTypeRegistry: triggersActionsUi.actionTypeRegistry,
      absoluteUrl: (path) => new URL(http.basePath.prepend(path), window.location.origin).href,
    }),
    [http, toasts, history, triggersActionsUi],
  );
  const route = ROUTES.map((candidate) => ({ candidate, params: matchPath(candidate.path, pathname) })).find(({ params }) => params);
  return (
    <RulesServicesProvider services={services}>
      {route ? (
        route.candidate.render(route.params!)
      ) : (
        <EuiPageTemplate>
          <EuiPageTemplate.EmptyPrompt
            title={<h2>Page not found</h2>}
            actions={<EuiButton {...link(rulePaths.list())}>Back to rules</EuiButton>}
          />
        </EuiPageTemplate>
      )}
    </RulesServicesProvider>
  );
};
