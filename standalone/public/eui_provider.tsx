import { type ReactNode } from 'react';
import { EuiProvider } from '@elastic/eui';
import { EuiThemeBorealis } from '@elastic/eui-theme-borealis';

/**
 * Every React root of the page goes through here so they share one theme. Only the chrome's root
 * injects EUI's global styles; app roots (`rendering.addContext`) would otherwise inject them again.
 */
export const HostEuiProvider = ({ children, root = false }: { children: ReactNode; root?: boolean }) => (
  <EuiProvider
    theme={EuiThemeBorealis}
    colorMode="light"
    {...(root ? {} : { globalStyles: false as const, utilityClasses: false as const })}
  >
    {children}
  </EuiProvider>
);
