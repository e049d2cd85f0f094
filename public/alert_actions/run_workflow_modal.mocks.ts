/* Fixtures for the "Run workflow" tests: workflows as the search API returns them, and core doubles. */
import type { NotificationsStart, ToastInputFields } from '@kbn/core/public';
import type { WorkflowDto } from '../../common/api';
import { createFakeHttp, type FakeRoutes } from '../application/services.mocks';
import type { RunWorkflowServices } from './types';

export const workflowDto = (overrides: Partial<WorkflowDto> & Pick<WorkflowDto, 'id' | 'name'>): WorkflowDto => ({
  description: '',
  tags: [],
  enabled: true,
  yaml: '',
  valid: true,
  validationErrors: [],
  triggerTypes: ['manual'],
  revision: 1,
  spaceId: 'default',
  createdAt: '2025-01-01T00:00:00.000Z',
  createdBy: 'elastic',
  updatedAt: '2025-01-01T00:00:00.000Z',
  updatedBy: 'elastic',
  ...overrides,
});

export const ALERTS = [
  { _id: 'alert-1', _index: '.internal.alerts-stack.alerts-default-000001' },
  { _id: 'alert-2', _index: '.internal.alerts-stack.alerts-default-000001' },
];

/** Records every toast with all its fields, so a test can mount a toast's text and follow its link. */
export const createRecordingToasts = () => {
  const shown: Array<{ kind: string; input: ToastInputFields; error?: Error }> = [];
  const record = (kind: string) => (input: string | ToastInputFields) => {
    shown.push({ kind, input: typeof input === 'string' ? { title: input } : input });
    return { id: String(shown.length) };
  };
  const notifications = {
    toasts: {
      add: record('add'),
      addSuccess: record('success'),
      addInfo: record('info'),
      addWarning: record('warning'),
      addDanger: record('danger'),
      addError: (error: Error, { title, toastMessage }: { title: string; toastMessage?: string }) => {
        shown.push({ kind: 'error', input: { title, text: toastMessage }, error });
        return { id: String(shown.length) };
      },
      remove: () => {},
    },
  } as unknown as NotificationsStart;
  return { notifications, shown };
};

export const createRunWorkflowServices = (routes: FakeRoutes) => {
  const { http, calls } = createFakeHttp(routes);
  const { notifications, shown } = createRecordingToasts();
  const navigatedTo: string[] = [];
  const services: RunWorkflowServices = {
    http,
    notifications,
    application: {
      getUrlForApp: (appId, { path = '' } = {}) => `/app/${appId}${path}`,
      navigateToUrl: async (url) => {
        navigatedTo.push(url);
      },
    },
  };
  return { services, calls, toasts: shown, navigatedTo };
};
