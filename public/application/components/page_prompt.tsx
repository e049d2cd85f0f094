import type { ComponentProps } from 'react';
import { EuiPageTemplate } from '@elastic/eui';

/** A whole-page message (loading, not found, failed) that keeps clear of the fixed header like any page. */
export const PagePrompt = (props: ComponentProps<typeof EuiPageTemplate.EmptyPrompt>) => (
  <EuiPageTemplate>
    <EuiPageTemplate.EmptyPrompt {...props} />
  </EuiPageTemplate>
);
