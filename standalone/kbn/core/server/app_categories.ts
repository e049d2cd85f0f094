export interface AppCategory {
  id: string;
  label: string;
  ariaLabel?: string;
  order?: number;
  euiIconType?: string;
}

export const DEFAULT_APP_CATEGORIES = Object.freeze({
  kibana: { id: 'kibana', label: 'Analytics', euiIconType: 'logoKibana', order: 1000 },
  enterpriseSearch: { id: 'enterpriseSearch', label: 'Search', order: 2000, euiIconType: 'logoEnterpriseSearch' },
  observability: { id: 'observability', label: 'Observability', euiIconType: 'logoObservability', order: 3000 },
  security: { id: 'securitySolution', label: 'Security', order: 4000, euiIconType: 'logoSecurity' },
  management: { id: 'management', label: 'Management', order: 5000, euiIconType: 'managementApp' },
} satisfies Record<string, AppCategory>);
