import { type ReactElement } from 'react';
import { EuiButton } from '@elastic/eui';
import { i18n } from '@kbn/i18n';
import { PagePrompt } from './components/page_prompt';
import { ExecutionPage } from './pages/execution_page';
import { ExecutionsPage } from './pages/executions_page';
import { WorkflowEditorPage } from './pages/workflow_editor_page';
import { WorkflowListPage } from './pages/workflow_list_page';
import { appPaths, matchPath, useAppLink, useLocation } from './router';
import { useServices } from './services';

interface Route {
  path: string;
  render(params: Record<string, string>): ReactElement;
}

// `/create` and `/edit/:id` render the same page type at the same place, so saving a new workflow
// (which replaces the URL with its edit path) keeps the editor and its state.
const ROUTES: Route[] = [
  { path: '/', render: () => <WorkflowListPage /> },
  { path: '/create', render: () => <WorkflowEditorPage /> },
  { path: '/edit/:id', render: ({ id }) => <WorkflowEditorPage workflowId={id} /> },
  { path: '/executions/:workflowId', render: ({ workflowId }) => <ExecutionsPage key={workflowId} workflowId={workflowId} /> },
  { path: '/execution/:executionId', render: ({ executionId }) => <ExecutionPage key={executionId} executionId={executionId} /> },
];

const NotFound = () => {
  const appLink = useAppLink();
  return (
    <PagePrompt
      iconType="search"
      title={<h2>{i18n.translate('workflows.app.notFoundTitle', { defaultMessage: 'Page not found' })}</h2>}
      actions={
        <EuiButton {...appLink(appPaths.list())}>
          {i18n.translate('workflows.app.backToList', { defaultMessage: 'Back to workflows' })}
        </EuiButton>
      }
    />
  );
};

export const WorkflowsApp = () => {
  const { history } = useServices();
  const { pathname } = useLocation(history);
  for (const route of ROUTES) {
    const params = matchPath(route.path, pathname);
    if (params) return route.render(params);
  }
  return <NotFound />;
};
