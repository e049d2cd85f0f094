import { findTemplateErrors } from '../../templating';
import { at, locate } from './describe';
import { error } from './finding';
import type { ValidationRule } from './rule';

/** A step's name and type are identifiers, not templates; everything else in a step is rendered. */
const isRendered = (relative: readonly unknown[]): boolean =>
  !(relative.length === 1 && (relative[0] === 'name' || relative[0] === 'type'));

export const liquidSyntax: ValidationRule = {
  codes: ['liquid-syntax'],
  check: (index) =>
    index.strings.flatMap((string) => {
      if (string.path[0] !== 'steps' && string.path[0] !== 'settings') return [];
      if (!string.text.includes('{{') && !string.text.includes('{%')) return [];
      const { where, relative } = locate(index, string.path);
      if (!isRendered(relative)) return [];
      // Later problems in the same string are usually echoes of the first (an unclosed tag swallows the rest).
      const [problem] = findTemplateErrors(string.text);
      if (!problem) return [];
      return [
        {
          ...error('liquid-syntax', at(where, `template error: ${problem.message}`), string.path),
          offset: problem.offset,
        },
      ];
    }),
};
