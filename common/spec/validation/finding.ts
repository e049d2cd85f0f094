import type { ValidationFinding } from '../../api/types';
import type { Path, SourceMap } from '../yaml/source_map';

/**
 * A finding before it has a position: which node it is about. `key` points at the field name,
 * `value` at its value, `parent` at the map that lacks the field; `offset` points inside a string.
 */
export interface PendingFinding {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  path: Path;
  target?: 'key' | 'value' | 'parent';
  offset?: number;
}

export const positionFinding = (finding: PendingFinding, map: SourceMap): ValidationFinding => {
  const { code, severity, message, path, target = 'value', offset } = finding;
  const position =
    offset !== undefined
      ? map.scalarPosition(path, offset)
      : target === 'key'
        ? map.keyPosition(path)
        : target === 'parent'
          ? map.valuePosition(path.slice(0, -1))
          : map.valuePosition(path);
  return { code, severity, message, ...position, path: path.join('.') };
};

export const error = (
  code: string,
  message: string,
  path: Path,
  target?: PendingFinding['target']
): PendingFinding => ({
  code,
  severity: 'error',
  message,
  path,
  target,
});

export const warning = (
  code: string,
  message: string,
  path: Path,
  extra: Partial<PendingFinding> = {}
): PendingFinding => ({
  code,
  severity: 'warning',
  message,
  path,
  ...extra,
});
