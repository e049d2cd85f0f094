import { at, locate } from './describe';
import { warning } from './finding';
import type { ValidationRule } from './rule';

/*
 * Templates mark install-time values with `__install__.<field>` (filled from the template's install
 * form) or `<%= name %>`; Elastic's examples also write REPLACE_WITH_… or <YOUR_…> in connector-id.
 * Left unfilled they reach run time as literal text.
 */
const PLACEHOLDERS = [
  {
    pattern: /__install__\.([A-Za-z0-9_-]+)/g,
    fill: (name: string) => `the "${name}" field of the template's install form`,
  },
  { pattern: /<%=\s*(.*?)\s*%>/g, fill: (name: string) => `your value for "${name}"` },
];
const CONNECTOR_PLACEHOLDER = /^(?:REPLACE_WITH_\w+|<YOUR_\w+>|YOUR_\w+)$/;

const CONNECTOR = 'the name or id of your connector';

export const unfilledPlaceholder: ValidationRule = {
  codes: ['unfilled-placeholder'],
  check: (index) =>
    index.strings.flatMap((string) => {
      if (string.path[0] === 'template-metadata') return [];
      const isConnectorId = string.path[string.path.length - 1] === 'connector-id';
      const report = (placeholder: string, fill: string, offset?: number) => {
        const message = `unfilled placeholder ${placeholder}: replace it with ${fill}`;
        return warning('unfilled-placeholder', at(locate(index, string.path).where, message), string.path, { offset });
      };
      const found = PLACEHOLDERS.flatMap(({ pattern, fill }) =>
        [...string.text.matchAll(pattern)].map((match) =>
          report(match[0], isConnectorId ? CONNECTOR : fill(match[1]), match.index)
        )
      );
      if (isConnectorId && CONNECTOR_PLACEHOLDER.test(string.text)) found.push(report(string.text, CONNECTOR));
      return found;
    }),
};
