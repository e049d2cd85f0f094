/*
 * The host side of Kibana's cases plugin: the cases feature (API privileges `cases_read` and
 * `cases_all`), the HTTP API, and the start contract `getCasesClientWithRequest`.
 */
import { DEFAULT_APP_CATEGORIES, type IRouter, type KibanaRequest } from '@kbn/core/server';
import type { CasesServerSetup, CasesServerStart } from '@kbn/cases-plugin/server';
import type { FeaturesPluginSetup } from '@kbn/features-plugin/server';
import { getRequestUser } from '../http/kibana_request';
import { CASES_API_PRIVILEGES, HostCasesClient, type CaseAlertsLink } from './cases_client';
import { registerCasesRoutes } from './cases_routes';
import { CasesStore } from './cases_store';

export const CASES_FEATURE_ID = 'generalCases';
const DEFAULT_SPACE = 'default';

export interface CasesServiceOptions {
  /** `<data>/kibana.sqlite`. */
  file: string;
  /** Attaching alerts marks them with the case id and, with syncAlerts, the case status. */
  alerts?: CaseAlertsLink;
  now?: () => Date;
}

export class CasesService {
  private readonly store: CasesStore;

  constructor(private readonly options: CasesServiceOptions) {
    this.store = new CasesStore(options.file);
  }

  setup({ router, features }: { router: IRouter; features: FeaturesPluginSetup }): CasesServerSetup {
    const privileges = (api: string[]) => ({ savedObject: { all: [], read: [] }, ui: [], api });
    features.registerKibanaFeature({
      id: CASES_FEATURE_ID,
      name: 'Cases',
      category: DEFAULT_APP_CATEGORIES.management,
      app: [],
      privileges: {
        all: privileges([CASES_API_PRIVILEGES.all, CASES_API_PRIVILEGES.read]),
        read: privileges([CASES_API_PRIVILEGES.read]),
      },
    });
    registerCasesRoutes(router, { getClient: (request) => this.createClient(request) });
    return {};
  }

  start(): CasesServerStart {
    return { getCasesClientWithRequest: async (request) => this.createClient(request) };
  }

  stop(): void {
    this.store.close();
  }

  private createClient(request: KibanaRequest): HostCasesClient {
    const { alerts, now } = this.options;
    return new HostCasesClient({ store: this.store, user: getRequestUser(request), spaceId: DEFAULT_SPACE, alerts, now });
  }
}
