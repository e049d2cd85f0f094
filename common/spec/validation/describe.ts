import type { Path } from '../yaml/source_map';
import type { StepVisit, WorkflowIndex } from './workflow_index';

/** `steps[2].with.message` */
export const formatPath = (path: Path): string =>
  path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');

/** `steps[2] (name: "notify")` */
export const stepLabel = (visit: StepVisit): string =>
  `${formatPath(visit.path)}${visit.name !== undefined ? ` (name: "${visit.name}")` : ''}`;

export const withArticle = (word: string): string => `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;

export interface Location {
  /** The step the path is in, if any. */
  step?: StepVisit;
  /** Path from the step (or from the top of the workflow) to the field. */
  relative: Path;
  /** How messages name the place: the step label, or the path of the field's parent. */
  where: string;
}

export const locate = (index: WorkflowIndex, path: Path): Location => {
  const step = index.stepContaining(path);
  if (step) return { step, relative: path.slice(step.path.length), where: stepLabel(step) };
  return { relative: path, where: '' };
};

/** Prefix a message with where it happens: `steps[2] (name: "notify"): …`. */
export const at = (where: string, message: string): string => (where ? `${where}: ${message}` : message);
