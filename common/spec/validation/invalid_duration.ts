import { DURATION_PATTERN, isTemplated } from '../durations';
import type { Path } from '../yaml/source_map';
import { at, formatPath, locate } from './describe';
import { error, type PendingFinding } from './finding';
import type { ValidationRule } from './rule';
import { isRawMap, type RawMap, type WorkflowIndex } from './workflow_index';

const retryDurations = (onFailure: unknown, path: Path): Array<[Path, unknown]> => {
  if (!isRawMap(onFailure) || !isRawMap(onFailure.retry)) return [];
  const retry = onFailure.retry;
  return [
    [[...path, 'retry', 'delay'], retry.delay],
    [[...path, 'retry', 'max-delay'], retry['max-delay']],
  ];
};

const withField = (step: RawMap, field: string): unknown => (isRawMap(step.with) ? step.with[field] : undefined);

/** Every place that holds a duration, with its value. */
const durations = (index: WorkflowIndex): Array<[Path, unknown]> => {
  const { workflow } = index;
  const found: Array<[Path, unknown]> = [];
  if (isRawMap(workflow.settings)) {
    found.push([['settings', 'timeout'], workflow.settings.timeout]);
    found.push(...retryDurations(workflow.settings['on-failure'], ['settings', 'on-failure']));
  }
  if (Array.isArray(workflow.triggers)) {
    workflow.triggers.forEach((trigger, i) => {
      if (isRawMap(trigger) && trigger.type === 'scheduled' && isRawMap(trigger.with)) {
        found.push([['triggers', i, 'with', 'every'], trigger.with.every]);
      }
    });
  }
  for (const { step, path, type } of index.steps) {
    found.push([[...path, 'timeout'], step.timeout]);
    found.push(...retryDurations(step['on-failure'], [...path, 'on-failure']));
    if (type === 'wait') found.push([[...path, 'with', 'duration'], withField(step, 'duration')]);
    if (type === 'http') found.push([[...path, 'with', 'timeout'], withField(step, 'timeout')]);
  }
  return found;
};

export const invalidDuration: ValidationRule = {
  codes: ['invalid-duration'],
  check: (index) =>
    durations(index).flatMap(([path, value]): PendingFinding[] => {
      if (typeof value !== 'string' || isTemplated(value) || DURATION_PATTERN.test(value.trim())) return [];
      const { where, relative } = locate(index, path);
      const message = `"${formatPath(relative)}" is not a duration: "${value}" (write a whole number and a unit among ms, s, m, h, d, w, e.g. 30s or 5m)`;
      return [error('invalid-duration', at(where, message), path)];
    }),
};
