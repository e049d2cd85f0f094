/*
 * The slice of Kibana's `@kbn/i18n-react` the plugin uses: messages whose values may be React nodes.
 * Plain `createElement` keeps the package's entry a `.ts` file, as its package.json names it.
 */
import { createElement, Fragment, type ReactNode } from 'react';

export interface FormattedMessageProps {
  id: string;
  defaultMessage: string;
  values?: Record<string, ReactNode>;
  description?: string;
}

export const FormattedMessage = ({ defaultMessage, values = {} }: FormattedMessageProps) => {
  // Splitting on a capturing group leaves the placeholder names at the odd indexes.
  const parts = defaultMessage.split(/\{\s*(\w+)\s*\}/g);
  return createElement(
    Fragment,
    null,
    ...parts.map((part, index) =>
      createElement(
        Fragment,
        { key: index },
        index % 2 === 0 ? part : Object.prototype.hasOwnProperty.call(values, part) ? values[part] : `{${part}}`,
      ),
    ),
  );
};

/** Kibana's provider sets up react-intl; with one locale there is nothing to provide. */
export const I18nProvider = ({ children }: { children?: ReactNode }) => createElement(Fragment, null, children);
