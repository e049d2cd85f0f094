import type { ComponentType, ReactElement, ReactNode } from 'react';

export interface I18nStart {
  /** Wraps a rendered tree so that `FormattedMessage` and friends work inside it. */
  Context: ComponentType<{ children: ReactNode }>;
}

/**
 * Kibana 9.x `core.rendering`: `addContext` wraps a tree rendered into its own React root with
 * everything Kibana's own roots have (EUI theme, i18n), the public form of `KibanaRenderContextProvider`.
 */
export interface RenderingService {
  addContext(element: ReactNode): ReactElement;
}
